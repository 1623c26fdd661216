// Opens one board: checks it exists and is readable over HTTP, then starts a sync session.
import { useEffect, useState } from 'react'
import { accessFromBoard } from '../access/boardAccess.ts'
import { followAccess } from '../access/followAccess.ts'
import type { Me } from '../home/auth.ts'
import { getBoard, type ApiError, type BoardSummary } from '../home/api.ts'
import { ErrorNote } from '../home/ErrorNote.tsx'
import { exposeTestApi } from '../testApi.ts'
import { BoardScreen } from './BoardScreen.tsx'
import { createSession, type BoardSession } from './createSession.ts'
import { loadUser } from './localUser.ts'

type Props = { boardId: string; navigate: (path: string) => void; me: Me | null }

export function BoardPage({ boardId, navigate, me }: Props) {
  const [board, setBoard] = useState<BoardSummary | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [session, setSession] = useState<BoardSession | null>(null)

  useEffect(() => {
    let live = true
    void getBoard(boardId).then((r) => {
      if (!live) return
      if (r.ok) setBoard(r.value)
      else setError(r.error)
    })
    return () => {
      live = false
    }
  }, [boardId])

  useEffect(() => {
    if (!board) return
    const local = loadUser(localStorage)
    // The board answer carries my role and the anonymous flag.
    const s = createSession(boardId, me ? { ...local, name: me.displayName } : local, accessFromBoard(board))
    const unfollow = followAccess(s, () => getBoard(boardId))
    const unexpose = exposeTestApi(s)
    setSession(s)
    return () => {
      unfollow()
      unexpose()
      s.destroy()
      setSession(null)
    }
  }, [board, boardId, me])

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
