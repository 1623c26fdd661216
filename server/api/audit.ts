// A board's audit log, for its owners.
import { Hono } from 'hono'
import { shownActor } from '../auth/audit.ts'
import { requireBoard } from '../auth/guards.ts'
import type { AppEnv } from '../auth/identity.ts'
import type { Storage } from '../storage/types.ts'

export function auditRoutes(storage: Storage): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.get('/:id/audit', async (c) => {
    const { board } = await requireBoard(c, storage, c.req.param('id'), 'readAudit')
    const entries = (await storage.audit.list({ boardId: board.id, limit: 1000 })).map((e) => ({ ...e, actorId: shownActor(e, board.anonymous) }))
    const names = new Map<string, string>()
    for (const e of entries) {
      if (e.actorId && !names.has(e.actorId)) names.set(e.actorId, (await storage.users.get(e.actorId))?.displayName ?? 'someone')
    }
    return c.json({ entries: entries.map((e) => ({ ...e, actorName: e.actorId ? names.get(e.actorId) : null })) })
  })
  return app
}
