// Import a board from a `learning-wall-board/2` (or `/1`) JSON export (home page): a new board you own.
import { useState, type ChangeEvent } from 'react'
import { importBoard } from './exportApi.ts'
import './export.css'

/** As the server's IMPORT_MAX_BYTES. */
const MAX_BYTES = 32 * 1024 * 1024

export function ImportBoardForm({ onImported }: { onImported: (board: { id: string }) => void }) {
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)

  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0]
    e.target.value = ''
    if (!file) return
    if (file.size > MAX_BYTES) return setStatus('That file is too large to be a board export.')
    setBusy(true)
    setStatus(`Importing ${file.name}…`)
    let json: unknown
    try {
      json = JSON.parse(await file.text())
    } catch {
      setBusy(false)
      return setStatus('That file is not JSON. Choose a board export (.learning-wall.json).')
    }
    const r = await importBoard(json)
    setBusy(false)
    if (!r.ok) return setStatus(`Could not import: ${r.error.message}`)
    setStatus(`Imported “${r.value.board.title}”.`)
    onImported(r.value.board)
  }

  return (
    <section className="home-import" aria-labelledby="import-heading">
      <h2 id="import-heading">Import a board</h2>
      <label htmlFor="import-board-file">A board exported as JSON becomes a new board that you own.</label>
      <input id="import-board-file" type="file" accept="application/json,.json" disabled={busy} onChange={(e) => void pick(e)} data-testid="import-board-file" />
      <p role="status" aria-live="polite" data-testid="import-board-status">
        {status}
      </p>
    </section>
  )
}
