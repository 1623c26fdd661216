// Vote on one pattern: take a vote back, this person's votes on it, add a vote. While the vote is
// open nobody sees totals; after the close the total shows instead. Refusals from the server
// (over the limit, closed meanwhile) are said in words in the vote bar's alert.
import type { BoardSession } from '../board/createSession.ts'
import { useStore } from '../store/useStore.ts'
import { voteView } from './voteView.ts'

type Props = { session: BoardSession; patternId: string; name: string }

export function useVoteView(session: BoardSession) {
  const docSession = useStore(session.vote, (s) => s.docSession)
  const server = useStore(session.vote, (s) => s.server)
  const role = useStore(session.access, (a) => (a.endedBy === null ? a.role : null))
  return voteView(docSession, server, role)
}

export function VoteTotal({ session, patternId }: { session: BoardSession; patternId: string }) {
  const v = useVoteView(session)
  const total = v.total(patternId)
  if (total === null) return null
  return (
    <span className="vote-total" data-testid="pattern-total" data-pattern-id={patternId} title="Votes when the vote closed">
      {total} {total === 1 ? 'vote' : 'votes'}
    </span>
  )
}

export function VoteControls({ session, patternId, name }: Props) {
  const v = useVoteView(session)
  if (v.phase === 'closed') return <VoteTotal session={session} patternId={patternId} />
  if (v.phase !== 'open' || !v.canVote) return null
  const mine = v.mine(patternId)
  // At a limit the button says why instead of inviting a click the server would refuse.
  const blocked = v.addBlocked(patternId)
  const label = name || 'unnamed pattern'
  // A refusal shows in the vote bar's alert (see VoteBar), announced to screen readers.
  const cast = (delta: 1 | -1) => session.vote.cast(patternId, delta)
  return (
    <span className="vote-controls" role="group" aria-label={`Your votes on ${label}`}>
      <button type="button" className="vote-remove" onClick={() => void cast(-1)} disabled={mine === 0} aria-label={`Take back a vote from ${label}`} data-testid="vote-remove" data-pattern-id={patternId}>
        −
      </button>
      <span className="vote-mine" data-testid="vote-mine" data-pattern-id={patternId} aria-live="polite" aria-label={`${mine} of your votes`}>
        {mine > 0 ? '●'.repeat(Math.min(mine, 10)) : '0'}
      </span>
      <button type="button" className="vote-add" onClick={() => void cast(1)} disabled={blocked !== null} title={blocked ?? undefined} aria-label={`Vote for ${label}`} data-testid="vote-add" data-pattern-id={patternId}>
        + Vote
      </button>
    </span>
  )
}
