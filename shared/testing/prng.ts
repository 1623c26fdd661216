// Seeded pseudo-random numbers for tests and fuzzing: the same seed replays the same run.
// mulberry32 (public domain). Pure module; never use Math.random in tests.

export type Rng = {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [0, n). */
  int(n: number): number
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  /** A few distinct items, in random order. */
  some<T>(items: readonly T[], max: number): T[]
  shuffle<T>(items: T[]): T[]
  fill(bytes: Uint8Array): void
}

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  const shuffle = <T>(items: T[]): T[] => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = int(i + 1)
      ;[items[i], items[j]] = [items[j]!, items[i]!]
    }
    return items
  }
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list')
      return items[int(items.length)]!
    },
    some: <T>(items: readonly T[], max: number): T[] => shuffle([...items]).slice(0, 1 + int(max)),
    shuffle,
    fill: (bytes) => {
      for (let i = 0; i < bytes.length; i++) bytes[i] = int(256)
    },
  }
}
