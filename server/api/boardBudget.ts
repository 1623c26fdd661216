// How many boards one account may create: new, imported and restored boards all count. Read from
// the database (the boards a person owns), so the budget holds across restarts and instances.
import { HttpError } from '../errors.ts'
import type { Storage } from '../storage/types.ts'

export type BoardBudgetLimits = { perHour: number; perAccount: number }

const HOUR_MS = 3_600_000

export class BoardBudget {
  constructor(
    private readonly storage: Storage,
    private readonly limits: BoardBudgetLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws 429 `board_budget` when the account may not create another board now. */
  async check(userId: string): Promise<void> {
    const since = new Date(this.now() - HOUR_MS).toISOString()
    if ((await this.storage.boards.countOwnedBy(userId, since)) >= this.limits.perHour) {
      throw new HttpError(
        429,
        'board_budget',
        `at most ${this.limits.perHour} new boards an hour; try again later`,
      )
    }
    if ((await this.storage.boards.countOwnedBy(userId)) >= this.limits.perAccount) {
      throw new HttpError(
        429,
        'board_budget',
        `an account may own at most ${this.limits.perAccount} boards`,
      )
    }
  }
}
