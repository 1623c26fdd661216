import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { voteMap } from './layout.ts'
import { checkVotes, readVoteSession, VoteSettings } from './vote.ts'

describe('vote limits', () => {
  const limits = { votesPerPerson: 3, maxPerPattern: 2 }

  it('[V6] accepts votes within the allowance and the per-pattern maximum', () => {
    expect(checkVotes(limits, {})).toEqual({ ok: true })
    expect(checkVotes(limits, { p1: 2, p2: 1 })).toEqual({ ok: true })
    expect(checkVotes(limits, { p1: 0, p2: 0 })).toEqual({ ok: true })
  })

  it('[V6] refuses more than the allowance in all, over any number of patterns', () => {
    expect(checkVotes(limits, { p1: 2, p2: 2 })).toMatchObject({ ok: false, code: 'over_limit' })
    expect(checkVotes(limits, { p1: 1, p2: 1, p3: 1, p4: 1 })).toMatchObject({ ok: false, code: 'over_limit' })
  })

  it('[V6] refuses more than the maximum on one pattern, and any negative count', () => {
    expect(checkVotes(limits, { p1: 3 })).toMatchObject({ ok: false, code: 'over_pattern_limit' })
    expect(checkVotes(limits, { p1: -1, p2: 2 })).toMatchObject({ ok: false, code: 'negative' })
  })

  it('[V6] without a per-pattern maximum, the whole allowance may go on one pattern', () => {
    expect(checkVotes({ votesPerPerson: 3, maxPerPattern: null }, { p1: 3 })).toEqual({ ok: true })
    expect(checkVotes({ votesPerPerson: 3, maxPerPattern: null }, { p1: 4 })).toMatchObject({ ok: false, code: 'over_limit' })
  })

  it('settings default to 3 votes each and no per-pattern maximum, within 1–50', () => {
    expect(VoteSettings.parse({})).toEqual({ votesPerPerson: 3, maxPerPattern: null })
    expect(VoteSettings.safeParse({ votesPerPerson: 0 }).success).toBe(false)
    expect(VoteSettings.safeParse({ votesPerPerson: 51 }).success).toBe(false)
    expect(VoteSettings.safeParse({ maxPerPattern: 1.5 }).success).toBe(false)
  })

  it('reads no session from a board without one or with a malformed one', () => {
    const doc = new Y.Doc()
    expect(readVoteSession(doc)).toBeNull()
    voteMap(doc).set('session', { id: 'v', status: 'open', totals: { p: 'many' } })
    expect(readVoteSession(doc)).toBeNull()
  })
})
