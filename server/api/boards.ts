// Board routes: create, list, read. Bodies are validated with the shared model's validators.
import { Hono } from 'hono'
import * as Y from 'yjs'
import { z } from 'zod'
import { BoardTitle } from '../../shared/model/board.ts'
import { CycleElement, Scale } from '../../shared/model/cycle.ts'
import { newId } from '../../shared/model/ids.ts'
import { migrateBoard } from '../../shared/model/migrations.ts'
import { updateBoardMeta } from '../../shared/ops/board.ts'
import { parseInput } from '../../shared/ops/validate.ts'
import { HttpError } from '../errors.ts'
import type { Storage } from '../storage/types.ts'
import { readJson } from './json.ts'

export const CreateBoardInput = z.object({
  title: BoardTitle,
  scale: Scale,
  element: CycleElement.default('understand'),
})

export const BoardIdParam = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/)

export function boardRoutes(storage: Storage): Hono {
  const app = new Hono()

  app.post('/', async (c) => {
    const input = parseInput(CreateBoardInput, await readJson(c))
    if (!input.ok) throw HttpError.from(input.error)
    const id = newId(12)
    const now = new Date().toISOString()

    // The document is seeded first, so a board record never points at a missing document.
    const doc = new Y.Doc()
    const migrated = migrateBoard(doc)
    if (!migrated.ok) throw HttpError.from(migrated.error, 500)
    const meta = updateBoardMeta(doc, input.value, { kind: 'server', reason: 'create board' })
    if (!meta.ok) throw HttpError.from(meta.error)
    await storage.docs.append(id, [Y.encodeStateAsUpdateV2(doc)])
    doc.destroy()

    const board = await storage.boards.create({ id, ...input.value, createdAt: now, updatedAt: now })
    return c.json(board, 201)
  })

  app.get('/', async (c) => c.json({ boards: await storage.boards.list() }))

  app.get('/:id', async (c) => {
    const id = BoardIdParam.safeParse(c.req.param('id'))
    const board = id.success ? await storage.boards.get(id.data) : null
    if (!board) throw new HttpError(404, 'not_found', 'no such board')
    return c.json(board)
  })

  return app
}
