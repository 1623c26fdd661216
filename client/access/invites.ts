// Invite links as a person sees them: state, expiry in words, the form's values, the full link,
// and what a dead link says. Pure module: no DOM, no React, no network.
import type { ApiError } from '../home/api.ts'
import type { Invite } from './accessApi.ts'

export type InviteState = 'live' | 'paused' | 'revoked' | 'expired' | 'used_up'

export function inviteState(
  i: Pick<Invite, 'revokedAt' | 'expiresAt' | 'maxUses' | 'uses'> & { disabledAt?: string | null },
  now: number,
): InviteState {
  if (i.revokedAt) return 'revoked'
  if (i.disabledAt) return 'paused'
  if (Date.parse(i.expiresAt) <= now) return 'expired'
  if (i.maxUses !== null && i.uses >= i.maxUses) return 'used_up'
  return 'live'
}

export const INVITE_STATE_LABELS: Record<InviteState, string> = {
  live: 'Active',
  paused: 'No new joins',
  revoked: 'Revoked',
  expired: 'Expired',
  used_up: 'Used up',
}

/** The server's limit for an invite's life: 90 days. */
export const MAX_INVITE_HOURS = 24 * 90

export type ExpiryUnit = 'hours' | 'days'

/** The form's expiry as hours, or a sentence saying what is wrong. */
export function expiryHours(
  amount: string,
  unit: ExpiryUnit,
): { ok: true; hours: number } | { ok: false; message: string } {
  const n = Number(amount.trim())
  if (amount.trim() === '' || !Number.isFinite(n) || n <= 0)
    return { ok: false, message: 'Give the link a life of more than zero.' }
  const hours = unit === 'days' ? n * 24 : n
  if (hours > MAX_INVITE_HOURS)
    return { ok: false, message: 'An invite link can last at most 90 days.' }
  return { ok: true, hours }
}

/** Optional maximum number of uses: empty means no limit. */
export function parseMaxUses(
  text: string,
): { ok: true; maxUses: number | null } | { ok: false; message: string } {
  const t = text.trim()
  if (t === '') return { ok: true, maxUses: null }
  const n = Number(t)
  if (!Number.isInteger(n) || n < 1 || n > 10_000)
    return {
      ok: false,
      message: 'Uses must be a whole number from 1 to 10,000, or empty for no limit.',
    }
  return { ok: true, maxUses: n }
}

export const inviteLink = (origin: string, token: string): string =>
  `${origin}/i/${encodeURIComponent(token)}`

const UNITS: Array<[number, string]> = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
]

/** "in 3 days", "2 hours ago", "in less than a minute": rounded to the largest unit that fits. */
export function relativeTime(at: string | number, now: number): string {
  const ms = (typeof at === 'number' ? at : Date.parse(at)) - now
  if (Number.isNaN(ms)) return 'at an unknown time'
  const abs = Math.abs(ms)
  for (const [size, name] of UNITS) {
    // A link made "for 2 days" is read a moment later: that is still 2 days, not 1.
    if (abs >= size * 0.95) {
      const n = Math.max(1, Math.round(abs / size))
      const words = `${n} ${name}${n === 1 ? '' : 's'}`
      return ms > 0 ? `in ${words}` : `${words} ago`
    }
  }
  return ms > 0 ? 'in less than a minute' : 'just now'
}

/** "a contributor", "an observer". */
export const withArticle = (word: string): string =>
  `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`

/** The question before removing everyone who joined through a link, naming how many. */
export function removeQuestion(members: number): string {
  if (members === 0) return 'Nobody who joined through this link is a member now. End the link for good? It cannot be opened again.'
  const who = members === 1 ? 'the 1 person' : `all ${members} people`
  return `Remove ${who} who joined through this link from the board? They lose access at once, and the link ends for good.`
}

/** The confirming button: what will happen, with the count. */
export const removeAction = (members: number): string =>
  members === 0 ? 'End the link' : `Remove ${members} ${members === 1 ? 'person' : 'people'}`

export function usesText(i: Pick<Invite, 'uses' | 'maxUses'>): string {
  const used = `${i.uses} ${i.uses === 1 ? 'use' : 'uses'}`
  return i.maxUses === null ? `${used}, no limit` : `${used} of ${i.maxUses}`
}

/** What a person opening a link that does not work is told. */
export function inviteProblem(error: Pick<ApiError, 'code' | 'status' | 'message'>): {
  title: string
  detail: string
} {
  const ask = 'Ask the person who sent it for a new link.'
  switch (error.code) {
    case 'invite_expired':
      return { title: 'This invite link has expired', detail: ask }
    case 'invite_revoked':
      return {
        title: 'This invite link has been revoked',
        detail: `Whoever runs the board has turned it off. ${ask}`,
      }
    case 'invite_disabled':
      return {
        title: 'This invite link takes no new joins for now',
        detail: 'Whoever runs the board has paused it. Ask them to open it again or to send you a new link.',
      }
    case 'invite_used_up':
      return {
        title: 'This invite link has been used up',
        detail: `It was made for a limited number of people. ${ask}`,
      }
  }
  if (error.status === 404)
    return {
      title: 'This invite link is not valid',
      detail: `Check that the whole link was copied. ${ask}`,
    }
  if (error.status === 410) return { title: 'This invite link no longer works', detail: ask }
  return { title: 'Could not open this invite', detail: error.message }
}
