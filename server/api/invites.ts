// Invite links: a role, an expiry and an optional use limit, revocable. Opening one without an
// account asks only for a display name and organisation and gives a guest session scoped to
// that board, ending at the invite's expiry. Pausing a link (PATCH disabled) stops new joins and
// can be undone; revoking (DELETE) also ends every membership that came through it.
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { canAssign, higherRole, InviteRole } from '../../shared/access/roles.ts'
import { CLOSE } from '../../shared/protocol/closeCodes.ts'
import { newId } from '../../shared/model/ids.ts'
import { parseInput } from '../../shared/ops/validate.ts'
import type { Audit } from '../auth/audit.ts'
import { requireBoard } from '../auth/guards.ts'
import { startSession, type AppEnv } from '../auth/identity.ts'
import { RateLimiter } from '../auth/rateLimit.ts'
import { hashToken, newToken } from '../auth/tokens.ts'
import { HttpError } from '../errors.ts'
import type { InviteRecord, Storage } from '../storage/types.ts'
import type { Rooms } from '../sync/rooms.ts'
import { DisplayName, Organisation, publicUser } from './auth.ts'
import { readJson } from './json.ts'
import { endAccess } from './members.ts'
import { NEUTRAL_NAME } from '../sync/room.ts'

const MAX_HOURS = 24 * 90
const CreateInvite = z.object({
  role: InviteRole,
  expiresInHours: z.number().positive().max(MAX_HOURS).default(72),
  maxUses: z.number().int().min(1).max(10_000).nullable().default(null),
})
const UpdateInvite = z.object({ disabled: z.boolean() }).strict()
const AcceptInvite = z.object({ displayName: DisplayName.optional(), organisation: Organisation.default('') })

/** `members`: how many people are members through it now (whom a revoke would remove). */
const inviteView = (i: InviteRecord, members: number) => ({
  id: i.id,
  role: i.role,
  expiresAt: i.expiresAt,
  maxUses: i.maxUses,
  uses: i.uses,
  members,
  revokedAt: i.revokedAt,
  disabledAt: i.disabledAt,
  createdAt: i.createdAt,
  createdBy: i.createdBy,
})

function liveness(i: InviteRecord, now: string): 'live' | 'revoked' | 'disabled' | 'expired' | 'used_up' {
  if (i.revokedAt) return 'revoked'
  if (i.disabledAt) return 'disabled'
  if (i.expiresAt <= now) return 'expired'
  if (i.maxUses !== null && i.uses >= i.maxUses) return 'used_up'
  return 'live'
}

export type InviteRouteDeps = { storage: Storage; rooms: Rooms; audit: Audit; secureCookies: boolean }

