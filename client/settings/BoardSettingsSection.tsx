// Owner-only board settings: title, system scale, learning-cycle element and anonymous mode.
// Only the fields that changed are sent; title, scale and element reach everyone through the
// board document, anonymous mode through the server's policy.
import { useEffect, useState, type FormEvent } from 'react'
import {
  CYCLE_ELEMENTS,
  ELEMENT_LABELS,
  SCALE_LABELS,
  SCALES,
  type CycleElement,
  type Scale,
} from '../../shared/model/cycle.ts'
import {
  changeBoardSettings,
  getBoardWithAccess,
  type BoardSettings,
  type BoardWithAccess,
} from '../access/accessApi.ts'
import type { ApiError } from '../home/api.ts'
import { ErrorNote } from '../home/ErrorNote.tsx'

type Form = { title: string; scale: Scale; element: CycleElement; anonymous: boolean }

const formOf = (b: BoardWithAccess): Form => ({
  title: b.title,
  scale: b.scale,
  element: b.element as CycleElement,
  anonymous: b.anonymous === true,
})

function changes(from: Form, to: Form): BoardSettings {
  const out: BoardSettings = {}
  if (to.title.trim() !== from.title) out.title = to.title.trim()
  if (to.scale !== from.scale) out.scale = to.scale
  if (to.element !== from.element) out.element = to.element
  if (to.anonymous !== from.anonymous) out.anonymous = to.anonymous
  return out
}

export function BoardSettingsSection({
  boardId,
  onSaved,
}: {
  boardId: string
  onSaved: (board: BoardWithAccess) => void
}) {
  const [saved, setSaved] = useState<Form | null>(null)
  const [form, setForm] = useState<Form | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [note, setNote] = useState('')

  useEffect(() => {
    void getBoardWithAccess(boardId).then((r) => {
      if (!r.ok) return setError(r.error)
      setSaved(formOf(r.value))
      setForm(formOf(r.value))
    })
  }, [boardId])

  if (!form || !saved)
    return error ? <ErrorNote error={error} /> : <p aria-live="polite">Loading settings…</p>
  const diff = changes(saved, form)
  const set = (patch: Partial<Form>) => (setForm({ ...form, ...patch }), setNote(''))

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (Object.keys(diff).length === 0) return
    setBusy(true)
    setError(null)
    const r = await changeBoardSettings(boardId, diff)
    setBusy(false)
    if (!r.ok) return setError(r.error)
    setSaved(formOf(r.value))
    setForm(formOf(r.value))
    setNote('Settings saved.')
    onSaved(r.value)
  }

  return (
    <form
      className="settings-form"
      onSubmit={submit}
      aria-labelledby="settings-heading"
      data-testid="board-settings-form"
    >
      <h3 id="settings-heading">Board settings</h3>
      <label>
        Title
        <input
          value={form.title}
          onChange={(e) => set({ title: e.target.value })}
          required
          maxLength={200}
          data-testid="settings-title"
        />
      </label>
      <label>
        System scale
        <select
          value={form.scale}
          onChange={(e) => set({ scale: e.target.value as Scale })}
          data-testid="settings-scale"
        >
          {SCALES.map((s) => (
            <option key={s} value={s}>
              {SCALE_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>
          Learning-cycle element <span className="hint">(a soft label: it can move backwards)</span>
        </span>
        <select
          value={form.element}
          onChange={(e) => set({ element: e.target.value as CycleElement })}
          data-testid="settings-element"
        >
          {CYCLE_ELEMENTS.map((el) => (
            <option key={el} value={el}>
              {ELEMENT_LABELS[el]}
            </option>
          ))}
        </select>
      </label>
      <div className="check">
        <input
          id="settings-anonymous"
          type="checkbox"
          checked={form.anonymous}
          onChange={(e) => set({ anonymous: e.target.checked })}
          aria-describedby="anonymous-help"
          data-testid="settings-anonymous"
        />
        <div>
          <label htmlFor="settings-anonymous">Anonymous mode</label>
          <p id="anonymous-help" className="hint" style={{ margin: '2px 0 0' }}>
            New stories store no author; presence shows &lsquo;Participant&rsquo;. Stories already
            on the board keep what they have.
          </p>
        </div>
      </div>
      <div className="actions">
        <button
          type="submit"
          className="primary"
          disabled={busy || Object.keys(diff).length === 0 || form.title.trim() === ''}
          data-testid="settings-save"
        >
          {busy ? 'Saving…' : 'Save settings'}
        </button>
        <span className="saved-note" role="status">
          {note}
        </span>
      </div>
      {error && <ErrorNote error={error} title="Could not save." />}
    </form>
  )
}
