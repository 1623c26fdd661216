// Pure operations on stories: (doc, input, origin) => Result, each inside one transaction.
// May not touch the DOM, the network or Node; callers decide where the doc lives.
import * as Y from 'yjs'
import { z } from 'zod'
import { Colour, DEFAULT_STORY_SIZE, Point, Size, STORY_COLOURS } from '../model/geometry.ts'
import { newId } from '../model/ids.ts'
import { membersMap, storiesMap, type Origin, type StoryMap } from '../model/layout.ts'
import { readStory } from '../model/readBoard.ts'
import { paragraphsOf, seedFragment } from '../model/richText.ts'
import { STORY_KEYS as K, StoryFields, StoryId } from '../model/story.ts'
import { generateNKeysBetween } from 'fractional-indexing'
import { compareZ, isValidZ, zAbove, zBelow } from '../model/zorder.ts'
import { fail, ok, type Result } from '../result.ts'
import { parseInput } from './validate.ts'

const MAX_BATCH = 10_000

export const CreateStoryInput = z.object({
  id: StoryId.optional(),
  pos: Point,
  size: Size.optional(),
  colour: Colour.optional(),
  text: z.string().max(20_000).optional(),
  fields: StoryFields.optional(),
  /** Omit for anonymous contribution: no author is stored at all. */
  author: z.string().min(1).max(200).optional(),
})
export type CreateStoryInput = z.input<typeof CreateStoryInput>

export function createStory(doc: Y.Doc, input: unknown, origin: Origin): Result<{ id: string }> {
  const parsed = parseInput(CreateStoryInput, input)
  if (!parsed.ok) return parsed
  const v = parsed.value
  const stories = storiesMap(doc)
  const id = v.id ?? newId()
  if (stories.has(id)) return fail('conflict', `story ${id} already exists`)
  doc.transact(() => writeStory(stories, id, v, zAbove(zsOf(stories)), Date.now()), origin)
  return ok({ id })
}

export const CreateStoriesInput = z.object({ stories: z.array(CreateStoryInput).min(1).max(MAX_BATCH) })

/**
 * Many new stories in one transaction, stacked above everything in the given order (an import).
 * All or nothing: an id that exists or repeats refuses the whole batch. The board's z-keys are
 * read once for the batch, so n stories cost O(n + board), not O(n × board) as n createStory calls.
 */
export function createStories(doc: Y.Doc, input: unknown, origin: Origin): Result<{ ids: string[] }> {
  const parsed = parseInput(CreateStoriesInput, input)
  if (!parsed.ok) return parsed
  const stories = storiesMap(doc)
  const ids = parsed.value.stories.map((v) => v.id ?? newId())
  const seen = new Set<string>()
  for (const [i, id] of ids.entries()) {
    if (stories.has(id) || seen.has(id)) return fail('conflict', `story ${id} already exists`, `stories.${i}.id`)
    seen.add(id)
  }
  const zs = generateNKeysBetween(maxZ(zsOf(stories)), null, ids.length)
  const now = Date.now()
  doc.transact(() => {
    parsed.value.stories.forEach((v, i) => writeStory(stories, ids[i]!, v, zs[i]!, now))
  }, origin)
  return ok({ ids })
}

function writeStory(stories: Y.Map<StoryMap>, id: string, v: z.output<typeof CreateStoryInput>, zKey: string, now: number): void {
  const map: StoryMap = new Y.Map()
  map.set(K.id, id)
  map.set(K.pos, { x: v.pos.x, y: v.pos.y })
  map.set(K.size, v.size ?? DEFAULT_STORY_SIZE)
  map.set(K.colour, v.colour ?? STORY_COLOURS[0])
  map.set(K.z, zKey)
  const text = new Y.XmlFragment()
  map.set(K.text, text)
  // Defaults come from the input: a Y.Map not yet in the doc cannot be read (has() is false).
  const fields = v.fields ?? {}
  writeFields(map, {
    ...fields,
    tags: fields.tags ?? [],
    measures: fields.measures ?? [],
    sensitivity: fields.sensitivity ?? 'working',
  })
  if (v.author !== undefined) map.set(K.author, v.author)
  map.set(K.createdAt, now)
  map.set(K.updatedAt, now)
  stories.set(id, map)
  if (v.text) seedFragment(text, paragraphsOf(v.text))
}

