// Links between learning cycles: vertical (a lower scale learns upward and is enabled from above)
// and horizontal (peers at one scale). Someone who manages both boards links them at once;
// otherwise the link waits until a manager of the other board (never one of the requesting board)
// accepts it. A request to a board its creator has no role on reveals nothing of that board (its
// scales are checked when accepted), and a pending link is audited only where its creator or the
// actor has a role.
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

/** How a link of this kind joins two boards (lower, higher), or why their scales do not fit. */
function joinOrder(kind: LinkRecord['kind'], a: BoardRecord, b: BoardRecord): { lowerBoard: string; higherBoard: string } | HttpError {
  if (kind === 'vertical') {
    if (isHigher(b.scale, a.scale)) return { lowerBoard: a.id, higherBoard: b.id }
    if (isHigher(a.scale, b.scale)) return { lowerBoard: b.id, higherBoard: a.id }
    return new HttpError(400, 'same_scale', 'a vertical link joins two different scales; use a horizontal link for peers')
  }
  if (a.scale !== b.scale) return new HttpError(400, 'different_scale', 'a horizontal link joins peers at the same scale')
  return idOrder(a, b)
}
const idOrder = (a: BoardRecord, b: BoardRecord) => (a.id < b.id ? { lowerBoard: a.id, higherBoard: b.id } : { lowerBoard: b.id, higherBoard: a.id })

/** A link as answered: without which side is lower when the other board must stay unseen. */
function shown(l: LinkRecord, hidden: boolean) {
  const { lowerBoard, higherBoard, ...rest } = l
  return hidden ? rest : { ...rest, lowerBoard, higherBoard }
}

