// Who may do what during a facilitated session, as the client shows it: facilitators run it;
// participants write privately during a private phase and cannot edit a locked board or locked
// items. The server enforces the same rules (server/sync/room.ts); this only keeps the UI honest.
// Pure module: no DOM, no React.
import { can, type Role } from '../../shared/access/roles.ts'
import type { SessionState } from '../../shared/model/facilitation.ts'

/** Said once when editing closes for a session reason; the generic "view only" notice would mislead. */
export const GATE_NOTICES: Record<NonNullable<EditGate['reason']>, string> = {
  locked: 'The facilitator has locked the board: you can look, not change.',
  'locked-items': 'The facilitator has locked this item.',
  private: 'Private writing: add your stories in “Your private stories”; they join the board on reveal.',
}

export const runsSessions = (role: Role | null): boolean => can(role, 'manageMembers')

/** A participant (not an observer, not a facilitator) whose new stories go to private drafts. */
export const writesPrivately = (session: SessionState | null, role: Role | null): boolean =>
  !!session?.private && can(role, 'editBoard') && !runsSessions(role)

export const boardLockedFor = (session: SessionState | null, role: Role | null): boolean =>
  !!session?.locked && !runsSessions(role)

/** The locked ones among `ids` that this person may not change. */
export function lockedAmong(session: SessionState | null, role: Role | null, ids: Iterable<string>): string[] {
  if (!session || runsSessions(role) || session.lockedItems.length === 0) return []
  const locked = new Set(session.lockedItems)
  return [...ids].filter((id) => locked.has(id))
}

export type EditGate = { canEdit: boolean; reason: 'locked' | 'locked-items' | 'private' | null }

/**
 * Whether the board's own editing controls stay on. During a private phase participants write in
 * their drafts instead: a new story straight into the board would be refused by the server.
 */
export function gateEditing(roleAllows: boolean, session: SessionState | null, role: Role | null, focus: Iterable<string>): EditGate {
  if (!roleAllows) return { canEdit: false, reason: null }
  if (boardLockedFor(session, role)) return { canEdit: false, reason: 'locked' }
  if (writesPrivately(session, role)) return { canEdit: false, reason: 'private' }
  if (lockedAmong(session, role, focus).length > 0) return { canEdit: false, reason: 'locked-items' }
  return { canEdit: true, reason: null }
}

/** "4:05", "0:00", "62:30": whole seconds, rounded up so 0:00 means the time is really up. */
export function clockText(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}
