// Dot voting on patterns. Individual votes live on the server (so totals stay hidden until the
// vote closes and nobody can change another person's votes); the document carries only the
// session and, once closed, the totals. Pure module.
import type * as Y from 'yjs'
import { z } from 'zod'
import { voteMap } from './layout.ts'

export const VoteSettings = z.object({
  votesPerPerson: z.number().int().min(1).max(50).default(3),
  /** Most votes one person may put on one pattern; null: up to their whole allowance. */
  maxPerPattern: z.number().int().min(1).max(50).nullable().default(null),
})
export type VoteSettings = z.infer<typeof VoteSettings>

export const VoteSession = z.object({
  id: z.string(),
  status: z.enum(['open', 'closed']),
  votesPerPerson: z.number().int(),
  maxPerPattern: z.number().int().nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  /** patternId → total votes; present only once closed. */
  totals: z.record(z.string(), z.number().int()).nullable(),
  /** organisation → patternId → votes; present only once closed (place workshops compare these). */
  byOrganisation: z.record(z.string(), z.record(z.string(), z.number().int())).nullable(),
  voters: z.number().int().nullable(),
})
export type VoteSession = z.infer<typeof VoteSession>

export const VOTE_KEYS = { session: 'session' } as const

export function readVoteSession(doc: Y.Doc): VoteSession | null {
  const parsed = VoteSession.safeParse(voteMap(doc).get(VOTE_KEYS.session))
  return parsed.success ? parsed.data : null
}

export type VoteCheck = { ok: true } | { ok: false; code: 'over_limit' | 'over_pattern_limit' | 'negative'; message: string }

/** Whether one person's votes, after a change, stay within the session's limits. */
export function checkVotes(session: Pick<VoteSession, 'votesPerPerson' | 'maxPerPattern'>, mine: Record<string, number>): VoteCheck {
  let total = 0
  for (const count of Object.values(mine)) {
    if (count < 0) return { ok: false, code: 'negative', message: 'votes cannot go below zero' }
    if (session.maxPerPattern !== null && count > session.maxPerPattern) {
      return { ok: false, code: 'over_pattern_limit', message: `at most ${session.maxPerPattern} votes on one pattern` }
    }
    total += count
  }
  if (total > session.votesPerPerson) {
    return { ok: false, code: 'over_limit', message: `you have ${session.votesPerPerson} votes in all` }
  }
  return { ok: true }
}