export function linkRoutes({ storage, audit }: LinkRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  const roleOn = async (boardId: string, userId: string) => (await storage.memberships.get(boardId, userId))?.role ?? null
  const manages = async (boardId: string, userId: string) => can(await roleOn(boardId, userId), 'manageMembers')

  /** An active link (both sides agreed) audits both boards; a pending one only where its creator or the actor has a role. */
  const auditLink = async (link: LinkRecord, actorId: string, action: string, details: Record<string, unknown>) => {
    for (const b of [link.lowerBoard, link.higherBoard]) {
      const touches = link.status === 'active' || (await roleOn(b, link.createdBy)) !== null || (await roleOn(b, actorId)) !== null
      if (touches) await audit({ boardId: b, actorId, action, details: { linkId: link.id, ...details } })
    }
  }

  /** Boards whose managers may accept a pending link; older links recorded none: the side its creator does not manage. */
  const acceptingBoards = async (link: LinkRecord): Promise<string[]> => {
    if (link.awaitingBoard) return [link.awaitingBoard]
    const sides = [link.lowerBoard, link.higherBoard]
    const unmanaged = []
    for (const b of sides) if (!(await manages(b, link.createdBy))) unmanaged.push(b)
    return unmanaged.length ? unmanaged : sides
  }

  app.get('/:id/links', async (c) => {
    const { board, identity } = await requireBoard(c, storage, c.req.param('id'), 'viewBoard')
    const links = await storage.links.forBoards([board.id])
    const out = []
    for (const l of links) {
      const otherId = l.lowerBoard === board.id ? l.higherBoard : l.lowerBoard
      const other = await storage.boards.get(otherId)
      const visible = (await roleOn(otherId, identity.user.id)) !== null
      // A pending link to a board its creator cannot see shows nothing of it to anyone without a
      // role there: not its title, scale or which way the link would lead.
      const hidden = l.status === 'pending' && !visible && (await roleOn(otherId, l.createdBy)) === null
      out.push({
        ...shown(l, hidden),
        direction: hidden ? null : l.kind === 'horizontal' ? 'peer' : l.lowerBoard === board.id ? 'up' : 'down',
        other: other && (hidden ? { id: other.id, title: null, scale: null, visible } : { id: other.id, title: other.title, scale: other.scale, visible }),
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
    if (await storage.links.between(board.id, other.id)) throw new HttpError(409, 'already_linked', 'these cycles are already linked')
    const otherRole = await roleOn(other.id, identity.user.id)
    const order = joinOrder(kind, board, other)
    // Someone with no role on the other board gets the same answer whatever its scale: the scales
    // are checked again when its manager accepts, who is told then.
    if (order instanceof HttpError && otherRole !== null) throw order
    const manageBoth = can(otherRole, 'manageMembers')
    const link: LinkRecord = {
      id: newId(),
      ...(order instanceof HttpError ? idOrder(board, other) : order),
      kind,
      status: manageBoth ? 'active' : 'pending',
      awaitingBoard: manageBoth ? null : other.id,
      createdBy: identity.user.id,
      createdAt: new Date().toISOString(),
    }
    await storage.links.create(link)
    await auditLink(link, identity.user.id, 'link.created', { kind, status: link.status })
    return c.json({ link: shown(link, otherRole === null) }, 201)
  })

  app.post('/:id/links/:linkId/accept', async (c) => {
    const { board, identity } = await requireBoard(c, storage, c.req.param('id'), 'manageMembers')
    const link = await storage.links.get(c.req.param('linkId'))
    if (!link || (link.lowerBoard !== board.id && link.higherBoard !== board.id)) throw new HttpError(404, 'not_found', 'no such link')
    if (link.status === 'active') return c.json({ link })
    let accepts = false
    for (const b of await acceptingBoards(link)) accepts ||= await manages(b, identity.user.id)
    if (!accepts) throw new HttpError(403, 'forbidden', 'a manager (owner or facilitator) of the other board accepts the link, not one of the board that asked')
    const [a, b] = await Promise.all([storage.boards.get(link.lowerBoard), storage.boards.get(link.higherBoard)])
    if (!a || !b) throw new HttpError(404, 'not_found', 'no such link')
    const order = joinOrder(link.kind, a, b)
    if (order instanceof HttpError) throw order
    await storage.links.activate(link.id, order)
    const active: LinkRecord = { ...link, ...order, status: 'active' }
    await auditLink(active, identity.user.id, 'link.accepted', {})
    return c.json({ link: active })
  })

  app.delete('/:id/links/:linkId', async (c) => {
    const { board, identity } = await requireBoard(c, storage, c.req.param('id'), 'manageMembers')
    const link = await storage.links.get(c.req.param('linkId'))
    if (!link || (link.lowerBoard !== board.id && link.higherBoard !== board.id)) throw new HttpError(404, 'not_found', 'no such link')
    await storage.links.remove(link.id)
    await auditLink(link, identity.user.id, 'link.removed', {})
    return c.json({ ok: true })
  })

  return app
}

/** Conditions that are answered: resolved or declined. */
const ANSWERED = new Set(['resolved', 'declined'])
const HOUR_MS = 3_600_000

/**
 * GET /api/cycles/map: the cycles I have a role on and the whole shape of every chain they are in,
 * followed through active links only (pending ones only between my own boards). A board I have no
 * role on shows its scale and counts; its title only where its scale is not `person` (a person's
 * cycle may be named after them). Counts: open and answered conditions, and the median hours an
 * answer took (from the raise to its last status change).
 */
export function mapRoutes({ storage }: { storage: Storage }): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.get('/map', async (c) => {
    const { user } = requireIdentity(c)
    const boards = await storage.boards.listFor(user.id)
    const mine = new Set(boards.map((b) => b.id))
    const reached = new Set(mine)
    const seenLinks = new Map<string, LinkRecord>()
    for (let frontier = [...mine]; frontier.length; ) {
      const next: string[] = []
      for (const l of await storage.links.forBoards(frontier)) {
        seenLinks.set(l.id, l)
        if (l.status !== 'active') continue
        for (const b of [l.lowerBoard, l.higherBoard]) {
          if (!reached.has(b)) {
            reached.add(b)
            next.push(b)
          }
        }
      }
      frontier = next
    }
    const others: BoardRecord[] = []
    for (const id of reached) {
      if (mine.has(id)) continue
      const b = await storage.boards.get(id)
      if (b) others.push(b)
    }
    const present = new Set([...mine, ...others.map((b) => b.id)])
    const links = [...seenLinks.values()].filter(
      (l) => present.has(l.lowerBoard) && present.has(l.higherBoard) && (l.status === 'active' || (mine.has(l.lowerBoard) && mine.has(l.higherBoard))),
    )
    const conditions = await storage.conditions.forBoards([...present])
    const open = (boardId: string, side: 'sourceBoard' | 'targetBoard', kind: 'enabler' | 'barrier') =>
      conditions.filter((x) => x[side] === boardId && x.kind === kind && OPEN_STATUSES.has(x.status)).length
    const answered = (boardId: string, side: 'sourceBoard' | 'targetBoard') => conditions.filter((x) => x[side] === boardId && ANSWERED.has(x.status))
    const medianHours = (list: typeof conditions): number | null => {
      const hours = list.map((x) => (Date.parse(x.updatedAt) - Date.parse(x.createdAt)) / HOUR_MS).sort((a, b) => a - b)
      if (!hours.length) return null
      const mid = Math.floor(hours.length / 2)
      const m = hours.length % 2 ? hours[mid]! : (hours[mid - 1]! + hours[mid]!) / 2
      return Math.round(m * 10) / 10
    }
    const counts = (id: string) => ({
      raised: { enablers: open(id, 'sourceBoard', 'enabler'), barriers: open(id, 'sourceBoard', 'barrier'), answered: answered(id, 'sourceBoard').length },
      received: {
        enablers: open(id, 'targetBoard', 'enabler'),
        barriers: open(id, 'targetBoard', 'barrier'),
        answered: answered(id, 'targetBoard').length,
        medianAnswerHours: medianHours(answered(id, 'targetBoard')),
      },
    })
    return c.json({
      cycles: [
        ...boards.map((b) => ({ id: b.id, title: b.title, titleHidden: false, scale: b.scale, element: b.element, role: b.role, ...counts(b.id) })),
        ...others.map((b) => {
          const hidden = b.scale === 'person'
          return { id: b.id, title: hidden ? 'A person’s cycle (title hidden)' : b.title, titleHidden: hidden, scale: b.scale, element: b.element, role: null, ...counts(b.id) }
        }),
      ],
      links: links.map((l) => ({ id: l.id, kind: l.kind, status: l.status, lower: l.lowerBoard, higher: l.higherBoard })),
    })
  })
  return app
}
