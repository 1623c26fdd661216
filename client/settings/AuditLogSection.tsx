// The board's audit log for its owners: when, who, what in plain words, and the details.
import { useEffect, useState } from 'react'
import { getAuditLog, listMembers, type AuditEntry } from '../access/accessApi.ts'
import { describeAudit } from '../access/auditText.ts'
import type { ApiError } from '../home/api.ts'
import { ErrorNote } from '../home/ErrorNote.tsx'

const stamp = (at: string) => {
  const d = new Date(at)
  return Number.isNaN(d.getTime())
    ? at
    : d.toLocaleString(undefined, {
        day: 'numeric',
        month: 'short',
        hour: '2-digit',
        minute: '2-digit',
      })
}

export function AuditLogSection({ boardId }: { boardId: string }) {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null)
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map())
  const [error, setError] = useState<ApiError | null>(null)

  useEffect(() => {
    void getAuditLog(boardId).then((r) => (r.ok ? setEntries(r.value.entries) : setError(r.error)))
    // Details name people by id; members still on the board get their names back.
    void listMembers(boardId).then(
      (r) => r.ok && setNames(new Map(r.value.members.map((m) => [m.userId, m.displayName]))),
    )
  }, [boardId])

  if (error) return <ErrorNote error={error} title="Could not read the audit log." />
  if (!entries) return <p aria-live="polite">Loading the audit log…</p>
  const nameOf = (id: string) => names.get(id) ?? null
  const now = Date.now()
  return (
    <section aria-labelledby="audit-heading" className="people-panel-section">
      <h3 id="audit-heading">Audit log</h3>
      <p className="hint">
        Every change of access and settings, newest first. It holds no story text.
      </p>
      {/* A focusable scroll region, so the log can be scrolled with the keyboard. */}
      <div className="audit-scroll" tabIndex={0} role="region" aria-label="Audit log entries">
        <table className="audit-table" data-testid="audit-log">
          <caption>{entries.length === 1 ? '1 entry' : `${entries.length} entries`}</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => {
              const said = describeAudit(e, nameOf, now)
              return (
                <tr key={e.id} data-testid="audit-entry" data-action={e.action}>
                  <td className="when">
                    <time dateTime={e.at}>{stamp(e.at)}</time>
                  </td>
                  <td>{e.actorName ?? (e.actorId ? 'a former member' : 'the system')}</td>
                  <td>{said.what}</td>
                  <td>{said.details}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}
