// Invite links for managers: create one (shown once), see all with uses, expiry, state and who is
// a member through each (kept live: refreshed every few seconds while shown), stop new joins, remove.
import { useCallback, useEffect, useState } from 'react'
import type { Role } from '../../shared/access/roles.ts'
import { listInvites, pauseInvite, revokeInvite, type Invite } from '../access/accessApi.ts'
import type { ApiError } from '../home/api.ts'
import { ErrorNote } from '../home/ErrorNote.tsx'
import { CreateInviteForm } from './CreateInviteForm.tsx'
import { InviteRow } from './InviteRow.tsx'

const REFRESH_MS = 5_000
const newestFirst = (a: Invite, b: Invite) => b.createdAt.localeCompare(a.createdAt)

export function InvitesSection({ boardId, actor }: { boardId: string; actor: Role | null }) {
  const [invites, setInvites] = useState<Invite[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [note, setNote] = useState('')

  const load = useCallback(async () => {
    const r = await listInvites(boardId)
    if (r.ok) setInvites([...r.value.invites].sort(newestFirst))
    else setError(r.error)
  }, [boardId])

  useEffect(() => {
    void load()
    // People keep joining during a session: the counts in the rows (and the removal question) follow.
    const timer = setInterval(() => void load(), REFRESH_MS)
    return () => clearInterval(timer)
  }, [load])

  const pause = async (id: string, disabled: boolean) => {
    setBusy(id)
    setError(null)
    const r = await pauseInvite(boardId, id, disabled)
    setBusy(null)
    if (r.ok)
      setNote(disabled ? 'Nobody new can join through that link; everyone who joined keeps access.' : 'People can join through that link again.')
    else setError(r.error)
    await load()
  }

  const revoke = async (id: string) => {
    setBusy(id)
    setError(null)
    const r = await revokeInvite(boardId, id)
    setBusy(null)
    if (r.ok)
      setNote(
        r.value.removed
          ? `Link ended; ${r.value.removed} ${r.value.removed === 1 ? 'person' : 'people'} lost access.`
          : 'Link ended.',
      )
    else setError(r.error)
    await load()
  }

  const now = Date.now()
  return (
    <section aria-labelledby="invites-heading" className="people-panel-section">
      <h3 id="invites-heading">Invite links</h3>
      <p className="hint">
        Anyone with a link can join with its role until it expires or is used up. Stopping new joins
        keeps everyone who joined; removing them ends the link for good. Guests need no account.
      </p>
      <CreateInviteForm boardId={boardId} actor={actor} onCreated={() => void load()} />
      {error && <ErrorNote error={error} title="That did not work." />}
      <p className="hint" role="status">
        {note}
      </p>
      {invites === null && !error && <p aria-live="polite">Loading links…</p>}
      {invites?.length === 0 && <p>No invite links yet.</p>}
      {invites && invites.length > 0 && (
        <ul className="people-list" aria-label="Invite links" data-testid="invite-list">
          {invites.map((i) => (
            <InviteRow
              key={i.id}
              invite={i}
              now={now}
              busy={busy === i.id}
              onPause={(disabled) => void pause(i.id, disabled)}
              onRevoke={() => void revoke(i.id)}
            />
          ))}
        </ul>
      )}
    </section>
  )
}
