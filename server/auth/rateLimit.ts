// A fixed-window counter per key, in memory per instance: enough to slow password guessing.
// The app owns one per purpose; nothing here is module-level.
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>()

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one attempt; answers whether it is allowed and, if not, when to retry. */
  hit(key: string): { allowed: boolean; retryAfterMs: number } {
    const t = this.now()
    let w = this.windows.get(key)
    if (!w || t - w.start >= this.windowMs) {
      w = { start: t, count: 0 }
      this.windows.set(key, w)
      if (this.windows.size > 10_000) this.sweep(t)
    }
    w.count++
    return { allowed: w.count <= this.limit, retryAfterMs: w.count <= this.limit ? 0 : w.start + this.windowMs - t }
  }

  reset(key: string): void {
    this.windows.delete(key)
  }

  private sweep(t: number): void {
    for (const [key, w] of this.windows) if (t - w.start >= this.windowMs) this.windows.delete(key)
  }
}
