// Create a board: one learning cycle, with its system scale.
import { useState, type FormEvent } from 'react'
import { SCALE_LABELS, SCALES, type Scale } from '../../shared/model/cycle.ts'
import { createBoard, type ApiError, type BoardSummary } from './api.ts'
import { ErrorNote } from './ErrorNote.tsx'

export function CreateBoardForm({ onCreated }: { onCreated: (board: BoardSummary) => void }) {
  const [title, setTitle] = useState('')
  const [scale, setScale] = useState<Scale>('team')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    const r = await createBoard(title.trim(), scale)
    setBusy(false)
    if (r.ok) onCreated(r.value)
    else setError(r.error)
  }

  return (
    <form className="create-board" onSubmit={submit} aria-labelledby="create-board-heading">
      <h2 id="create-board-heading">New board</h2>
      <p className="hint">One board per learning cycle.</p>
      <label>
        Title
        <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} placeholder="e.g. Money advice in Westbury" />
      </label>
      <label>
        System scale
        <select name="scale" value={scale} onChange={(e) => setScale(e.target.value as Scale)}>
          {SCALES.map((s) => (
            <option key={s} value={s}>
              {SCALE_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary" disabled={busy || title.trim() === ''}>
        {busy ? 'Creating…' : 'Create board'}
      </button>
      {error && <ErrorNote error={error} title="Could not create the board." />}
    </form>
  )
}
