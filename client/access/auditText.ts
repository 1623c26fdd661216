// Audit log entries in plain words: "changed Sam's role from contributor to observer". Details hold
// ids, roles and counts only (never story text); ids become names where the member list knows
// them. Pure module: no DOM, no React.
import {
  ELEMENT_LABELS,
  SCALE_LABELS,
  type CycleElement,
  type Scale,
} from '../../shared/model/cycle.ts'
import type { AuditEntry } from './accessApi.ts'
import { relativeTime, withArticle } from './invites.ts'

type Details = AuditEntry['details']
type NameOf = (userId: string) => string | null

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)
const role = (v: unknown): string => str(v) ?? 'an unknown role'
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

function person(d: Details, nameOf: NameOf): string {
  const id = str(d.userId)
  return (id && nameOf(id)) ?? 'a former member'
}

function settingsChanged(d: Details): string {
  const parts: string[] = []
  if (d.title !== undefined) parts.push('title')
  if (str(d.scale)) parts.push(`scale to ${SCALE_LABELS[d.scale as Scale] ?? d.scale}`)
  if (str(d.element))
    parts.push(`cycle element to ${ELEMENT_LABELS[d.element as CycleElement] ?? d.element}`)
  if (typeof d.anonymous === 'boolean')
    parts.push(d.anonymous ? 'anonymous mode on' : 'anonymous mode off')
  return parts.length ? parts.join('; ') : ''
}

export function describeAudit(
  e: Pick<AuditEntry, 'action' | 'actorId' | 'details'>,
  nameOf: NameOf,
  now: number,
): { what: string; details: string } {
  const d = e.details ?? {}
  switch (e.action) {
    case 'board.created':
      return {
        what: 'created the board',
        details: str(d.scale) ? `${SCALE_LABELS[d.scale as Scale] ?? d.scale} scale` : '',
      }
    case 'board.settings_changed':
      return { what: 'changed the board settings', details: settingsChanged(d) }
    case 'member.added':
      return { what: `added ${person(d, nameOf)} as ${role(d.role)}`, details: '' }
    case 'member.role_changed':
      return {
        what: `changed the role of ${person(d, nameOf)}`,
        details: `from ${role(d.from)} to ${role(d.to)}`,
      }
    case 'member.removed':
      return d.userId === e.actorId
        ? { what: 'left the board', details: `was ${role(d.role)}` }
        : { what: `removed ${person(d, nameOf)}`, details: `was ${role(d.role)}` }
    case 'invite.created': {
      const uses =
        typeof d.maxUses === 'number' ? `up to ${plural(d.maxUses, 'use', 'uses')}` : 'no use limit'
      const expires = str(d.expiresAt) ? `expires ${relativeTime(d.expiresAt as string, now)}` : ''
      return {
        what: `created an invite link for ${withArticle(role(d.role))}`,
        details: [expires, uses].filter(Boolean).join(', '),
      }
    }
    case 'invite.used':
      return {
        what: `joined through an invite link as ${role(d.role)}`,
        details: d.guest === true ? 'as a guest' : 'with an account',
      }
    case 'invite.disabled':
      return { what: 'stopped new joins through an invite link', details: 'everyone who had joined kept access' }
    case 'invite.enabled':
      return { what: 'allowed new joins through an invite link again', details: '' }
    case 'invite.revoked': {
      const n = typeof d.removed === 'number' ? d.removed : 0
      return {
        what: 'removed everyone who joined through an invite link and ended it',
        details: n
          ? `${plural(n, 'person', 'people')} lost access`
          : 'nobody had joined through it',
      }
    }
    case 'vote.opened':
      return {
        what: 'opened dot voting',
        details:
          typeof d.votesPerPerson === 'number'
            ? `${plural(d.votesPerPerson, 'vote', 'votes')} each`
            : '',
      }
    case 'vote.closed':
      return { what: 'closed dot voting', details: '' }
    case 'signin':
      return { what: 'signed in', details: '' }
    case 'signin.failed':
      return { what: 'failed to sign in', details: '' }
    case 'signout':
      return { what: 'signed out', details: '' }
    case 'account.created':
      return { what: 'created an account', details: '' }
    default:
      return {
        what: e.action.replace(/[._]/g, ' '),
        details: Object.entries(d)
          .map(([k, v]) => `${k}: ${String(v)}`)
          .join(', '),
      }
  }
}
