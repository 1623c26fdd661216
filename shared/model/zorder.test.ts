import { describe, expect, it } from 'vitest'
import { compareZ, isValidZ, zAbove, zBelow } from './zorder.ts'

describe('compareZ', () => {
  it('[M7] orders by key, by code unit', () => {
    expect(compareZ({ z: 'a0', id: 'b' }, { z: 'a1', id: 'a' })).toBeLessThan(0)
    expect(compareZ({ z: 'aZ', id: 'a' }, { z: 'aa', id: 'a' })).toBeLessThan(0)
  })

  it('[M7] breaks ties by id, so every peer draws the same order', () => {
    const items = [
      { z: 'a1', id: 'story-c' },
      { z: 'a1', id: 'story-a' },
      { z: 'a0', id: 'story-z' },
      { z: 'a1', id: 'story-b' },
    ]
    expect([...items].sort(compareZ).map((i) => i.id)).toEqual([
      'story-z',
      'story-a',
      'story-b',
      'story-c',
    ])
    expect([...items].reverse().sort(compareZ)).toEqual([...items].sort(compareZ))
    expect(compareZ({ z: 'a1', id: 'x' }, { z: 'a1', id: 'x' })).toBe(0)
  })
})

describe('zAbove and zBelow', () => {
  const invalid = ['', 'not a key', '~~~', 'a00', 'zzzz']

  it('give a valid key for an empty board', () => {
    expect(isValidZ(zAbove([]))).toBe(true)
    expect(isValidZ(zBelow([]))).toBe(true)
  })

  it('[M7] give a key above the highest and below the lowest valid key', () => {
    const keys = ['a0', 'a5', 'Zz']
    const above = zAbove(keys)
    const below = zBelow(keys)
    expect(above > 'a5').toBe(true)
    expect(below < 'Zz').toBe(true)
  })

  it('[M7] ignore invalid keys instead of throwing', () => {
    for (const key of invalid) expect(isValidZ(key), key).toBe(false)
    expect(zAbove(['a0', ...invalid])).toBe(zAbove(['a0']))
    expect(zBelow(['a0', ...invalid])).toBe(zBelow(['a0']))
    expect(zAbove(invalid)).toBe(zAbove([]))
  })
})
