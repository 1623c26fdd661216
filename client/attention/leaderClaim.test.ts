import { describe, expect, it } from 'vitest'
import { leaderMemory, shouldReclaim } from './leaderClaim.ts'

/** A Storage with the three calls the memory uses, over a Map (Node has no localStorage). */
function mapStorage() {
  const m = new Map<string, string>()
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    m,
  }
}

describe('leader memory', () => {
  it('remembers the client id per board and forgets it', () => {
    const storage = mapStorage()
    const a = leaderMemory(storage, 'board-a')
    const b = leaderMemory(storage, 'board-b')
    expect(a.recall()).toBeNull()
    a.remember(4242)
    expect(a.recall()).toBe(4242)
    expect(b.recall()).toBeNull()
    expect(leaderMemory(storage, 'board-a').recall()).toBe(4242)
    a.remember(null)
    expect(a.recall()).toBeNull()
  })
  it('reads a damaged entry as nothing, and works without storage', () => {
    const storage = mapStorage()
    storage.setItem('learning-wall:leading:board-a', 'not a number')
    expect(leaderMemory(storage, 'board-a').recall()).toBeNull()
    const none = leaderMemory(null, 'board-a')
    none.remember(1)
    expect(none.recall()).toBeNull()
  })
})

describe('shouldReclaim', () => {
  it('claims when the room follows the id this browser led with and that client is gone', () => {
    expect(shouldReclaim(7, 9, 7, false)).toBe(true)
  })
  it('does not claim while that client is still connected (another tab), for someone else, or when already leading', () => {
    expect(shouldReclaim(7, 9, 7, true)).toBe(false)
    expect(shouldReclaim(8, 9, 7, false)).toBe(false)
    expect(shouldReclaim(9, 9, 9, false)).toBe(false)
    expect(shouldReclaim(null, 9, 7, false)).toBe(false)
    expect(shouldReclaim(7, 9, null, false)).toBe(false)
  })
})
