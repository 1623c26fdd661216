// The seed of a randomised test: fixed by default so runs repeat, TEST_SEED=<n> to explore or to
// replay a failure. Test-only.
import { mulberry32, type Rng } from '../../shared/testing/prng.ts'

export function testSeed(fallback: number): number {
  const fromEnv = process.env.TEST_SEED
  if (fromEnv === undefined || fromEnv === '') return fallback
  const seed = Number(fromEnv)
  if (!Number.isSafeInteger(seed)) throw new Error(`TEST_SEED must be an integer, got ${fromEnv}`)
  return seed
}

/** An independent stream for one actor of a test, derived from the test's seed. */
export const streamOf = (seed: number, actor: number): Rng =>
  mulberry32((seed ^ Math.imul(actor + 1, 0x9e3779b1)) >>> 0)

export { mulberry32, type Rng }
