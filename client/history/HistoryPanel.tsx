// History: save a named version ("end of workshop"), see every version, restore one as a new
// board. Saving needs a contributor, restoring a facilitator (a version holds the whole board).
import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { can, type Role } from '../../shared/access/roles.ts'
import { boardPath } from '../app/route.ts'
import { listVersions, restoreVersion, saveVersion, versionLabel, type Version } from './historyApi.ts'

type Props = { boardId: string; role: Role | null; navigate: (path: string) => void }

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })

export function HistoryPanel({ boardId, role, navigate }: Props) {
  const [versions, setVersions] = useState<Version[] | null>(null)
  const [name, setName] = useState('')
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)
  const [restored, setRestored] = useState<{ id: string; title: string } | null>(null)

  const load = useCallback(async () => {
    const r = await listVersions(boardId)
    if (r.ok) setVersions(r.value.versions)
    else setStatus(r.error.message)
  }, [boardId])
  useEffect(() => {
    void load()
  }, [load])

  const save = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    const r = await saveVersion(boardId, name)
    setBusy(false)
    if (!r.ok) return setStatus(r.error.message)
    setName('')
    setStatus(`Saved “${versionLabel(r.value.version)}”.`)
    await load()
  }

  const restore = async (v: Version) => {
    setBusy(true)
    setStatus(`Restoring ${versionLabel(v)} as a new board…`)
    const r = await restoreVersion(boardId, v.id)
    setBusy(false)
    if (!r.ok) return setStatus(r.error.message)
    setRestored(r.value.board)
    setStatus(`Restored as a new board: ${r.value.board.title}.`)
  }

  return (
    <div className="history-panel" data-testid="history-panel">
      {can(role, 'saveVersion') && (
        <form onSubmit={(e) => void save(e)} className="history-save">
          <label htmlFor="version-name">Name this version</label>
          <input id="version-name" value={name} maxLength={120} placeholder="End of workshop" onChange={(e) => setName(e.target.value)} required />
          <button type="submit" disabled={busy || !name.trim()}>
            Save version
          </button>
        </form>
      )}
      <p role="status" aria-live="polite" className="history-status" data-testid="history-status">
        {status}
        {restored && (
          <>
            {' '}
            <a href={boardPath(restored.id)} onClick={(e) => (e.preventDefault(), navigate(boardPath(restored.id)))}>
              Open it
            </a>
          </>
        )}
      </p>
      {versions === null ? (
        <p>Loading versions…</p>
      ) : versions.length === 0 ? (
        <p>No versions yet. One is kept automatically while people work, and you can name one above.</p>
      ) : (
        <ul className="version-list" aria-label="Versions, newest first">
          {versions.map((v) => (
            <li key={v.id} data-version-kind={v.kind}>
              <span className="version-name">{versionLabel(v)}</span>
              <span className="version-meta">
                {when(v.createdAt)}
                {v.createdByName ? ` · ${v.createdByName}` : ''}
              </span>
              {can(role, 'restoreVersion') && (
                <button type="button" disabled={busy} onClick={() => void restore(v)} aria-label={`Restore ${versionLabel(v)} from ${when(v.createdAt)} as a new board`}>
                  Restore as new board
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
