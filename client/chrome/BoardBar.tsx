// The bar under the board header: search and filter, starting a session, the dot vote, and CSV
// import. Shown over both the canvas and the outline view.
import type { BoardSession } from '../board/createSession.ts'
import { SessionStart } from '../facilitation/SessionStart.tsx'
import { FilterBar } from '../filter/FilterBar.tsx'
import { ImportControls } from '../import/ImportControls.tsx'
import { useStore } from '../store/useStore.ts'
import { VoteBar } from '../vote/VoteBar.tsx'
import './boardBar.css'

export function BoardBar({ session }: { session: BoardSession }) {
  const canEdit = useStore(session.access, (a) => a.canEdit)
  return (
    <div className="board-bar">
      <FilterBar session={session} />
      <div className="spacer" />
      <SessionStart session={session} />
      <VoteBar session={session} />
      {canEdit && <ImportControls session={session} />}
    </div>
  )
}
