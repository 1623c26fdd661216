// Opening one board for a screen: check over HTTP that it exists and is readable, then start a
// sync session for as long as the screen shows. `observer`: read only whatever my role (the write
// guard drops anything the screen might write) and no presence of its own (a projector).
import { useEffect, useState } from 'react'
import { accessFromBoard } from '../access/boardAccess.ts'
import { followAccess } from '../access/followAccess.ts'
import type { Me } from '../home/auth.ts'
import { getBoard, type ApiError, type BoardSummary } from '../home/api.ts'
import { exposeTestApi } from '../testApi.ts'
import { createSession, type BoardSession } from './createSession.ts'
import { clearSessionNotes, deleteCopies, isBoardCopy, knownCopies } from './offlineCopy.ts'
import { loadUser } from './localUser.ts'

export type OpenBoard = { board: BoardSummary | null; error: ApiError | null; session: BoardSession | null }

export function useBoardSession(boardId: string, me: Me | null, { observer = false } = {}): OpenBoard {
  const [board, setBoard] = useState<BoardSummary | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [session, setSession] = useState<BoardSession | null>(null)

  useEffect(() => {
    let live = true
    void getBoard(boardId).then((r) => {
      if (!live) return
      if (r.ok) setBoard(r.value)
      else {
        setError(r.error)
        // No access (any more) or no board: nothing of it stays on this device.
        if ([401, 403, 404].includes(r.error.status)) {
          clearSessionNotes(sessionStorage, boardId)
          void deleteCopies(indexedDB, (n) => isBoardCopy(n, boardId), knownCopies(boardId))
        }
      }
    })
    return () => {
      live = false
    }
  }, [boardId])

  useEffect(() => {
    if (!board) return
    const local = loadUser(localStorage)
    const asSeen = (b: BoardSummary) => (observer ? { ...b, role: 'observer' } : b)
    // The board answer carries my role and the anonymous flag.
    const s = createSession(boardId, me ? { ...local, name: me.displayName } : local, accessFromBoard(asSeen(board)), me?.id)
    if (observer) s.provider.awareness.setLocalState(null)
    const unfollow = followAccess(s, () => getBoard(boardId).then((r) => (r.ok ? { ...r, value: asSeen(r.value) } : r)))
    const unexpose = exposeTestApi(s)
    setSession(s)
    return () => {
      unfollow()
      unexpose()
      s.destroy()
      setSession(null)
    }
  }, [board, boardId, me, observer])

  return { board, error, session }
}
