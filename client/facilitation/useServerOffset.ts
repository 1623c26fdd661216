// Measures this device's clock against the server's once per board (three round trips, the
// shortest wins), so the shared timer reads the same on every screen. 0 until measured or when
// the server cannot be reached: then the device clock is the best there is.
import { useEffect, useState } from 'react'
import { clockOffset, type ClockSample } from './serverClock.ts'
import { getSession } from './sessionApi.ts'

const SAMPLES = 3

export function useServerOffset(boardId: string): number {
  const [offset, setOffset] = useState(0)
  useEffect(() => {
    let live = true
    void (async () => {
      const samples: ClockSample[] = []
      for (let i = 0; i < SAMPLES && live; i++) {
        const sentAt = Date.now()
        const r = await getSession(boardId)
        if (!r.ok) break
        samples.push({ sentAt, receivedAt: Date.now(), serverNow: r.value.now })
      }
      if (live) setOffset(clockOffset(samples))
    })()
    return () => {
      live = false
    }
  }, [boardId])
  return offset
}
