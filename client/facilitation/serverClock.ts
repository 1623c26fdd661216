// How far this device's clock is from the server's, so the shared timer (whose start time the
// server wrote) shows the same time on every screen. One round trip's middle is taken as the
// moment the server read its clock; the sample with the shortest round trip wins. Pure module.
export type ClockSample = { sentAt: number; receivedAt: number; serverNow: number }

/** Milliseconds to add to `Date.now()` to get the server's time; 0 without a sample. */
export function clockOffset(samples: readonly ClockSample[]): number {
  let best: ClockSample | null = null
  for (const s of samples) {
    if (!Number.isFinite(s.serverNow) || s.receivedAt < s.sentAt) continue
    if (!best || s.receivedAt - s.sentAt < best.receivedAt - best.sentAt) best = s
  }
  return best ? Math.round(best.serverNow - (best.sentAt + best.receivedAt) / 2) : 0
}
