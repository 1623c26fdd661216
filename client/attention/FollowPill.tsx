// What everyone sees of attention: "Following <name>" (or a one-click rejoin after breaking away)
// and the spotlit pattern's name. Floats over the canvas; never covers the tools.
import type { BoardSession } from '../board/createSession.ts'
import { useStore } from '../store/useStore.ts'
import type { Attention } from './attention.ts'
import './attention.css'

export function FollowPill({ session, attention }: { session: BoardSession; attention: Attention }) {
  const role = useStore(attention, (a) => a.role)
  const name = useStore(attention, (a) => a.leaderName ?? 'the facilitator')
  const here = useStore(attention, (a) => a.leaderHere)
  const spotlight = useStore(attention, (a) => a.session?.spotlight ?? null)
  const spotName = useStore(session.board, (b) => (spotlight ? (b.patterns.find((p) => p.id === spotlight)?.name ?? null) : null))
  if (role !== 'following' && role !== 'away' && role !== 'leading' && spotName === null) return null
  return (
    <div className="attention-pills" data-overlay aria-live="polite">
      {role === 'following' && (
        <span className="attention-pill following" data-testid="follow-pill" data-state="following">
          Following {name}
          {!here && <span className="attention-wait"> (waiting for their view)</span>}
        </span>
      )}
      {role === 'away' && (
        <span className="attention-pill away" data-testid="follow-pill" data-state="away">
          You left {name}’s view
          <button type="button" onClick={() => attention.rejoin()} data-testid="follow-rejoin">
            Rejoin
          </button>
        </span>
      )}
      {role === 'leading' && (
        <span className="attention-pill leading" data-testid="follow-pill" data-state="leading">
          Everyone is following your view
        </span>
      )}
      {spotName !== null && (
        <span className="attention-pill spotlight" data-testid="spotlight-pill">
          Spotlight: {spotName || 'Untitled pattern'}
        </span>
      )}
    </div>
  )
}
