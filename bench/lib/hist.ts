// Latency histogram with log-spaced buckets (0.5 % relative resolution from 5 µs to ~100 s), so
// workers can send counts instead of raw samples and the orchestrator can merge them exactly.
const MIN_MS = 0.005
const GROWTH = 1.005
const LOG_GROWTH = Math.log(GROWTH)
export const BUCKETS = Math.ceil(Math.log(100_000 / MIN_MS) / LOG_GROWTH) + 1

export class Histogram {
  readonly counts: Float64Array
  count = 0
  max = 0
  sum = 0

  constructor(counts?: ArrayLike<number>) {
    this.counts = new Float64Array(BUCKETS)
    if (counts) {
      this.counts.set(counts)
      for (let i = 0; i < BUCKETS; i++) this.count += this.counts[i]!
    }
  }

  add(ms: number): void {
    const v = ms < MIN_MS ? MIN_MS : ms
    const i = Math.min(BUCKETS - 1, Math.floor(Math.log(v / MIN_MS) / LOG_GROWTH))
    this.counts[i]!++
    this.count++
    this.sum += ms
    if (ms > this.max) this.max = ms
  }

  merge(other: { counts: ArrayLike<number>; max: number; sum: number }): void {
    for (let i = 0; i < BUCKETS; i++) {
      const c = other.counts[i]!
      this.counts[i]! += c
      this.count += c
    }
    this.sum += other.sum
    if (other.max > this.max) this.max = other.max
  }

  /** Upper edge of the bucket holding the q-quantile (so a reported p99 is never optimistic). */
  quantile(q: number): number {
    if (this.count === 0) return NaN
    const target = q * this.count
    let seen = 0
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!
      if (seen >= target && this.counts[i]! > 0)
        return Math.min(this.max, MIN_MS * GROWTH ** (i + 1))
    }
    return this.max
  }

  /** Sparse form for IPC: [index, count] pairs. */
  toJSON(): { sparse: Array<[number, number]>; max: number; sum: number } {
    const sparse: Array<[number, number]> = []
    for (let i = 0; i < BUCKETS; i++) if (this.counts[i]) sparse.push([i, this.counts[i]!])
    return { sparse, max: this.max, sum: this.sum }
  }

  static fromJSON(j: { sparse: Array<[number, number]>; max: number; sum: number }): Histogram {
    const h = new Histogram()
    for (const [i, c] of j.sparse) {
      h.counts[i] = c
      h.count += c
    }
    h.max = j.max
    h.sum = j.sum
    return h
  }
}

export type HistJSON = ReturnType<Histogram['toJSON']>
