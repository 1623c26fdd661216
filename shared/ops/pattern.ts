// Pure operations on patterns and membership: (doc, input, origin) => Result.
// May not touch the DOM, the network or Node.
import * as Y from 'yjs'
import { z } from 'zod'
import { Point, Rect } from '../model/geometry.ts'
import { newId } from '../model/ids.ts'
import { membersMap, patternsMap, placementsMap, storiesMap, type Origin, type PatternMap } from '../model/layout.ts'
import { CardPlacement } from '../model/placement.ts'
import { Confidence, MemberRole, PATTERN_KEYS as K, PatternId } from '../model/pattern.ts'
import { paragraphsOf, seedFragment } from '../model/richText.ts'
import { STORY_KEYS, StoryId } from '../model/story.ts'
import { zAbove } from '../model/zorder.ts'
import { fail, ok, type Result } from '../result.ts'
import { parseInput } from './validate.ts'

const PatternName = z.string().trim().max(200)

export const CreatePatternInput = z.object({
  id: PatternId.optional(),
  name: PatternName.default(''),
  description: z.string().max(20_000).optional(),
  area: Rect,
  storyIds: z.array(StoryId).max(10_000).default([]),
})

export function createPattern(doc: Y.Doc, input: unknown, origin: Origin): Result<{ id: string }> {
  const parsed = parseInput(CreatePatternInput, input)
  if (!parsed.ok) return parsed
  const v = parsed.value
  const patterns = patternsMap(doc)
  const id = v.id ?? newId()
  if (patterns.has(id)) return fail('conflict', `pattern ${id} already exists`)
  doc.transact(() => {
    const map: PatternMap = new Y.Map()
    map.set(K.id, id)
    map.set(K.name, v.name)
    const description = new Y.XmlFragment()
    map.set(K.description, description)
    map.set(K.area, v.area)
    map.set(K.z, zAbove(patternZs(patterns)))
    map.set(K.createdAt, Date.now())
    patterns.set(id, map)
    if (v.description) seedFragment(description, paragraphsOf(v.description))
    const stories = storiesMap(doc)
    const members = membersMap(doc)
    for (const storyId of v.storyIds) {
      if (stories.has(storyId)) members.set(storyId, { pattern: id, role: 'supports' })
    }
  }, origin)
  return ok({ id })
}

export const UpdatePatternInput = z.object({
  id: PatternId,
  name: PatternName.optional(),
  confidence: Confidence.nullable().optional(),
  confidenceReason: z.string().trim().max(2_000).nullable().optional(),
})

export function updatePattern(doc: Y.Doc, input: unknown, origin: Origin): Result<null> {
  const parsed = parseInput(UpdatePatternInput, input)
  if (!parsed.ok) return parsed
  const { id, ...changes } = parsed.value
  const map = patternsMap(doc).get(id)
  if (!(map instanceof Y.Map)) return notFound(id)
  doc.transact(() => {
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) continue
      if (value === null) map.delete(key)
      else map.set(key, value)
    }
  }, origin)
  return ok(null)
}

export const MovePatternInput = z.object({ id: PatternId, to: Point })

/** Moving a pattern moves its member stories and placed condition cards with it, in one transaction. */
export function movePattern(doc: Y.Doc, input: unknown, origin: Origin): Result<null> {
  const parsed = parseInput(MovePatternInput, input)
  if (!parsed.ok) return parsed
  const { id, to } = parsed.value
  const map = patternsMap(doc).get(id)
  if (!(map instanceof Y.Map)) return notFound(id)
  const area = Rect.safeParse(map.get(K.area))
  if (!area.success) return fail('invalid_record', `pattern ${id} has no valid area`)
  const dx = to.x - area.data.x
  const dy = to.y - area.data.y
  const stories = storiesMap(doc)
  doc.transact(() => {
    map.set(K.area, { ...area.data, x: to.x, y: to.y })
    for (const storyId of memberIds(doc, id)) {
      const story = stories.get(storyId)
      const pos = Point.safeParse(story?.get(STORY_KEYS.pos))
      if (story && pos.success) story.set(STORY_KEYS.pos, { x: pos.data.x + dx, y: pos.data.y + dy })
      const placed = story ? null : CardPlacement.safeParse(placementsMap(doc).get(storyId))
      if (placed?.success) placementsMap(doc).set(storyId, { pos: { x: placed.data.pos.x + dx, y: placed.data.pos.y + dy } })
    }
  }, origin)
  return ok(null)
}

export const ResizePatternInput = z.object({ id: PatternId, area: Rect })

export function resizePattern(doc: Y.Doc, input: unknown, origin: Origin): Result<null> {
  const parsed = parseInput(ResizePatternInput, input)
  if (!parsed.ok) return parsed
  const map = patternsMap(doc).get(parsed.value.id)
  if (!(map instanceof Y.Map)) return notFound(parsed.value.id)
  doc.transact(() => map.set(K.area, parsed.value.area), origin)
  return ok(null)
}

export const PatternIdInput = z.object({ id: PatternId })

/** Deleting a pattern keeps its stories; they become loose. */
export function deletePattern(doc: Y.Doc, input: unknown, origin: Origin): Result<null> {
  const parsed = parseInput(PatternIdInput, input)
  if (!parsed.ok) return parsed
  const { id } = parsed.value
  doc.transact(() => {
    const members = membersMap(doc)
    for (const storyId of memberIds(doc, id)) members.delete(storyId)
    patternsMap(doc).delete(id)
  }, origin)
  return ok(null)
}

export const SetMembershipInput = z.object({
  storyId: StoryId,
  /** null takes the story out of any pattern. */
  pattern: PatternId.nullable(),
  role: MemberRole.default('supports'),
})

export function setMembership(doc: Y.Doc, input: unknown, origin: Origin): Result<null> {
  const parsed = parseInput(SetMembershipInput, input)
  if (!parsed.ok) return parsed
  const { storyId, pattern, role } = parsed.value
  if (!storiesMap(doc).has(storyId)) return fail('not_found', `no story ${storyId}`)
  if (pattern !== null && !patternsMap(doc).has(pattern)) return notFound(pattern)
  doc.transact(() => {
    if (pattern === null) membersMap(doc).delete(storyId)
    else membersMap(doc).set(storyId, { pattern, role })
  }, origin)
  return ok(null)
}

function memberIds(doc: Y.Doc, patternId: string): string[] {
  const ids: string[] = []
  for (const [storyId, entry] of membersMap(doc).entries()) {
    if ((entry as { pattern?: unknown } | null)?.pattern === patternId) ids.push(storyId)
  }
  return ids
}

function* patternZs(patterns: Y.Map<PatternMap>): Iterable<string> {
  for (const map of patterns.values()) {
    const z = map instanceof Y.Map ? map.get(K.z) : undefined
    if (typeof z === 'string') yield z
  }
}

const notFound = (id: string) => fail('not_found', `no pattern ${id}`)
