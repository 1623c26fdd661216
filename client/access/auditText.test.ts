import { describe, expect, it } from 'vitest'
import { describeAudit } from './auditText.ts'

const NOW = Date.parse('2026-05-01T12:00:00Z')
const names: Record<string, string> = { u1: 'Sam Lee', u2: 'Ana Ortiz' }
const nameOf = (id: string) => names[id] ?? null
const say = (
  action: string,
  details: Record<string, string | number | boolean | null>,
  actorId = 'u2',
) => describeAudit({ action, actorId, details }, nameOf, NOW)

describe('audit log in plain words', () => {
  it('names the member an entry is about, or says they are gone', () => {
    expect(
      say('member.role_changed', { userId: 'u1', from: 'contributor', to: 'observer' }),
    ).toEqual({
      what: 'changed the role of Sam Lee',
      details: 'from contributor to observer',
    })
    expect(say('member.added', { userId: 'gone', role: 'facilitator' }).what).toBe(
      'added a former member as facilitator',
    )
    expect(say('member.removed', { userId: 'u2', role: 'contributor' }).what).toBe('left the board')
  })

  it('explains settings, invites and votes', () => {
    expect(
      say('board.settings_changed', { title: true, scale: 'place', anonymous: true }).details,
    ).toBe('title; scale to Place; anonymous mode on')
    expect(
      say('invite.created', { role: 'contributor', maxUses: 5, expiresAt: '2026-05-04T12:00:00Z' }),
    ).toEqual({
      what: 'created an invite link for a contributor',
      details: 'expires in 3 days, up to 5 uses',
    })
    expect(say('invite.revoked', { removed: 2 }).details).toBe('2 people lost access')
    expect(say('invite.disabled', { inviteId: 'i' })).toEqual({
      what: 'stopped new joins through an invite link',
      details: 'everyone who had joined kept access',
    })
    expect(say('invite.enabled', { inviteId: 'i' }).what).toBe('allowed new joins through an invite link again')
    expect(say('invite.created', { role: 'observer' }).what).toBe(
      'created an invite link for an observer',
    )
    expect(say('invite.used', { role: 'observer', guest: true }).details).toBe('as a guest')
    expect(say('vote.opened', { votesPerPerson: 3 }).details).toBe('3 votes each')
  })

  it('falls back to the raw action for unknown entries', () => {
    expect(say('link.created', { targetBoardId: 'b2' })).toEqual({
      what: 'link created',
      details: 'targetBoardId: b2',
    })
  })
})
