import { describe, expect, it } from 'vitest'
import { mulberry32 } from './prng.ts'

describe('mulberry32', () => {
  it('replays the same sequence for the same seed and a different one for another seed', () => {
    const run = (seed: number) => {
      const rng = mulberry32(seed)
      return Array.from({ length: 5 }, () => rng.next())
    }
    expect(run(7)).toEqual(run(7))
    expect(run(7)).not.toEqual(run(8))
  })

  it('stays in range', () => {
    const rng = mulberry32(1)
    for (let i = 0; i < 1000; i++) {
      const n = rng.int(3)
      expect(n === 0 || n === 1 || n === 2).toBe(true)
    }
  })
})
