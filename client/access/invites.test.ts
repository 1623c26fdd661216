import { describe, expect, it } from 'vitest'
import {
  expiryHours,
  inviteLink,
  inviteProblem,
  inviteState,
  parseMaxUses,
  removeAction,
  removeQuestion,
  relativeTime,
  usesText,
  withArticle,
} from './invites.ts'

const NOW = Date.parse('2026-05-01T12:00:00Z')
const live = { revokedAt: null, expiresAt: '2026-05-02T12:00:00Z', maxUses: null, uses: 0 }

describe('invite links', () => {
  it('knows live, revoked, expired and used-up links (revoked wins)', () => {
    expect(inviteState(live, NOW)).toBe('live')
    expect(
      inviteState(
        { ...live, revokedAt: '2026-05-01T11:00:00Z', expiresAt: '2026-04-01T00:00:00Z' },
        NOW,
      ),
    ).toBe('revoked')
    expect(inviteState({ ...live, expiresAt: '2026-05-01T12:00:00Z' }, NOW)).toBe('expired')
    expect(inviteState({ ...live, maxUses: 3, uses: 3 }, NOW)).toBe('used_up')
    expect(inviteState({ ...live, maxUses: 3, uses: 2 }, NOW)).toBe('live')
  })

  it('a paused link takes no new joins until resumed; revoked still wins', () => {
    expect(inviteState({ ...live, disabledAt: '2026-05-01T11:00:00Z' }, NOW)).toBe('paused')
    expect(inviteState({ ...live, disabledAt: null }, NOW)).toBe('live')
    expect(inviteState({ ...live, disabledAt: '2026-05-01T11:00:00Z', revokedAt: '2026-05-01T11:30:00Z' }, NOW)).toBe('revoked')
    expect(inviteProblem({ code: 'invite_disabled', status: 410, message: '' }).title).toBe('This invite link takes no new joins for now')
  })

  it('names how many people removing everyone who joined through a link would remove', () => {
    expect(removeQuestion(3)).toBe('Remove all 3 people who joined through this link from the board? They lose access at once, and the link ends for good.')
    expect(removeQuestion(1)).toMatch(/^Remove the 1 person who joined/)
    expect(removeQuestion(0)).toMatch(/^Nobody who joined through this link is a member now/)
    expect([removeAction(0), removeAction(1), removeAction(12)]).toEqual(['End the link', 'Remove 1 person', 'Remove 12 people'])
  })

  it('turns the expiry field into hours within 90 days', () => {
    expect(expiryHours('3', 'days')).toEqual({ ok: true, hours: 72 })
    expect(expiryHours('1.5', 'hours')).toEqual({ ok: true, hours: 1.5 })
    expect(expiryHours('90', 'days')).toEqual({ ok: true, hours: 2160 })
    expect(expiryHours('91', 'days').ok).toBe(false)
    expect(expiryHours('0', 'hours').ok).toBe(false)
    expect(expiryHours('', 'hours').ok).toBe(false)
    expect(expiryHours('soon', 'days').ok).toBe(false)
  })

  it('reads max uses: empty is no limit, else a whole number', () => {
    expect(parseMaxUses(' ')).toEqual({ ok: true, maxUses: null })
    expect(parseMaxUses('12')).toEqual({ ok: true, maxUses: 12 })
    expect(parseMaxUses('0').ok).toBe(false)
    expect(parseMaxUses('2.5').ok).toBe(false)
  })

  it('builds the full link and says uses and times in words', () => {
    expect(inviteLink('https://wall.example', 'abc-_123')).toBe('https://wall.example/i/abc-_123')
    expect(usesText({ uses: 1, maxUses: null })).toBe('1 use, no limit')
    expect(usesText({ uses: 2, maxUses: 5 })).toBe('2 uses of 5')
    expect(relativeTime('2026-05-04T12:00:00Z', NOW)).toBe('in 3 days')
    expect(relativeTime('2026-05-01T10:50:00Z', NOW)).toBe('1 hour ago')
    expect(relativeTime(NOW + 20_000, NOW)).toBe('in less than a minute')
    expect(relativeTime(NOW + 2 * 86_400_000 - 5_000, NOW)).toBe('in 2 days')
    expect(relativeTime(NOW + 23.9 * 3_600_000, NOW)).toBe('in 1 day')
    expect(withArticle('observer')).toBe('an observer')
    expect(withArticle('contributor')).toBe('a contributor')
  })

  it('explains dead links plainly', () => {
    expect(inviteProblem({ code: 'invite_expired', status: 410, message: '' }).title).toMatch(
      /expired/,
    )
    expect(inviteProblem({ code: 'invite_revoked', status: 410, message: '' }).title).toMatch(
      /revoked/,
    )
    expect(inviteProblem({ code: 'invite_used_up', status: 410, message: '' }).title).toMatch(
      /used up/,
    )
    expect(inviteProblem({ code: 'not_found', status: 404, message: '' }).title).toMatch(
      /not valid/,
    )
    expect(
      inviteProblem({ code: 'network', status: 0, message: 'Cannot reach the server.' }).detail,
    ).toBe('Cannot reach the server.')
  })
})
