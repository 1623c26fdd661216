// The HTTP API for people and access: the board with my role, invite links, members, the audit
// log, board settings and my profile. Errors are values (see home/api.ts), never throws.
import type { InviteRole, Role } from '../../shared/access/roles.ts'
import type { CycleElement, Scale } from '../../shared/model/cycle.ts'
import { api, type ApiResult, type BoardSummary } from '../home/api.ts'
import type { Me } from '../home/auth.ts'

export type BoardWithAccess = BoardSummary & { role: Role; anonymous: boolean }
export type InvitePreview = {
  board: { id: string; title: string; scale: Scale }
  role: InviteRole
  expiresAt: string
}
export type Member = {
  userId: string
  displayName: string
  organisation: string
  role: Role
  kind: 'account' | 'guest'
  /** Only managers (facilitator and owner) see these. */
  email?: string | null
  inviteId?: string | null
  since?: string
}
export type Invite = {
  id: string
  role: InviteRole
  expiresAt: string
  maxUses: number | null
  uses: number
  /** How many people are members through this link now (whom removing would remove). */
  members: number
  revokedAt: string | null
  /** Paused: no new joins until resumed. */
  disabledAt: string | null
  createdAt: string
  createdBy: string
}
export type AuditEntry = {
  id: number
  at: string
  action: string
  actorId: string | null
  actorName: string | null
  details: Record<string, string | number | boolean | null>
}
export type BoardSettings = {
  title?: string
  scale?: Scale
  element?: CycleElement
  anonymous?: boolean
}

const json = (method: string, body: unknown): RequestInit => ({
  method,
  body: JSON.stringify(body),
})
const board = (id: string) => `/api/boards/${encodeURIComponent(id)}`
const invite = (token: string) => `/api/invites/${encodeURIComponent(token)}`

export const getBoardWithAccess = (id: string) => api<BoardWithAccess>(board(id))
export const changeBoardSettings = (id: string, settings: BoardSettings) =>
  api<BoardWithAccess>(board(id), json('PATCH', settings))

export const getInvite = (token: string) => api<InvitePreview>(invite(token))
export const acceptInvite = (token: string, who: { displayName?: string; organisation?: string }) =>
  api<{ boardId: string; role: Role; user: Me }>(`${invite(token)}/accept`, json('POST', who))

export const listMembers = (id: string) => api<{ members: Member[] }>(`${board(id)}/members`)
export const addMember = (id: string, email: string, role: Role) =>
  api<{ userId: string; role: Role }>(`${board(id)}/members`, json('POST', { email, role }))
export const changeMemberRole = (id: string, userId: string, role: Role) =>
  api<{ userId: string; role: Role }>(
    `${board(id)}/members/${encodeURIComponent(userId)}`,
    json('PATCH', { role }),
  )
export const removeMember = (id: string, userId: string) =>
  api<{ ok: boolean }>(`${board(id)}/members/${encodeURIComponent(userId)}`, { method: 'DELETE' })

export const listInvites = (id: string) => api<{ invites: Invite[] }>(`${board(id)}/invites`)
export const createInvite = (
  id: string,
  input: { role: InviteRole; expiresInHours: number; maxUses: number | null },
) =>
  api<{ invite: Invite; token: string; path: string }>(`${board(id)}/invites`, json('POST', input))
/** Stop (true) or allow again (false) new joins through a link; nobody loses access. */
export const pauseInvite = (id: string, inviteId: string, disabled: boolean) =>
  api<{ invite: Invite }>(`${board(id)}/invites/${encodeURIComponent(inviteId)}`, json('PATCH', { disabled }))
/** Ends the link for good and removes everyone who joined through it. */
export const revokeInvite = (id: string, inviteId: string) =>
  api<{ ok: boolean; removed: number }>(`${board(id)}/invites/${encodeURIComponent(inviteId)}`, {
    method: 'DELETE',
  })

export const getAuditLog = (id: string) => api<{ entries: AuditEntry[] }>(`${board(id)}/audit`)

export const updateProfile = (changes: { displayName?: string; organisation?: string }) =>
  api<{ user: Me }>('/api/auth/me', json('PATCH', changes))

export type { ApiResult }
