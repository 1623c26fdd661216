// Board routes: create, list (only boards the caller has a role on), read, change settings.
import { Hono } from 'hono'
import * as Y from 'yjs'
import { z } from 'zod'
import { BoardTitle } from '../../shared/model/board.ts'
import { CycleElement, Scale } from '../../shared/model/cycle.ts'
import { newId } from '../../shared/model/ids.ts'
import { migrateBoard } from '../../shared/model/migrations.ts'
import { updateBoardMeta } from '../../shared/ops/board.ts'
import { parseInput } from '../../shared/ops/validate.ts'
import { CLOSE } from '../../shared/protocol/closeCodes.ts'
import { forgetContentActors, type Audit } from '../auth/audit.ts'
import { requireAccount, requireBoard, requireIdentity } from '../auth/guards.ts'
import type { AppEnv } from '../auth/identity.ts'
import { HttpError } from '../errors.ts'
import type { BoardBudget } from './boardBudget.ts'
import type { Storage } from '../storage/types.ts'
import type { Rooms } from '../sync/rooms.ts'
import { readJson } from './json.ts'

export const CreateBoardInput = z.object({
  title: BoardTitle,
  scale: Scale,
  element: CycleElement.default('understand'),
  anonymous: z.boolean().default(false),
})

export const BoardSettingsInput = z
  .object({ title: BoardTitle, scale: Scale, element: CycleElement, anonymous: z.boolean() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change')

export const BoardIdParam = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/)

export type BoardRouteDeps = { storage: Storage; rooms: Rooms; audit: Audit; budget: BoardBudget }

export function boardRoutes({ storage, rooms, audit, budget }: BoardRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.post('/', async (c) => {
    const { user } = requireAccount(c)
    const input = parseInput(CreateBoardInput, await readJson(c))
    if (!input.ok) throw HttpError.from(input.error)
    await budget.check(user.id)
    const id = newId(12)
    const now = new Date().toISOString()

    // The document is seeded first, so a board record never points at a missing document.
    const doc = new Y.Doc()
    const migrated = migrateBoard(doc)
    if (!migrated.ok) throw HttpError.from(migrated.error, 500)
    const { anonymous, ...meta } = input.value
    const seeded = updateBoardMeta(doc, meta, { kind: 'server', reason: 'create board' })
    if (!seeded.ok) throw HttpError.from(seeded.error)
    await storage.docs.append(id, [Y.encodeStateAsUpdateV2(doc)])
    doc.destroy()

    const board = await storage.boards.create({ id, ...meta, anonymous, createdAt: now, updatedAt: now })
    await storage.memberships.put({
      boardId: id,
      userId: user.id,
      role: 'owner',
      organisation: user.organisation,
      inviteId: null,
      createdAt: now,
    })
    await audit({ boardId: id, actorId: user.id, action: 'board.created', details: { scale: board.scale } })
    return c.json({ ...board, role: 'owner' }, 201)
  })

  app.get('/', async (c) => {
    const { user } = requireIdentity(c)
    return c.json({ boards: await storage.boards.listFor(user.id) })
  })

  app.get('/:id', async (c) => {
    const { board, role } = await requireBoard(c, storage, c.req.param('id'), 'viewBoard')
    return c.json({ ...board, role })
  })

  app.patch('/:id', async (c) => {
    const { board, identity } = await requireBoard(c, storage, c.req.param('id'), 'changeSettings')
    const input = parseInput(BoardSettingsInput, await readJson(c))
    if (!input.ok) throw HttpError.from(input.error)
    const { anonymous, ...meta } = input.value
    if (Object.keys(meta).length) {
      // The document is the truth for title, scale and element; the record follows it.
      await rooms.change(board.id, (doc) => updateBoardMeta(doc, meta, { kind: 'server', reason: 'settings' }), 'settings')
    }
    const updated = await storage.boards.update(board.id, input.value)
    if (anonymous !== undefined && anonymous !== board.anonymous) {
      if (anonymous) await forgetContentActors(storage, board.id)
      rooms.setPolicy(board.id, { anonymous })
      // Clients reconnect (4501) and re-read the board, so none keeps writing what is now refused.
      rooms.closeBoard(board.id, CLOSE.roleChanged, 'board settings changed')
    }
    await audit({
      boardId: board.id,
      actorId: identity.user.id,
      action: 'board.settings_changed',
      details: Object.fromEntries(Object.entries(input.value).map(([k, v]) => [k, k === 'title' ? true : v])),
    })
    return c.json(updated)
  })

  return app
}