const Move = z.object({ id: StoryId, pos: Point })
export const MoveStoriesInput = z.object({ moves: z.array(Move).min(1).max(MAX_BATCH) })

/** Commit final positions (one value per story), e.g. once at the end of a drag. */
export function moveStories(doc: Y.Doc, input: unknown, origin: Origin): Result<{ moved: number }> {
  const parsed = parseInput(MoveStoriesInput, input)
  if (!parsed.ok) return parsed
  const stories = storiesMap(doc)
  let moved = 0
  doc.transact(() => {
    for (const m of parsed.value.moves) {
      const map = stories.get(m.id)
      if (!(map instanceof Y.Map)) continue
      map.set(K.pos, { x: m.pos.x, y: m.pos.y })
      map.set(K.updatedAt, Date.now())
      moved++
    }
  }, origin)
  return ok({ moved })
}

export const ResizeStoryInput = z.object({ id: StoryId, size: Size, pos: Point.optional() })

export function resizeStory(doc: Y.Doc, input: unknown, origin: Origin): Result<null> {
  const parsed = parseInput(ResizeStoryInput, input)
  if (!parsed.ok) return parsed
  const map = storiesMap(doc).get(parsed.value.id)
  if (!(map instanceof Y.Map)) return notFound(parsed.value.id)
  doc.transact(() => {
    map.set(K.size, parsed.value.size)
    if (parsed.value.pos) map.set(K.pos, parsed.value.pos)
    map.set(K.updatedAt, Date.now())
  }, origin)
  return ok(null)
}

export const RecolourStoriesInput = z.object({ ids: z.array(StoryId).min(1).max(MAX_BATCH), colour: Colour })

export function recolourStories(doc: Y.Doc, input: unknown, origin: Origin): Result<null> {
  const parsed = parseInput(RecolourStoriesInput, input)
  if (!parsed.ok) return parsed
  const stories = storiesMap(doc)
  doc.transact(() => {
    for (const id of parsed.value.ids) {
      const map = stories.get(id)
      if (map instanceof Y.Map) map.set(K.colour, parsed.value.colour)
    }
  }, origin)
  return ok(null)
}

/** `null` clears a field; absent leaves it as it is. */
export const UpdateStoryFieldsInput = z.object({
  id: StoryId,
  fields: z.object({
    experiment: StoryFields.shape.experiment.nullable(),
    tellerRole: StoryFields.shape.tellerRole.nullable(),
    date: StoryFields.shape.date.nullable(),
    tags: StoryFields.shape.tags,
    outcome: StoryFields.shape.outcome.nullable(),
    measures: StoryFields.shape.measures,
    sensitivity: StoryFields.shape.sensitivity,
    consent: StoryFields.shape.consent.nullable(),
  }).partial(),
})

export function updateStoryFields(doc: Y.Doc, input: unknown, origin: Origin): Result<null> {
  const parsed = parseInput(UpdateStoryFieldsInput, input)
  if (!parsed.ok) return parsed
  const map = storiesMap(doc).get(parsed.value.id)
  if (!(map instanceof Y.Map)) return notFound(parsed.value.id)
  doc.transact(() => {
    writeFields(map, parsed.value.fields)
    map.set(K.updatedAt, Date.now())
  }, origin)
  return ok(null)
}

export const StoryIdsInput = z.object({ ids: z.array(StoryId).min(1).max(MAX_BATCH) })

/** Deleting a story also ends its pattern membership. */
export function deleteStories(doc: Y.Doc, input: unknown, origin: Origin): Result<{ deleted: number }> {
  const parsed = parseInput(StoryIdsInput, input)
  if (!parsed.ok) return parsed
  const stories = storiesMap(doc)
  const members = membersMap(doc)
  let deleted = 0
  doc.transact(() => {
    for (const id of parsed.value.ids) {
      if (stories.has(id)) deleted++
      stories.delete(id)
      members.delete(id)
    }
  }, origin)
  return ok({ deleted })
}

export function bringToFront(doc: Y.Doc, input: unknown, origin: Origin): Result<null> {
  return restack(doc, input, origin, 'front')
}

