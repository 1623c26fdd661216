// Over an empty canvas: what to do first. It lets every pointer through (a double-click on it
// makes a story) and goes as soon as there is anything on the board.
import { useStore } from '../store/useStore.ts'
import type { BoardSession } from './createSession.ts'
import { emptyBoardHint } from './emptyBoard.ts'

export function EmptyBoardHint({ session }: { session: BoardSession }) {
  const empty = useStore(session.board, (s) => s.stories.size === 0 && s.patterns.length === 0)
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
