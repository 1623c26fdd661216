// The attention controller for as long as a board screen shows: created on mount, disposed on leave.
import { useEffect, useState } from 'react'
import { can } from '../../shared/access/roles.ts'
import type { BoardSession } from '../board/createSession.ts'
import { sendSession } from '../facilitation/sessionApi.ts'
import { createAttention, type Attention, type LeaderClaim } from './attention.ts'
import { leaderMemory } from './leaderClaim.ts'

export function useAttention(session: BoardSession, presenter = false): Attention | null {
  const [attention, setAttention] = useState<Attention | null>(null)
  useEffect(() => {
    // A board screen (not a projector) may take follow me back after a reload; only someone who
    // runs sessions sends the claim, and the server checks that role again.
    const claim: LeaderClaim | undefined = presenter
      ? undefined
      : {
          memory: leaderMemory(localStorage, session.boardId),
          send: async (clientId) => {
            if (can(session.access.getState().role, 'manageMembers')) await sendSession(session.boardId, { action: 'follow', clientId })
          },
        }
    const a = createAttention(session, { presenter, claim })
    setAttention(a)
    return () => {
      a.dispose()
      setAttention(null)
    }
  }, [session, presenter])
  return attention
}
