// Who may do what to whom in the people panel, from shared/access/roles.ts. The server decides;
// this only hides what a role cannot do. Pure module: no DOM, no React.
import {
  can,
  canAssign,
  INVITE_ROLES,
  ROLE_LABELS,
  ROLES,
  type InviteRole,
  type Role,
} from '../../shared/access/roles.ts'
import type { Member } from './accessApi.ts'

/** Roles this person may give to someone (on a member or by email). */
export const assignableRoles = (actor: Role | null): Role[] =>
  actor && can(actor, 'manageMembers') ? ROLES.filter((r) => canAssign(actor, r)) : []

/** Roles an invite link from this person may carry. */
export const inviteRolesFor = (actor: Role | null): InviteRole[] =>
  actor && can(actor, 'createInvites') ? INVITE_ROLES.filter((r) => canAssign(actor, r)) : []

/** May this person change the role of, or remove, this member? */
export const canManageMember = (actor: Role | null, member: Pick<Member, 'role'>): boolean =>
  actor !== null && can(actor, 'manageMembers') && canAssign(actor, member.role)

/** Options for a member's role select: what may be given, plus the current role so it shows. */
export function roleOptions(
  actor: Role | null,
  current: Role,
): Array<{ role: Role; label: string; disabled: boolean }> {
  const allowed = new Set(assignableRoles(actor))
  return ROLES.filter((r) => allowed.has(r) || r === current).map((r) => ({
    role: r,
    label: ROLE_LABELS[r],
    disabled: !allowed.has(r),
  }))
}

/** Owners first, then by name; the same order on every screen. */
export function sortMembers<M extends Pick<Member, 'role' | 'displayName'>>(
  members: readonly M[],
): M[] {
  const rank = (r: Role) => ROLES.indexOf(r)
  return [...members].sort(
    (a, b) => rank(a.role) - rank(b.role) || a.displayName.localeCompare(b.displayName),
  )
}

export type SettingsTab = 'people' | 'invites' | 'settings' | 'audit'

/** The tabs of "People & settings" this role may use: everyone sees the members. */
export const settingsTabsFor = (role: Role | null): SettingsTab[] => [
  'people',
  ...(can(role, 'createInvites') ? (['invites'] as const) : []),
  ...(can(role, 'changeSettings') ? (['settings'] as const) : []),
  ...(can(role, 'readAudit') ? (['audit'] as const) : []),
]