export function sendToBack(doc: Y.Doc, input: unknown, origin: Origin): Result<null> {
  return restack(doc, input, origin, 'back')
}

function restack(doc: Y.Doc, input: unknown, origin: Origin, where: 'front' | 'back'): Result<null> {
  const parsed = parseInput(StoryIdsInput, input)
  if (!parsed.ok) return parsed
  const stories = storiesMap(doc)
  doc.transact(() => {
    const moving = parsed.value.ids.filter((id) => stories.get(id) instanceof Y.Map)
    // Keep the moved stories' relative order: sort by current z first, compared as compareZ
    // does (by code unit; localeCompare would put 'aa' before 'aZ').
    const keyOf = (id: string) => ({ z: zOf(stories.get(id)), id })
    moving.sort((a, b) => compareZ(keyOf(a), keyOf(b)))
    if (where === 'back') moving.reverse()
    for (const id of moving) {
      const z = where === 'front' ? zAbove(zsOf(stories)) : zBelow(zsOf(stories))
      stories.get(id)!.set(K.z, z)
    }
  }, origin)
  return ok(null)
}

export const DuplicateStoriesInput = z.object({
  ids: z.array(StoryId).min(1).max(MAX_BATCH),
  offset: Point.default({ x: 24, y: 24 }),
  author: z.string().min(1).max(200).optional(),
})

/** Copies stories with their rich text and fields; the copies get fresh ids and no membership. */
export function duplicateStories(doc: Y.Doc, input: unknown, origin: Origin): Result<{ ids: string[] }> {
  const parsed = parseInput(DuplicateStoriesInput, input)
  if (!parsed.ok) return parsed
  const { offset, author } = parsed.value
  const stories = storiesMap(doc)
  const ids: string[] = []
  doc.transact(() => {
    for (const sourceId of parsed.value.ids) {
      const source = stories.get(sourceId)
      // Copy only what the reader accepts: a source caught mid-sync (a key's old value deleted,
      // its new value still pending) would otherwise become a permanently broken copy.
      if (!(source instanceof Y.Map) || readStory(sourceId, source, []) === null) continue
      // A restricted placeholder has no content here to copy; a copy would carry the restricted
      // marker, which only the server writes (shared/model/restricted.ts).
      if (source.get(K.sensitivity) === 'restricted') continue
      const copy: StoryMap = new Y.Map()
      const id = newId()
      for (const [key, value] of source.entries()) {
        if (key === K.text || key === K.id || key === K.author) continue
        copy.set(key, value instanceof Y.AbstractType ? value.clone() : value)
      }
      const pos = source.get(K.pos) as { x: number; y: number } | undefined
      copy.set(K.id, id)
      copy.set(K.pos, { x: (pos?.x ?? 0) + offset.x, y: (pos?.y ?? 0) + offset.y })
      copy.set(K.z, zAbove(zsOf(stories)))
      if (author !== undefined) copy.set(K.author, author)
      const now = Date.now()
      copy.set(K.createdAt, now)
      copy.set(K.updatedAt, now)
      const text = new Y.XmlFragment()
      copy.set(K.text, text)
      stories.set(id, copy)
      const sourceText = source.get(K.text)
      if (sourceText instanceof Y.XmlFragment) {
        text.insert(0, sourceText.toArray().map((n) => (n as Y.XmlElement | Y.XmlText).clone()))
      }
      ids.push(id)
    }
  }, origin)
  return ok({ ids })
}

function writeFields(map: StoryMap, fields: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue
    if (value === null) map.delete(key)
    else map.set(key, value)
  }
}

const zOf = (map: StoryMap | undefined): string => {
  const z = map?.get(K.z)
  return typeof z === 'string' ? z : ''
}

/** The highest valid z-key (what zAbove builds on), or null on an empty board. */
function maxZ(zs: Iterable<string>): string | null {
  let max: string | null = null
  for (const z of zs) if ((max === null || z > max) && isValidZ(z)) max = z
  return max
}

function* zsOf(stories: Y.Map<StoryMap>): Iterable<string> {
  for (const map of stories.values()) {
    const z = map instanceof Y.Map ? map.get(K.z) : undefined
    if (typeof z === 'string') yield z
  }
}

const notFound = (id: string) => fail('not_found', `no story ${id}`)
