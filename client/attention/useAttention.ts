// The attention controller for as long as a board screen shows: created on mount, disposed on leave.
import { useEffect, useState } from 'react'
import type { BoardSession } from '../board/createSession.ts'
import { createAttention, type Attention } from './attention.ts'

export function useAttention(session: BoardSession, presenter = false): Attention | null {
  const [attention, setAttention] = useState<Attention | null>(null)
  useEffect(() => {
    const a = createAttention(session, { presenter })
    setAttention(a)
    return () => {
      a.dispose()
      setAttention(null)
    }
  }, [session, presenter])
  return attention
}
