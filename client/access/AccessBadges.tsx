// On the board header: "View only" for observers, "Anonymous board" when no authors are stored,
// and a short note while a changed role is read again.
import { can } from '../../shared/access/roles.ts'
import type { BoardSession } from '../board/createSession.ts'
import { useStore } from '../store/useStore.ts'
import './access.css'

export function AccessBadges({ session }: { session: BoardSession }) {
  const role = useStore(session.access, (a) => a.role)
  const anonymous = useStore(session.access, (a) => a.anonymous)
  const checking = useStore(session.access, (a) => a.checking)
  const ended = useStore(session.access, (a) => a.endedBy !== null)
  const viewOnly = ended || (role !== null && !can(role, 'editBoard'))
  return (
    <>
      {viewOnly && (
        <span
          className="access-badge view-only"
          data-testid="view-only-badge"
          title="You can see this board as it changes, but not change it."
        >
          View only
        </span>
      )}
      {anonymous && (
        <span
          className="access-badge anonymous"
          data-testid="anonymous-badge"
          title="New stories store no author; presence shows 'Participant'."
        >
          Anonymous board
        </span>
      )}
      {checking && !ended && (
        <span className="access-badge checking" role="status">
          Checking your role…
        </span>
      )}
    </>
  )
}
