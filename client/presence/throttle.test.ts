import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { throttle } from './throttle.ts'

describe('throttle', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('sends the first value at once and the last one after the interval', () => {
    const sent: number[] = []
    const t = throttle((v: number) => sent.push(v), 40)
    t.push(1)
    t.push(2)
    t.push(3)
    expect(sent).toEqual([1])
    vi.advanceTimersByTime(40)
    expect(sent).toEqual([1, 3])
  })

  it('sends at most once per interval under a stream', () => {
    const sent: number[] = []
    const t = throttle((v: number) => sent.push(v), 40)
    for (let i = 0; i < 100; i++) {
      t.push(i)
      vi.advanceTimersByTime(4)
    }
    vi.advanceTimersByTime(100)
    expect(sent.length).toBeLessThanOrEqual(12)
    expect(sent.at(-1)).toBe(99)
  })

  it('flushes and cancels', () => {
    const sent: number[] = []
    const t = throttle((v: number) => sent.push(v), 40)
    t.push(1)
    t.push(2)
    t.flush()
    expect(sent).toEqual([1, 2])
    t.push(3)
    t.cancel()
    vi.advanceTimersByTime(100)
    expect(sent).toEqual([1, 2])
  })
})
