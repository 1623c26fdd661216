// Links between learning cycles: vertical (a lower scale learns upward and is enabled from above)
// and horizontal (peers at one scale). Someone who manages both boards links them at once;
// otherwise the link waits until a manager of the other board accepts it. Every change is audited.
import { Hono } from 'hono'
import { z } from 'zod'
import { can } from '../../shared/access/roles.ts'
import { isHigher, OPEN_STATUSES } from '../../shared/model/condition.ts'
import { newId } from '../../shared/model/ids.ts'
import { parseInput } from '../../shared/ops/validate.ts'
import type { Audit } from '../auth/audit.ts'
import { requireBoard, requireIdentity } from '../auth/guards.ts'
import type { AppEnv } from '../auth/identity.ts'
import { HttpError } from '../errors.ts'
import type { BoardRecord, LinkRecord, Storage } from '../storage/types.ts'
import { BoardIdParam } from './boards.ts'
import { readJson } from './json.ts'

const CreateLink = z.object({ otherBoardId: BoardIdParam, kind: z.enum(['vertical', 'horizontal']) })

export type LinkRouteDeps = { storage: Storage; audit: Audit }

export function linkRoutes({ storage, audit }: LinkRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  const roleOn = async (boardId: string, userId: string) => (await storage.memberships.get(boardId, userId))?.role ?? null

  app.get('/:id/links', async (c) => {
    const { board, identity } = await requireBoard(c, storage, c.req.param('id'), 'viewBoard')
    const links = await storage.links.forBoards([board.id])
    const out = []
    for (const l of links) {
      const otherId = l.lowerBoard === board.id ? l.higherBoard : l.lowerBoard
      const other = await storage.boards.get(otherId)
      const visible = (await roleOn(otherId, identity.user.id)) !== null
      out.push({
        ...l,
        direction: l.kind === 'horizontal' ? 'peer' : l.lowerBoard === board.id ? 'up' : 'down',
        other: other && { id: other.id, title: other.title, scale: other.scale, visible },
      })
    }
    return c.json({ links: out })
  })

  app.post('/:id/links', async (c) => {
    const { board, identity } = await requireBoard(c, storage, c.req.param('id'), 'manageMembers')
    const input = parseInput(CreateLink, await readJson(c))
    if (!input.ok) throw HttpError.from(input.error)
    const other = await storage.boards.get(input.value.otherBoardId)
    if (!other || other.id === board.id) throw new HttpError(404, 'not_found', 'no such other board')
    const { kind } = input.value
    let lower: BoardRecord
    let higher: BoardRecord
    if (kind === 'vertical') {
      if (isHigher(other.scale, board.scale)) [lower, higher] = [board, other]
      else if (isHigher(board.scale, other.scale)) [lower, higher] = [other, board]
      else throw new HttpError(400, 'same_scale', 'a vertical link joins two different scales; use a horizontal link for peers')
    } else {
      if (other.scale !== board.scale) throw new HttpError(400, 'different_scale', 'a horizontal link joins peers at the same scale')
      ;[lower, higher] = board.id < other.id ? [board, other] : [other, board]
    }
    if (await storage.links.between(board.id, other.id)) throw new HttpError(409, 'already_linked', 'these cycles are already linked')
    const manageBoth = can(await roleOn(other.id, identity.user.id), 'manageMembers')
    const link: LinkRecord = {
      id: newId(),
      lowerBoard: lower.id,
      higherBoard: higher.id,
      kind,
      status: manageBoth ? 'active' : 'pending',
      createdBy: identity.user.id,
      createdAt: new Date().toISOString(),
    }
    await storage.links.create(link)
    for (const b of [board.id, other.id]) {
      await audit({ boardId: b, actorId: identity.user.id, action: 'link.created', details: { linkId: link.id, kind, status: link.status } })
    }
    return c.json({ link }, 201)
  })

  app.post('/:id/links/:linkId/accept', async (c) => {
    const { board, identity } = await requireBoard(c, storage, c.req.param('id'), 'manageMembers')
    const link = await storage.links.get(c.req.param('linkId'))
    if (!link || (link.lowerBoard !== board.id && link.higherBoard !== board.id)) throw new HttpError(404, 'not_found', 'no such link')
    if (link.createdBy === identity.user.id && link.status === 'pending') {
      throw new HttpError(403, 'forbidden', 'a manager of the other board accepts the link')
    }
    await storage.links.activate(link.id)
    for (const b of [link.lowerBoard, link.higherBoard]) {
      await audit({ boardId: b, actorId: identity.user.id, action: 'link.accepted', details: { linkId: link.id } })
    }
    return c.json({ link: { ...link, status: 'active' } })
  })

  app.delete('/:id/links/:linkId', async (c) => {
    const { board, identity } = await requireBoard(c, storage, c.req.param('id'), 'manageMembers')
    const link = await storage.links.get(c.req.param('linkId'))
    if (!link || (link.lowerBoard !== board.id && link.higherBoard !== board.id)) throw new HttpError(404, 'not_found', 'no such link')
    await storage.links.remove(link.id)
    for (const b of [link.lowerBoard, link.higherBoard]) {
      await audit({ boardId: b, actorId: identity.user.id, action: 'link.removed', details: { linkId: link.id } })
    }
    return c.json({ ok: true })
  })

  return app
}

/** GET /api/cycles/map: every cycle the viewer may see, their links and open conditions. */
export function mapRoutes({ storage }: { storage: Storage }): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.get('/map', async (c) => {
    const { user } = requireIdentity(c)
    const boards = await storage.boards.listFor(user.id)
    const ids = boards.map((b) => b.id)
    const visible = new Set(ids)
    const links = (await storage.links.forBoards(ids)).filter((l) => visible.has(l.lowerBoard) && visible.has(l.higherBoard))
    const conditions = await storage.conditions.forBoards(ids)
    const open = (boardId: string, side: 'sourceBoard' | 'targetBoard', kind: 'enabler' | 'barrier') =>
      conditions.filter((x) => x[side] === boardId && x.kind === kind && OPEN_STATUSES.has(x.status)).length
    return c.json({
      cycles: boards.map((b) => ({
        id: b.id,
        title: b.title,
        scale: b.scale,
        element: b.element,
        role: b.role,
        raised: { enablers: open(b.id, 'sourceBoard', 'enabler'), barriers: open(b.id, 'sourceBoard', 'barrier') },
        received: { enablers: open(b.id, 'targetBoard', 'enabler'), barriers: open(b.id, 'targetBoard', 'barrier') },
      })),
      links: links.map((l) => ({ id: l.id, kind: l.kind, status: l.status, lower: l.lowerBoard, higher: l.higherBoard })),
    })
  })
  return app
}
