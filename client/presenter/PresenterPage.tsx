// `/b/<id>/present`: the board for a projector. Opens the board like BoardPage (any member with
// view rights), but read only and without presence of its own, so it never shows up as a person.
import { useBoardSession } from '../board/useBoardSession.ts'
import type { Me } from '../home/auth.ts'
import { ErrorNote } from '../home/ErrorNote.tsx'
import { PresenterScreen } from './PresenterScreen.tsx'

export function PresenterPage({ boardId, me }: { boardId: string; me: Me | null }) {
  // Read only whatever the role, and never shown as a person.
  const { board, error, session } = useBoardSession(boardId, me, { observer: true })

  if (error) {
    return (
      <main className="page">
        <h1>Cannot present this board</h1>
        <ErrorNote error={error} />
      </main>
    )
  }
  if (!board || !session) return <p className="loading" aria-live="polite">Opening board…</p>
  return <PresenterScreen session={session} fallbackTitle={board.title} />
}