const clientAddress = (c: Context) =>
  (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ?? 'local'

/** Routes under /api/boards/:id/invites (managers only). */
export function boardInviteRoutes(deps: InviteRouteDeps): Hono<AppEnv> {
  const { storage, audit } = deps
  const app = new Hono<AppEnv>()
  const membersThrough = async (boardId: string, inviteId: string) =>
    new Set((await storage.memberships.byInvite(inviteId)).filter((m) => m.boardId === boardId).map((m) => m.userId)).size
  const boardInvite = async (boardId: string, inviteId: string) => {
    const invite = await storage.invites.get(inviteId)
    if (!invite || invite.boardId !== boardId) throw new HttpError(404, 'not_found', 'no such invite')
    return invite
  }

  app.post('/:id/invites', async (c) => {
    const { board, role, identity } = await requireBoard(c, storage, c.req.param('id'), 'createInvites')
    const input = parseInput(CreateInvite, await readJson(c))
    if (!input.ok) throw HttpError.from(input.error)
    if (!canAssign(role, input.value.role)) throw new HttpError(403, 'forbidden', `a ${role} cannot invite a ${input.value.role}`)
    const token = newToken()
    const now = new Date()
    const invite: InviteRecord = {
      id: newId(),
      tokenHash: hashToken(token),
      boardId: board.id,
      role: input.value.role,
      createdBy: identity.user.id,
      expiresAt: new Date(now.getTime() + input.value.expiresInHours * 3_600_000).toISOString(),
      maxUses: input.value.maxUses,
      uses: 0,
      revokedAt: null,
      disabledAt: null,
      createdAt: now.toISOString(),
    }
    await storage.invites.create(invite)
    await audit({
      boardId: board.id,
      actorId: identity.user.id,
      action: 'invite.created',
      details: { inviteId: invite.id, role: invite.role, maxUses: invite.maxUses, expiresAt: invite.expiresAt },
    })
    // The token is shown once; only its hash is stored.
    return c.json({ invite: inviteView(invite, 0), token, path: `/i/${token}` }, 201)
  })

  app.get('/:id/invites', async (c) => {
    const { board } = await requireBoard(c, storage, c.req.param('id'), 'createInvites')
    const invites = await storage.invites.list(board.id)
    return c.json({ invites: await Promise.all(invites.map(async (i) => inviteView(i, await membersThrough(board.id, i.id)))) })
  })

  // Pause or resume new joins; everyone who already joined keeps their access.
  app.patch('/:id/invites/:inviteId', async (c) => {
    const { board, identity } = await requireBoard(c, storage, c.req.param('id'), 'createInvites')
    const input = parseInput(UpdateInvite, await readJson(c))
    if (!input.ok) throw HttpError.from(input.error)
    const invite = await boardInvite(board.id, c.req.param('inviteId'))
    if (invite.revokedAt) throw new HttpError(409, 'invite_revoked', 'this invite link has been revoked; make a new one')
    const changed = await storage.invites.setDisabled(invite.id, input.value.disabled ? new Date().toISOString() : null)
    if (changed) {
      await audit({ boardId: board.id, actorId: identity.user.id, action: input.value.disabled ? 'invite.disabled' : 'invite.enabled', details: { inviteId: invite.id } })
    }
    const now = (await storage.invites.get(invite.id)) ?? invite
    return c.json({ invite: inviteView(now, await membersThrough(board.id, invite.id)) })
  })

  app.delete('/:id/invites/:inviteId', async (c) => {
    const { board, identity } = await requireBoard(c, storage, c.req.param('id'), 'createInvites')
    const invite = await boardInvite(board.id, c.req.param('inviteId'))
    await storage.invites.revoke(invite.id, new Date().toISOString())
    const memberships = (await storage.memberships.byInvite(invite.id)).filter((m) => m.boardId === board.id)
    const ids = new Set(memberships.map((m) => m.userId))
    for (const id of ids) await storage.memberships.remove(board.id, id)
    await endAccess(deps, board.id, ids)
    await audit({ boardId: board.id, actorId: identity.user.id, action: 'invite.revoked', details: { inviteId: invite.id, removed: ids.size } })
    // Each membership it ended, by name of the person: a count alone does not say who lost access.
    for (const m of memberships) {
      await audit({ boardId: board.id, actorId: identity.user.id, action: 'member.removed', details: { userId: m.userId, role: m.role, inviteId: invite.id } })
    }
    return c.json({ ok: true, removed: ids.size })
  })

  return app
}

/** Routes under /api/invites/:token (anyone holding the link). */
export function inviteRoutes(deps: InviteRouteDeps & { attemptsPerMinute: number }): Hono<AppEnv> {
  const { storage, audit, secureCookies } = deps
  const app = new Hono<AppEnv>()
  const guestsPerAddress = new RateLimiter(deps.attemptsPerMinute, 60_000)

  const find = async (token: string) => {
    const invite = token.length <= 100 ? await storage.invites.byTokenHash(hashToken(token)) : null
    if (!invite) throw new HttpError(404, 'not_found', 'this invite link is not valid')
    const state = liveness(invite, new Date().toISOString())
    if (state !== 'live') throw new HttpError(410, `invite_${state}`, `this invite link ${state === 'used_up' ? 'has been used up' : state === 'expired' ? 'has expired' : state === 'disabled' ? 'takes no new joins for now' : 'has been revoked'}`)
    const board = await storage.boards.get(invite.boardId)
    if (!board) throw new HttpError(404, 'not_found', 'this invite link is not valid')
    return { invite, board }
  }

  app.get('/:token', async (c) => {
    const { invite, board } = await find(c.req.param('token'))
    return c.json({ board: { id: board.id, title: board.title, scale: board.scale }, role: invite.role, expiresAt: invite.expiresAt })
  })

  app.post('/:token/accept', async (c) => {
    const { invite, board } = await find(c.req.param('token'))
    const input = parseInput(AcceptInvite, await readJson(c))
    if (!input.ok) throw HttpError.from(input.error)
    const now = new Date().toISOString()
    const identity = c.get('identity')

    if (identity?.user.kind === 'account') {
      const existing = await storage.memberships.get(board.id, identity.user.id)
      if (!(await storage.invites.use(invite.id, now))) throw new HttpError(410, 'invite_used_up', 'this invite link has been used up')
      const role = existing ? higherRole(existing.role, invite.role) : invite.role
      await storage.memberships.put({
        boardId: board.id,
        userId: identity.user.id,
        role,
        organisation: input.value.organisation || identity.user.organisation,
        inviteId: existing ? existing.inviteId : invite.id,
        createdAt: existing?.createdAt ?? now,
      })
      await audit({ boardId: board.id, actorId: identity.user.id, action: 'invite.used', details: { inviteId: invite.id, role, guest: false } })
      if (existing && existing.role !== role) {
        // As a role change by a manager: live sockets close 4501 and reconnect with the new role.
        deps.rooms.setAccess(board.id, (p) => p.id === identity.user.id, 'none', CLOSE.roleChanged)
        await audit({ boardId: board.id, actorId: identity.user.id, action: 'member.role_changed', details: { userId: identity.user.id, from: existing.role, to: role, inviteId: invite.id } })
      }
      return c.json({ boardId: board.id, role, user: publicUser(identity.user) })
    }

    if (!input.value.displayName) throw new HttpError(400, 'invalid_input', 'displayName: a display name is required')
    if (!guestsPerAddress.hit(clientAddress(c)).allowed) throw new HttpError(429, 'rate_limited', 'too many guests from here; wait a minute')
    if (!(await storage.invites.use(invite.id, now))) throw new HttpError(410, 'invite_used_up', 'this invite link has been used up')
    const guest = await storage.users.create({
      id: newId(),
      kind: 'guest',
      email: null,
      passwordHash: null,
      // Anonymous mode stores no name for a guest: the one typed here is never written down.
      displayName: board.anonymous ? NEUTRAL_NAME : input.value.displayName,
      organisation: input.value.organisation,
      expiresAt: invite.expiresAt,
      createdAt: now,
    })
    await storage.memberships.put({
      boardId: board.id,
      userId: guest.id,
      role: invite.role,
      organisation: guest.organisation,
      inviteId: invite.id,
      createdAt: now,
    })
    await startSession(c, storage, guest, new Date(invite.expiresAt), secureCookies)
    await audit({ boardId: board.id, actorId: guest.id, action: 'invite.used', details: { inviteId: invite.id, role: invite.role, guest: true } })
    return c.json({ boardId: board.id, role: invite.role, user: publicUser(guest) }, 201)
  })

  return app
}
