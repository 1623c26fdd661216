// How much a connection may be sent in answers to sync step 1 (read amplification, [H10]). A
// four-byte step 1 with an empty state vector asks for the whole board: 400 of them once made the
// server send 431 MiB and stalled every other board. Every connection gets the whole board once,
// with its greeting; answers beyond it draw on a token bucket measured in bytes: about one more
// board's worth at once, then about one a refill period. A step 1 whose state vector covers the
// board costs nothing (its answer is empty) and is never limited.

/** Answers draw on at least this much, however small the board (small boards never notice). */
export const ANSWER_BUDGET_FLOOR_BYTES = 256 * 1024
/** The bucket refills its whole capacity in this long: about one full answer per period. */
export const ANSWER_REFILL_MS = 10_000

export class AnswerBudget {
  private tokens: number
  private at: number

  /** `capacity()`: the bucket's size now (the board's size can grow while connected). */
  constructor(
    private readonly capacity: () => number,
    now = Date.now(),
  ) {
    this.tokens = capacity()
    this.at = now
  }

  /** Whether an answer may be encoded now. The cost is paid afterwards, by its real size. */
  allows(now = Date.now()): boolean {
    const capacity = this.capacity()
    this.tokens = Math.min(capacity, this.tokens + ((now - this.at) * capacity) / ANSWER_REFILL_MS)
    this.at = now
    return this.tokens > 0
  }

  spend(bytes: number): void {
    this.tokens -= bytes
  }
}
