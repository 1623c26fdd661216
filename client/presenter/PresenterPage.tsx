// `/b/<id>/present`: the board for a projector. Opens the board like BoardPage (any member with
// view rights), but read only and without presence of its own, so it never shows up as a person.
import { useEffect, useState } from 'react'
import { accessFromBoard } from '../access/boardAccess.ts'
import { followAccess } from '../access/followAccess.ts'
import { createSession, type BoardSession } from '../board/createSession.ts'
import { loadUser } from '../board/localUser.ts'
import type { Me } from '../home/auth.ts'
import { getBoard, type ApiError, type BoardSummary } from '../home/api.ts'
import { ErrorNote } from '../home/ErrorNote.tsx'
import { exposeTestApi } from '../testApi.ts'
import { PresenterScreen } from './PresenterScreen.tsx'

export function PresenterPage({ boardId, me }: { boardId: string; me: Me | null }) {
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
    // Read only whatever the role: the write guard drops anything this screen might write.
    const s = createSession(boardId, me ? { ...local, name: me.displayName } : local, accessFromBoard({ ...board, role: 'observer' }))
    s.provider.awareness.setLocalState(null)
    const unfollow = followAccess(s, () => getBoard(boardId).then((r) => (r.ok ? { ...r, value: { ...r.value, role: 'observer' } } : r)))
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
        <h1>Cannot present this board</h1>
        <ErrorNote error={error} />
      </main>
    )
  }
  if (!board || !session) return <p className="loading" aria-live="polite">Opening board…</p>
  return <PresenterScreen session={session} fallbackTitle={board.title} />
}
