// Connection state: connected, reconnecting, offline (edits kept on this device), or closed with
// the server's reason (after which it stops reconnecting).
import type { BoardSession } from '../board/createSession.ts'
import { CONNECTION_LABELS } from '../board/connectionState.ts'
import { useStore } from '../store/useStore.ts'

export function ConnectionBadge({ session }: { session: BoardSession }) {
  const c = useStore(session.connection, (s) => s)
  // When access has ended, AccessEndedNotice says so (once, more prominently).
  const accessEnded = useStore(session.access, (a) => a.endedBy !== null)
  return (
    <>
      <span className={`connection connection-${c.status}`} role="status" aria-live="polite" data-testid="connection" data-status={c.status}>
        <span className="dot" aria-hidden="true" />
        {CONNECTION_LABELS[c.status]}
      </span>
      {c.status === 'closed' && c.message && !accessEnded && (
        <div className="closed-banner" role="alert" data-testid="connection-closed">
          {c.message} Your edits on this device are kept.
        </div>
      )}
    </>
  )
}
