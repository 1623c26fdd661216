// Over an empty canvas: what to do first. It lets every pointer through (a double-click on it
// makes a story) and goes as soon as there is anything on the board (stories, patterns, cards).
import { useStore } from '../store/useStore.ts'
import type { BoardSession } from './createSession.ts'
import { emptyBoardHint } from './emptyBoard.ts'

export function EmptyBoardHint({ session }: { session: BoardSession }) {
  const noContent = useStore(session.board, (s) => s.stories.size === 0 && s.patterns.length === 0)
  // Cards raised from below or shared by peers are content too: a higher board is not "empty".
  const noCards = useStore(session.cycles.data, (c) => c.conditions.length === 0 && c.references.length === 0)
  const empty = noContent && noCards
  const role = useStore(session.access, (a) => a.role)
  const lines = emptyBoardHint(empty, role)
  if (!lines) return null
  const [head, ...rest] = lines
  return (
    <div className="empty-board-hint" data-testid="empty-board-hint" aria-live="polite">
      <p className="empty-board-head">{head}</p>
      {rest.map((l) => (
        <p key={l}>{l}</p>
      ))}
    </div>
  )
}
