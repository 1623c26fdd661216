// Board roles and what each may do. One table, read by the server (which enforces it) and the
// client (which hides what a person cannot do). Pure module.
import { z } from 'zod'
import type { Access } from './access.ts'

export const ROLES = ['owner', 'facilitator', 'contributor', 'observer'] as const
export type Role = (typeof ROLES)[number]
export const Role = z.enum(ROLES)

/** Higher rank can do everything a lower one can. */
const RANK: Record<Role, number> = { owner: 3, facilitator: 2, contributor: 1, observer: 0 }

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  facilitator: 'Facilitator',
  contributor: 'Contributor',
  observer: 'Observer (read only)',
}

export const atLeast = (role: Role, minimum: Role): boolean => RANK[role] >= RANK[minimum]
export const higherRole = (a: Role, b: Role): Role => (RANK[a] >= RANK[b] ? a : b)

export function accessOf(role: Role | null): Access {
  if (role === null) return 'none'
  return role === 'observer' ? 'read' : 'write'
}

export const PERMISSIONS = {
  /** See the member list, add, change and remove members. */
  manageMembers: 'facilitator',
  createInvites: 'facilitator',
  /** Title, scale, element, anonymous mode. */
  changeSettings: 'owner',
  readAudit: 'owner',
  deleteBoard: 'owner',
  editBoard: 'contributor',
  viewBoard: 'observer',
  /** Open the restricted room: read and edit restricted stories, lower a story from restricted. */
  seeRestricted: 'facilitator',
  /** Withdraw any story (a story's author may always withdraw their own). */
  withdrawStories: 'facilitator',
  /** Export pictures, data and reports (restricted stories are withheld from every export). */
  exportBoard: 'observer',
  /** Save a named version of the board. */
  saveVersion: 'contributor',
  /** Restore a version as a new board the caller owns: versions hold the whole stored board. */
  restoreVersion: 'facilitator',
} as const satisfies Record<string, Role>
export type Permission = keyof typeof PERMISSIONS

export const can = (role: Role | null, permission: Permission): boolean =>
  role !== null && atLeast(role, PERMISSIONS[permission])

/** A manager may grant or change roles only below their own, except owners, who may grant any. */
export function canAssign(actor: Role, target: Role): boolean {
  if (actor === 'owner') return true
  return can(actor, 'manageMembers') && RANK[target] < RANK[actor]
}

/** Roles an invite link may carry: never owner (ownership is given to a known account). */
export const INVITE_ROLES = ['facilitator', 'contributor', 'observer'] as const
export const InviteRole = z.enum(INVITE_ROLES)
export type InviteRole = z.infer<typeof InviteRole>
