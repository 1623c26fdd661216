import { describe, expect, it } from 'vitest'
import type { VoteSession } from '../../shared/model/vote.ts'
import { refusalMessage, votesLeftText, voteSettingsFrom, voteView } from './voteView.ts'

const open: VoteSession = { id: 'v1', status: 'open', votesPerPerson: 3, maxPerPattern: 2, openedAt: 't', closedAt: null, totals: null, byOrganisation: null, voters: null }
const closed: VoteSession = { ...open, status: 'closed', closedAt: 't2', totals: { p1: 5, p2: 1 }, byOrganisation: {}, voters: 3 }

describe('vote view', () => {
  it('has no phase without a session', () => {
    const v = voteView(null, null, 'contributor')
    expect(v.phase).toBe('none')
    expect(v.total('p1')).toBeNull()
    expect(votesLeftText(v)).toBe('')
  })

  it('shows my votes and what is left while open, never totals', () => {
    const v = voteView(open, { sessionId: 'v1', mine: { p1: 2 }, remaining: 1 }, 'contributor')
    expect(v.phase).toBe('open')
    expect(v.mine('p1')).toBe(2)
    expect(v.mine('p2')).toBe(0)
    expect(v.remaining).toBe(1)
    expect(v.total('p1')).toBeNull()
    expect(votesLeftText(v)).toBe('1 of 3 votes left')
  })

  it('does not carry votes from an older session into a new one', () => {
    const v = voteView(open, { sessionId: 'old', mine: { p1: 3 }, remaining: 0 }, 'contributor')
    expect(v.mine('p1')).toBe(0)
    expect(v.remaining).toBe(3)
  })

  it('says why "+ Vote" is off at a limit: the allowance used up, or the most on one pattern', () => {
    const limited = { ...open, maxPerPattern: 2 }
    const some = voteView(limited, { sessionId: 'v1', mine: { p1: 2, p2: 0 }, remaining: 1 }, 'contributor')
    expect(some.addBlocked('p1')).toBe('At most 2 of your votes can go on one pattern.')
    expect(some.addBlocked('p2')).toBeNull()
    const none = voteView(limited, { sessionId: 'v1', mine: { p1: 2, p2: 1 }, remaining: 0 }, 'contributor')
    expect(none.addBlocked('p2')).toBe('You have used all 3 of your votes. Take one back from another pattern to vote here.')
    // Before the server has answered, and when no vote is open, nothing is blocked.
    expect(voteView(limited, null, 'contributor').addBlocked('p1')).toBeNull()
    expect(voteView(null, null, 'contributor').addBlocked('p1')).toBeNull()
  })

  it('waits for the server before saying what is left', () => {
    expect(votesLeftText(voteView(open, null, 'contributor'))).toBe('Counting your votes…')
  })

  it('shows totals from the document after the close', () => {
    const v = voteView(closed, { sessionId: 'v1', mine: { p1: 2 }, remaining: 1 }, 'observer')
    expect(v.total('p1')).toBe(5)
    expect(v.total('p3')).toBe(0)
    expect(v.mine('p1')).toBe(0)
    expect(v.voters).toBe(3)
  })

  it('lets facilitators and owners manage, contributors vote, observers only watch', () => {
    expect(voteView(open, null, 'facilitator').canManage).toBe(true)
    expect(voteView(open, null, 'owner').canManage).toBe(true)
    expect(voteView(open, null, 'contributor').canManage).toBe(false)
    expect(voteView(open, null, 'contributor').canVote).toBe(true)
    const obs = voteView(open, null, 'observer')
    expect(obs.canVote).toBe(false)
    expect(votesLeftText(obs)).toBe('Observers do not vote')
    expect(voteView(open, null, null).canVote).toBe(false)
  })

  it('words refusals so a person can act on them', () => {
    const v = voteView(open, null, 'contributor')
    expect(refusalMessage('over_limit', 'x', v)).toMatch(/used all 3 of your votes/)
    expect(refusalMessage('over_pattern_limit', 'x', v)).toMatch(/At most 2/)
    expect(refusalMessage('something_else', 'as sent', v)).toBe('as sent')
  })

  it('validates the open form', () => {
    expect(voteSettingsFrom('3', '')).toEqual({ votesPerPerson: 3, maxPerPattern: null })
    expect(voteSettingsFrom('5', '2')).toEqual({ votesPerPerson: 5, maxPerPattern: 2 })
    expect(voteSettingsFrom('0', '')).toBeNull()
    expect(voteSettingsFrom('3', '1.5')).toBeNull()
  })
})
