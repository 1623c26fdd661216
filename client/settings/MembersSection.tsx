// The people on a board: everyone sees the list; managers change roles, remove, and add by email.
// The server decides; a refusal is shown and the list is read again.
import { useCallback, useEffect, useState } from 'react'
import { can, type Role } from '../../shared/access/roles.ts'
import { changeMemberRole, listMembers, removeMember, type Member } from '../access/accessApi.ts'
import { sortMembers } from '../access/people.ts'
import type { ApiError } from '../home/api.ts'
import { ErrorNote } from '../home/ErrorNote.tsx'
import { AddMemberForm } from './AddMemberForm.tsx'
import { MemberRow } from './MemberRow.tsx'

type Props = {
  boardId: string
  actor: Role | null
  meId: string | null
  onMembers?: (members: Member[]) => void
}

export function MembersSection({ boardId, actor, meId, onMembers }: Props) {
  const [members, setMembers] = useState<Member[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState<string | null>(null)

  const load = useCallback(async () => {
    const r = await listMembers(boardId)
    if (r.ok) {
      setMembers(sortMembers(r.value.members))
      onMembers?.(r.value.members)
    } else setError(r.error)
  }, [boardId, onMembers])

  useEffect(() => {
    void load()
  }, [load])

  const act = async (
    userId: string,
    run: () => Promise<{ ok: true } | { ok: false; error: ApiError }>,
  ) => {
    setBusy(userId)
    setError(null)
    const r = await run()
    setBusy(null)
    if (!r.ok) setError(r.error)
    await load()
  }

  const count = members?.length ?? 0
  return (
    <section className="people-panel-section" aria-labelledby="members-heading">
      <h3 id="members-heading">Members {members && <span className="hint">({count})</span>}</h3>
      {error && <ErrorNote error={error} title="That did not work." />}
      {!members && !error && <p aria-live="polite">Loading members…</p>}
      {members && (
        <ul className="people-list" aria-label="Members" data-testid="member-list">
          {members.map((m) => (
            <MemberRow
              key={m.userId}
              member={m}
              actor={actor}
              isMe={m.userId === meId}
              busy={busy === m.userId}
              onRole={(role) => void act(m.userId, () => changeMemberRole(boardId, m.userId, role))}
              onRemove={() => void act(m.userId, () => removeMember(boardId, m.userId))}
            />
          ))}
        </ul>
      )}
      {can(actor, 'manageMembers') && (
        <AddMemberForm boardId={boardId} actor={actor} onAdded={() => void load()} />
      )}
    </section>
  )
}
