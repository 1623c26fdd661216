// Moving a story's content between a board's shared document and its restricted document. The
// server does it, never a client: the content must reach no one without the right to it, and the
// shared document's stored history must not keep it afterwards.
import * as Y from 'yjs'
import { storiesMap, type Origin } from '../../shared/model/layout.ts'
import {
  contentOf,
  fromPlaceholder,
  putPlaceholder,
  putRestricted,
  restrictedRoom,
  takeRestricted,
  toPlaceholder,
  type StoryContent,
} from '../../shared/model/restricted.ts'
import { STORY_KEYS, type Sensitivity } from '../../shared/model/story.ts'
import { zAbove } from '../../shared/model/zorder.ts'
import { createStory } from '../../shared/ops/story.ts'
import { fail, ok, type Result } from '../../shared/result.ts'
import { refreshRaisedEvidence } from '../cycles/raisedEvidence.ts'
import { eraseHistory, linkedBoardsMigrated, restoredDescendants, rewriteVersions, type EraseDeps } from './erase.ts'

const ORIGIN: Origin = { kind: 'server', reason: 'sensitivity' }

const storyMap = (doc: Y.Doc, id: string): Y.Map<unknown> | null => {
  const map = storiesMap(doc).get(id)
  return map instanceof Y.Map ? map : null
}

/** The sensitivity a story has in the shared document, or null when there is no such story. */
export async function sensitivityOf({ rooms }: EraseDeps, boardId: string, storyId: string): Promise<Sensitivity | null> {
  return rooms.read(boardId, (doc) => {
    const map = storyMap(doc, storyId)
    if (!map) return null
    const s = map.get(STORY_KEYS.sensitivity)
    return s === 'confidential' || s === 'restricted' ? s : 'working'
  })
}

/**
 * Makes a story restricted: its content goes to the restricted document first (so a failure
 * between the steps never loses it), then the shared document keeps a placeholder, and its stored
 * history and saved versions are rewritten without the content. The same on boards restored from
 * the board's versions.
 */
export async function restrict(deps: EraseDeps, boardId: string, storyId: string): Promise<Result<null>> {
  const here = await restrictHere(deps, boardId, storyId)
  if (!here.ok) return here
  // Boards restored from this board's saved versions hold the story itself: restricted there too
  // (where it still is and is not restricted yet), and in boards restored from those.
  for (const next of await restoredDescendants(deps.storage, boardId)) {
    const there = await sensitivityOf(deps, next, storyId)
    if (there !== null && there !== 'restricted') await restrictHere(deps, next, storyId)
  }
  return here
}

async function restrictHere(deps: EraseDeps, boardId: string, storyId: string): Promise<Result<null>> {
  const { rooms, storage } = deps
  const room = restrictedRoom(boardId)
  const first = await rooms.read(boardId, (doc) => {
    const map = storyMap(doc, storyId)
    if (!map) return null
    return { content: contentOf(map), createdAt: Number(map.get(STORY_KEYS.createdAt)) || Date.now() }
  })
  if (!first) return fail('not_found', 'no such story')
  await rooms.change(room, (doc) => putRestricted(doc, storyId, first.content, first.createdAt, ORIGIN), 'restrict')
  let last: StoryContent | null = null
  await rooms.change(
    boardId,
    (doc) => {
      const taken = toPlaceholder(doc, storyId, ORIGIN)
      if (taken.ok) last = taken.value
    },
    'restrict',
  )
  // Edits made between the first read and the placeholder are in `last`: the restricted copy follows.
  const final: StoryContent | null = last
  if (final) await rooms.change(room, (doc) => putRestricted(doc, storyId, final, first.createdAt, ORIGIN), 'restrict')
  await rewriteVersions(storage, boardId, (doc) => {
    if (storyMap(doc, storyId)) toPlaceholder(doc, storyId, ORIGIN)
  })
  // Linked boards hold no quote of it (quotes are resolved from this board when read, and a
  // restricted story is never quoted); boards stored before that are migrated now. Their cards'
  // counts follow at once.
  await linkedBoardsMigrated(deps, boardId)
  await refreshRaisedEvidence(deps, boardId)
  await eraseHistory(deps, [boardId])
  return ok(null)
}

/** Lowers a restricted story to `to`: its content comes back into the shared document. */
export async function unrestrict(
  deps: EraseDeps,
  boardId: string,
  storyId: string,
  to: Exclude<Sensitivity, 'restricted'>,
): Promise<Result<null>> {
  const { rooms } = deps
  const room = restrictedRoom(boardId)
  const content = await rooms.read(room, (doc) => {
    const map = storyMap(doc, storyId)
    return map ? contentOf(map) : null
  })
  let result: Result<null> = fail('not_found', 'no such story')
  await rooms.change(boardId, (doc) => (result = fromPlaceholder(doc, storyId, content ?? { values: [], text: [] }, to, ORIGIN)), 'unrestrict')
  if (!result.ok) return result
  await rooms.change(room, (doc) => void takeRestricted(doc, storyId, ORIGIN), 'unrestrict')
  await eraseHistory(deps, [room])
  return ok(null)
}

/**
 * A restricted story written straight to the server: the shared document only ever holds its
 * placeholder, so no byte of it reaches anyone without the right to see it.
 */
export async function createRestricted(deps: EraseDeps, boardId: string, input: unknown): Promise<Result<{ id: string }>> {
  const scratch = new Y.Doc()
  try {
    const created = createStory(scratch, input, ORIGIN)
    if (!created.ok) return created
    const id = created.value.id
    const map = storyMap(scratch, id)!
    const content = contentOf(map)
    const kept = [...map.entries()]
    const createdAt = Number(map.get(STORY_KEYS.createdAt)) || Date.now()
    const exists = await deps.rooms.read(boardId, (doc) => storiesMap(doc).has(id))
    if (exists) return fail('conflict', `story ${id} already exists`)
    await deps.rooms.change(restrictedRoom(boardId), (doc) => putRestricted(doc, id, content, createdAt, ORIGIN), 'restricted story')
    let placed: Result<null> = ok(null)
    await deps.rooms.change(
      boardId,
      (doc) => {
        const zs = [...storiesMap(doc).values()].map((m) => (m instanceof Y.Map ? m.get(STORY_KEYS.z) : null))
        placed = putPlaceholder(doc, id, kept, zAbove(zs.filter((z): z is string => typeof z === 'string')), ORIGIN)
      },
      'restricted story',
    )
    return placed.ok ? ok({ id }) : placed
  } finally {
    scratch.destroy()
  }
}
