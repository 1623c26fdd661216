// Measures beside the narrative: rows of name, value and unit (e.g. income gained, 120, £/month).
import { useState } from 'react'
import { measureRows, rowsToMeasures, type MeasureRow } from './fieldValues.ts'
import type { StoryView } from '../store/boardStore.ts'

type Props = { story: StoryView; commit: (measures: ReturnType<typeof rowsToMeasures>) => void }

export function MeasuresEditor({ story, commit }: Props) {
  const [rows, setRows] = useState<MeasureRow[]>(() => measureRows(story))
  const set = (i: number, patch: Partial<MeasureRow>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  const save = (next = rows) => commit(rowsToMeasures(next))
  const remove = (i: number) => {
    const next = rows.filter((_, j) => j !== i)
    setRows(next)
    save(next)
  }
  return (
    <fieldset className="measures">
      <legend>Measures</legend>
      {rows.map((r, i) => (
        <div className="measure-row" key={i}>
          <input aria-label={`Measure ${i + 1} name`} placeholder="name" value={r.name} onChange={(e) => set(i, { name: e.target.value })} onBlur={() => save()} maxLength={80} />
          <input aria-label={`Measure ${i + 1} value`} placeholder="value" inputMode="decimal" value={r.value} onChange={(e) => set(i, { value: e.target.value })} onBlur={() => save()} />
          <input aria-label={`Measure ${i + 1} unit`} placeholder="unit" value={r.unit} onChange={(e) => set(i, { unit: e.target.value })} onBlur={() => save()} maxLength={40} />
          <button type="button" aria-label={`Remove measure ${i + 1}`} onClick={() => remove(i)}>
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={() => setRows((rs) => [...rs, { name: '', value: '', unit: '' }])} disabled={rows.length >= 20}>
        Add measure
      </button>
    </fieldset>
  )
}
