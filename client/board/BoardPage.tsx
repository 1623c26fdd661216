// Opens one board: checks it exists and is readable over HTTP, then starts a sync session.
import type { Me } from '../home/auth.ts'
import { ErrorNote } from '../home/ErrorNote.tsx'
import { BoardScreen } from './BoardScreen.tsx'
import { useBoardSession } from './useBoardSession.ts'

type Props = { boardId: string; navigate: (path: string) => void; me: Me | null }

export function BoardPage({ boardId, navigate, me }: Props) {
  const { board, error, session } = useBoardSession(boardId, me)

  if (error) {
    return (
      <main className="page">
        <h1>Cannot open this board</h1>
        <ErrorNote error={error} />
        <p>
          <a href="/" onClick={(e) => (e.preventDefault(), navigate('/'))}>
            Back to your boards
          </a>
        </p>
      </main>
    )
  }
  if (!board || !session) return <p className="loading" aria-live="polite">Opening board…</p>
  return <BoardScreen session={session} fallbackTitle={board.title} navigate={navigate} />
}
