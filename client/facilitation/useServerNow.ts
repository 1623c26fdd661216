// The server's now for a shared timer: re-read every tick while it runs, frozen (no re-renders)
// otherwise. `offset` is the server's clock minus this device's (useServerOffset), so every screen
// (board or projector) counts down from the same time.
import { useEffect, useState } from 'react'

const TICK_MS = 250

/** `timer`: re-read at once when the timer changes (a pause, an extension), not a tick later. */
export function useServerNow(running: boolean, offset: number, timer?: unknown): number {
  const [now, setNow] = useState(() => Date.now() + offset)
  useEffect(() => {
    setNow(Date.now() + offset)
    if (!running) return
    const t = setInterval(() => setNow(Date.now() + offset), TICK_MS)
    return () => clearInterval(t)
  }, [running, offset, timer])
  return now
}
