// Sharing a pattern with a horizontally linked peer cycle as a read-only reference card. The card
// carries counts and what the sharing group wrote; its quotes are resolved from the source board
// when read (GET /api/shares/:id/quotes, cycles/quotes.ts), never copied.
import { requireEitherBoard } from './recordAccess.ts'
import { Hono } from 'hono'
import { z } from 'zod'
import { can } from '../../shared/access/roles.ts'
import { newId } from '../../shared/model/ids.ts'
import { ROOT, patternsMap } from '../../shared/model/layout.ts'
import { PatternId } from '../../shared/model/pattern.ts'
import { parseInput } from '../../shared/ops/validate.ts'
import type { Audit } from '../auth/audit.ts'
import { requireBoard, requireIdentity } from '../auth/guards.ts'
import type { AppEnv } from '../auth/identity.ts'
import { shareQuotes } from '../cycles/quotes.ts'
import type { PatternSharing } from '../cycles/sharing.ts'
import { HttpError } from '../errors.ts'
import type { Storage } from '../storage/types.ts'
import type { Rooms } from '../sync/rooms.ts'
import { BoardIdParam } from './boards.ts'
import { readJson } from './json.ts'

const Share = z.object({ targetBoardId: BoardIdParam })

export type ShareRouteDeps = { storage: Storage; rooms: Rooms; audit: Audit; sharing: PatternSharing }

export function shareRoutes({ storage, rooms, audit, sharing }: ShareRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.post('/boards/:id/patterns/:patternId/share', async (c) => {
    const { board: source, identity } = await requireBoard(c, storage, c.req.param('id'), 'editBoard')
    const patternId = PatternId.safeParse(c.req.param('patternId'))
    if (!patternId.success) throw new HttpError(404, 'not_found', 'no such pattern')
    const input = parseInput(Share, await readJson(c))
    if (!input.ok) throw HttpError.from(input.error)
    const target = await storage.boards.get(input.value.targetBoardId)
    const targetRole = target ? ((await storage.memberships.get(target.id, identity.user.id))?.role ?? null) : null
    if (!target || !can(targetRole, 'editBoard')) throw new HttpError(403, 'forbidden', 'you need a role that can edit the peer board')
    const link = await storage.links.between(source.id, target.id)
    if (!link || link.status !== 'active' || link.kind !== 'horizontal') {
      throw new HttpError(409, 'not_linked', 'share only with a linked peer cycle (a horizontal link)')
    }
    if (!(await rooms.read(source.id, (doc) => patternsMap(doc).has(patternId.data)))) {
      throw new HttpError(404, 'not_found', 'no such pattern on this board')
    }
    const { share, created } = await storage.shares.createOnce({
      id: newId(),
      sourceBoard: source.id,
      sourcePattern: patternId.data,
      targetBoard: target.id,
      // An anonymous board's share names no one, as its raise does.
      createdBy: source.anonymous ? null : identity.user.id,
      createdAt: new Date().toISOString(),
    })
    await sharing.refresh(source.id)
    if (created) {
      for (const b of [source.id, target.id]) {
        await audit({ boardId: b, actorId: identity.user.id, action: 'pattern.shared', details: { shareId: share.id } })
      }
    }
    return c.json({ share, created }, created ? 201 : 200)
  })

  // What this board's patterns are shared with, for the "Share with peer cycle" control.
  app.get('/boards/:id/shares', async (c) => {
    const { board } = await requireBoard(c, storage, c.req.param('id'), 'viewBoard')
    const shares = await storage.shares.fromBoard(board.id)
    const out = []
    for (const s of shares) {
      const target = await storage.boards.get(s.targetBoard)
      out.push({
        id: s.id,
        patternId: s.sourcePattern,
        target: target ? { id: target.id, title: target.title, scale: target.scale } : null,
        createdAt: s.createdAt,
      })
    }
    return c.json({ shares: out })
  })

  /** The reference's quotes now, for people with a role on either board (the share record grants it). */
  app.get('/shares/:shareId/quotes', async (c) => {
    const identity = requireIdentity(c)
    const share = await storage.shares.get(c.req.param('shareId'))
    if (!share) throw new HttpError(404, 'not_found', 'no such share')
    await requireEitherBoard(storage, identity.user.id, share, 'reference')
    return c.json({ shareId: share.id, quotes: await shareQuotes({ storage, rooms }, share) })
  })

  app.delete('/shares/:shareId', async (c) => {
    const identity = requireIdentity(c)
    const share = await storage.shares.get(c.req.param('shareId'))
    if (!share) throw new HttpError(404, 'not_found', 'no such share')
    const onSource = await storage.memberships.get(share.sourceBoard, identity.user.id)
    const onTarget = await storage.memberships.get(share.targetBoard, identity.user.id)
    if (!can(onSource?.role ?? null, 'editBoard') && !can(onTarget?.role ?? null, 'manageMembers')) {
      throw new HttpError(403, 'forbidden', 'your role does not allow this')
    }
    await storage.shares.remove(share.id)
    await rooms.change(share.targetBoard, (doc) => doc.getMap(ROOT.references).delete(share.id), 'share removed')
    for (const b of [share.sourceBoard, share.targetBoard]) {
      await audit({ boardId: b, actorId: identity.user.id, action: 'pattern.unshared', details: { shareId: share.id } })
    }
    return c.json({ ok: true })
  })

  return app
}
