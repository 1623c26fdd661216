import { describe, expect, it } from 'vitest'
import { clockOffset } from './serverClock.ts'

describe('clockOffset', () => {
  it('takes the middle of the round trip as the moment the server read its clock', () => {
    // The device is 30 s behind; the server answered halfway through a 200 ms round trip.
    expect(clockOffset([{ sentAt: 1_000, receivedAt: 1_200, serverNow: 31_100 }])).toBe(30_000)
  })

  it('trusts the sample with the shortest round trip', () => {
    const slow = { sentAt: 0, receivedAt: 2_000, serverNow: 5_000 } // says +4 s, ±1 s
    const fast = { sentAt: 10_000, receivedAt: 10_020, serverNow: 7_010 } // says −3 s, ±10 ms
    expect(clockOffset([slow, fast])).toBe(-3_000)
  })

  it('is 0 without a usable sample', () => {
    expect(clockOffset([])).toBe(0)
    expect(clockOffset([{ sentAt: 5, receivedAt: 1, serverNow: 3 }])).toBe(0)
    expect(clockOffset([{ sentAt: 1, receivedAt: 5, serverNow: Number.NaN }])).toBe(0)
  })
})
