// Story operations the server must do itself (research ethics): writing a restricted story,
// changing a story's sensitivity to or from restricted, and withdrawing a story. Each checks the
// caller's role, changes the documents in the rooms' pipelines and is audited without content.
import { Hono } from 'hono'
import { z } from 'zod'
import { can } from '../../shared/access/roles.ts'
import { Sensitivity, StoryId } from '../../shared/model/story.ts'
import { CreateStoryInput, updateStoryFields } from '../../shared/ops/story.ts'
import { parseInput } from '../../shared/ops/validate.ts'
import { ok, type Result } from '../../shared/result.ts'
import type { Audit } from '../auth/audit.ts'
import { requireBoard } from '../auth/guards.ts'
import type { AppEnv } from '../auth/identity.ts'
import { HttpError } from '../errors.ts'
import { createRestricted, restrict, sensitivityOf, unrestrict } from '../ethics/sensitivity.ts'
import { authorOf, storiesBy } from '../ethics/authorship.ts'
import { withdraw } from '../ethics/withdraw.ts'
import type { Storage } from '../storage/types.ts'
import type { Rooms } from '../sync/rooms.ts'
import { readJson } from './json.ts'

export type StoryRouteDeps = {
  storage: Storage
  rooms: Rooms
  audit: Audit
  /** Drops cached exports of a board whose content was restricted or withdrawn. */
  forgetExports?: (boardId: string) => void
}

const NewRestricted = CreateStoryInput.omit({ author: true })
const ChangeSensitivity = z.object({ sensitivity: Sensitivity })

/** Expected failures of the operations, with their statuses. */
const refused = (p: { code: string; message: string }): HttpError =>
  HttpError.from(p, p.code === 'not_found' ? 404 : p.code === 'conflict' ? 409 : 400)

const storyIdOf = (raw: string | undefined): string => {
  const id = StoryId.safeParse(raw)
  if (!id.success) throw new HttpError(404, 'not_found', 'no such story')
  return id.data
}

export function storyRoutes({ storage, rooms, audit, forgetExports }: StoryRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const deps = { storage, rooms }

  app.post('/boards/:id/stories', async (c) => {
    const { board, identity } = await requireBoard(c, storage, c.req.param('id'), 'editBoard')
    const input = parseInput(NewRestricted, await readJson(c))
    if (!input.ok) throw HttpError.from(input.error)
    if (input.value.fields?.sensitivity !== 'restricted') {
      throw new HttpError(400, 'invalid_input', 'fields.sensitivity: only restricted stories are written here; others go through the board document')
    }
    // Anonymous boards store no author at all; otherwise the author may later withdraw it.
    const author = board.anonymous ? undefined : identity.user.id
    const created = await createRestricted(deps, board.id, { ...input.value, author })
    if (!created.ok) throw refused(created.error)
    if (author) await storage.storyAuthors.record(board.id, author, [created.value.id], new Date().toISOString())
    await audit({ boardId: board.id, actorId: identity.user.id, action: 'story.restricted_created', details: { storyId: created.value.id } })
    return c.json({ id: created.value.id }, 201)
  })

  app.put('/boards/:id/stories/:storyId/sensitivity', async (c) => {
    const { board, identity, role } = await requireBoard(c, storage, c.req.param('id'), 'editBoard')
    const storyId = storyIdOf(c.req.param('storyId'))
    const input = parseInput(ChangeSensitivity, await readJson(c))
    if (!input.ok) throw HttpError.from(input.error)
    const to = input.value.sensitivity
    const from = await sensitivityOf(deps, board.id, storyId)
    if (from === null) throw new HttpError(404, 'not_found', 'no such story')
    // Anyone who edits may protect a story; only those who can see restricted stories may lower one.
    if (from === 'restricted' && to !== 'restricted' && !can(role, 'seeRestricted')) {
      throw new HttpError(403, 'forbidden', 'only facilitators and owners can lower a restricted story')
    }
    if (from !== to) {
      const result =
        to === 'restricted'
          ? await restrict(deps, board.id, storyId)
          : from === 'restricted'
            ? await unrestrict(deps, board.id, storyId, to)
            : await setPlain(rooms, board.id, storyId, to)
      if (!result.ok) throw refused(result.error)
      if (to === 'restricted') forgetExports?.(board.id)
      await audit({ boardId: board.id, actorId: identity.user.id, action: 'story.sensitivity_changed', details: { storyId, from, to } })
    }
    return c.json({ storyId, from, to })
  })

  // The stories this person created here (the server's record), so their client can offer Withdraw.
  app.get('/boards/:id/stories/mine', async (c) => {
    const { board, identity } = await requireBoard(c, storage, c.req.param('id'), 'viewBoard')
    return c.json({ storyIds: await storiesBy(deps, board.id, identity.user.id) })
  })

  app.post('/boards/:id/stories/:storyId/withdraw', async (c) => {
    const { board, identity, role } = await requireBoard(c, storage, c.req.param('id'), 'viewBoard')
    const storyId = storyIdOf(c.req.param('storyId'))
    // Only the server's record counts: the document's author key is writable by any editor.
    const author = await authorOf(deps, board.id, storyId)
    const byAuthor = author !== null && author === identity.user.id
    if (!byAuthor && !can(role, 'withdrawStories')) {
      throw new HttpError(403, 'forbidden', 'only the story’s author, facilitators and owners can withdraw a story')
    }
    const result = await withdraw(deps, board.id, storyId)
    if (!result.ok) throw refused(result.error)
    for (const id of result.value.boards) forgetExports?.(id)
    const counts = { boards: result.value.boards.length, versions: result.value.versions }
    await audit({
      boardId: board.id,
      actorId: identity.user.id,
      action: 'story.withdrawn',
      details: { storyId, byAuthor, ...counts },
    })
    // Every other board whose documents and history the withdrawal rewrote (boards restored from
    // this board's versions) keeps its own record of it: ids only.
    for (const other of result.value.boards.filter((b) => b !== board.id)) {
      await audit({ boardId: other, actorId: null, action: 'story.withdrawn', details: { storyId, fromBoard: board.id } })
    }
    return c.json({ storyId, withdrawn: true, ...counts })
  })

  return app
}

/** Between working and confidential: a plain field change, no content moves. */
async function setPlain(rooms: Rooms, boardId: string, storyId: string, to: Sensitivity): Promise<Result<null>> {
  let result: Result<null> = ok(null)
  await rooms.change(boardId, (doc) => (result = updateStoryFields(doc, { id: storyId, fields: { sensitivity: to } }, { kind: 'server', reason: 'sensitivity' })), 'sensitivity')
  return result
}
