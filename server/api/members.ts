// Board members: list, add an account by email, change a role, remove. Owners and facilitators
// manage members, never above their own role; a board always keeps an owner. Changes reach live
// sockets at once: a removed member's sockets close, a changed role applies to the next message.
import { Hono } from 'hono'
import { z } from 'zod'
import { accessOf, canAssign, can, Role } from '../../shared/access/roles.ts'
import { CLOSE } from '../../shared/protocol/closeCodes.ts'
import { parseInput } from '../../shared/ops/validate.ts'
import type { Audit } from '../auth/audit.ts'
import { requireBoard } from '../auth/guards.ts'
import type { AppEnv } from '../auth/identity.ts'
import { HttpError } from '../errors.ts'
import type { Storage } from '../storage/types.ts'
import type { Rooms } from '../sync/rooms.ts'
import { readJson } from './json.ts'

const AddMember = z.object({ email: z.string().trim().toLowerCase().pipe(z.email()), role: Role })
const ChangeRole = z.object({ role: Role })

export type MemberRouteDeps = { storage: Storage; rooms: Rooms; audit: Audit }

/** Ends a person's presence on a board: their live sockets close and guests lose their sessions. */
export async function endAccess(deps: MemberRouteDeps, boardId: string, userIds: Set<string>): Promise<void> {
  deps.rooms.setAccess(boardId, (p) => userIds.has(p.id), 'none', CLOSE.forbidden)
  for (const id of userIds) {
    const user = await deps.storage.users.get(id)
    if (user?.kind === 'guest') await deps.storage.sessions.deleteForUser(id)
  }
}

export function memberRoutes(deps: MemberRouteDeps): Hono<AppEnv> {
  const { storage, rooms, audit } = deps
  const app = new Hono<AppEnv>()

  app.get('/:id/members', async (c) => {
    const { board, role } = await requireBoard(c, storage, c.req.param('id'), 'viewBoard')
    const members = await storage.memberships.list(board.id)
    const manager = can(role, 'manageMembers')
    return c.json({
      members: members.map((m) => ({
        userId: m.userId,
        displayName: m.displayName,
        organisation: m.organisation,
        role: m.role,
        kind: m.kind,
        // Emails are for the people who manage the board.
        ...(manager ? { email: m.email, inviteId: m.inviteId, since: m.createdAt } : {}),
      })),
    })
  })

  app.post('/:id/members', async (c) => {
    const { board, role, identity } = await requireBoard(c, storage, c.req.param('id'), 'manageMembers')
    const input = parseInput(AddMember, await readJson(c))
    if (!input.ok) throw HttpError.from(input.error)
    if (!canAssign(role, input.value.role)) throw new HttpError(403, 'forbidden', `a ${role} cannot make someone ${input.value.role}`)
    const user = await storage.users.byEmail(input.value.email)
    if (!user) throw new HttpError(404, 'no_account', 'no account has this email; send an invite link instead')
    const existing = await storage.memberships.get(board.id, user.id)
    if (existing) throw new HttpError(409, 'already_member', 'this person is already a member; change their role instead')
    await storage.memberships.put({
      boardId: board.id,
      userId: user.id,
      role: input.value.role,
      organisation: user.organisation,
      inviteId: null,
      createdAt: new Date().toISOString(),
    })
    await audit({ boardId: board.id, actorId: identity.user.id, action: 'member.added', details: { userId: user.id, role: input.value.role } })
    return c.json({ userId: user.id, role: input.value.role }, 201)
  })

  app.patch('/:id/members/:userId', async (c) => {
    const { board, role, identity } = await requireBoard(c, storage, c.req.param('id'), 'manageMembers')
    const input = parseInput(ChangeRole, await readJson(c))
    if (!input.ok) throw HttpError.from(input.error)
    const target = await storage.memberships.get(board.id, c.req.param('userId'))
    if (!target) throw new HttpError(404, 'not_found', 'no such member')
    const next = input.value.role
    if (!canAssign(role, target.role) || !canAssign(role, next)) {
      throw new HttpError(403, 'forbidden', `a ${role} cannot change a ${target.role} to ${next}`)
    }
    if (target.role === 'owner' && next !== 'owner' && (await storage.memberships.countOwners(board.id)) <= 1) {
      throw new HttpError(409, 'last_owner', 'a board needs at least one owner; make someone else owner first')
    }
    await storage.memberships.put({ ...target, role: next })
    // The new role applies to the next message; the socket then closes with a transient code so
    // the client reconnects, resynchronises and learns its new role.
    rooms.setAccess(board.id, (p) => p.id === target.userId, accessOf(next))
    rooms.setAccess(board.id, (p) => p.id === target.userId, 'none', CLOSE.roleChanged)
    await audit({
      boardId: board.id,
      actorId: identity.user.id,
      action: 'member.role_changed',
      details: { userId: target.userId, from: target.role, to: next },
    })
    return c.json({ userId: target.userId, role: next })
  })

  app.delete('/:id/members/:userId', async (c) => {
    const userId = c.req.param('userId')
    const self = await requireBoard(c, storage, c.req.param('id'), 'viewBoard')
    const leaving = self.identity.user.id === userId
    if (!leaving && !can(self.role, 'manageMembers')) throw new HttpError(403, 'forbidden', 'your role does not allow this')
    const target = await storage.memberships.get(self.board.id, userId)
    if (!target) throw new HttpError(404, 'not_found', 'no such member')
    if (!leaving && !canAssign(self.role, target.role)) throw new HttpError(403, 'forbidden', `a ${self.role} cannot remove a ${target.role}`)
    if (target.role === 'owner' && (await storage.memberships.countOwners(self.board.id)) <= 1) {
      throw new HttpError(409, 'last_owner', 'a board needs at least one owner')
    }
    await storage.memberships.remove(self.board.id, userId)
    await endAccess(deps, self.board.id, new Set([userId]))
    await audit({ boardId: self.board.id, actorId: self.identity.user.id, action: 'member.removed', details: { userId, role: target.role } })
    return c.json({ ok: true })
  })

  return app
}
