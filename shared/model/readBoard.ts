// Tolerant reader: returns validated snapshots of the board and reports bad records instead of
// throwing, so a bad record from an old or hostile client never breaks a board. Pure module.
import * as Y from 'yjs'
import type { z } from 'zod'
import { BoardMeta } from './board.ts'
import { membersMap, metaMap, patternsMap, storiesMap } from './layout.ts'
import { MembershipEntry, Pattern, PATTERN_KEYS, type CardMember, type Member } from './pattern.ts'
import { conditionIds, readPlacements, type CardPlacement } from './placement.ts'
import { fragmentText } from './richText.ts'
import { Story, STORY_KEYS } from './story.ts'
import { compareZ } from './zorder.ts'
import type { Problem } from '../result.ts'

export type BoardSnapshot = {
  meta: BoardMeta | null
  /** Sorted by z-order, back to front. */
  stories: Story[]
  patterns: Pattern[]
  /** Where members moved the condition cards raised onto the board, by condition id (sorted). */
  placements: Record<string, CardPlacement>
  /** Sorted by path. */
  problems: Problem[]
}

/** Optional fields that fail validation are dropped and reported; the rest of the record stays. */
const OPTIONAL_STORY_FIELDS = ['experiment', 'tellerRole', 'date', 'outcome', 'consent', 'author'] as const
const DEFAULTED_STORY_FIELDS = { tags: [], measures: [], sensitivity: 'working' } as const

export function readStory(id: string, map: unknown, problems: Problem[]): Story | null {
  if (!(map instanceof Y.Map)) {
    problems.push({ code: 'bad_record', message: 'story is not a map', path: `stories.${id}` })
    return null
  }
  const raw: Record<string, unknown> = {}
  for (const [key, value] of map.entries()) raw[key] = value
  const text = raw[STORY_KEYS.text]
  const candidate: Record<string, unknown> = {
    ...raw,
    id,
    text: text instanceof Y.XmlFragment ? fragmentText(text) : "",
  }
  const fieldShape = Story.shape
  for (const key of OPTIONAL_STORY_FIELDS) {
    if (candidate[key] !== undefined && !fieldShape[key].safeParse(candidate[key]).success) {
      problems.push({ code: 'bad_field', message: `dropped invalid ${key}`, path: `stories.${id}.${key}` })
      delete candidate[key]
    }
  }
  for (const [key, fallback] of Object.entries(DEFAULTED_STORY_FIELDS)) {
    const k = key as keyof typeof DEFAULTED_STORY_FIELDS
    if (!fieldShape[k].safeParse(candidate[k]).success) {
      if (candidate[k] !== undefined) {
        problems.push({ code: 'bad_field', message: `reset invalid ${k}`, path: `stories.${id}.${k}` })
      }
      candidate[k] = fallback
    }
  }
  return parseRecord(Story, candidate, `stories.${id}`, problems)
}

export function readBoard(doc: Y.Doc): BoardSnapshot {
  const problems: Problem[] = []
  const metaRaw = metaMap(doc).toJSON()
  const meta = parseRecord(BoardMeta, metaRaw, 'meta', problems)

  const stories: Story[] = []
  const storyIds = new Set<string>()
  for (const [id, map] of storiesMap(doc).entries()) {
    const story = readStory(id, map, problems)
    if (story) {
      stories.push(story)
      storyIds.add(id)
    }
  }
  stories.sort(compareZ)

  const membersByPattern = new Map<string, Member[]>()
  // A condition card raised from below is evidence by reference: its id in `members`.
  const cardsByPattern = new Map<string, CardMember[]>()
  const cardIds = conditionIds(doc)
  for (const [storyId, raw] of membersMap(doc).entries()) {
    const entry = parseRecord(MembershipEntry, raw, `members.${storyId}`, problems)
    if (!entry) continue
    if (!storyIds.has(storyId) && cardIds.has(storyId)) {
      const list = cardsByPattern.get(entry.pattern) ?? []
      list.push({ conditionId: storyId, role: entry.role })
      cardsByPattern.set(entry.pattern, list)
      continue
    }
    // A concurrent delete can leave an entry behind: ignored, and reported.
    if (!storyIds.has(storyId)) {
      problems.push(dangling(storyId, `no readable story ${storyId}`))
      continue
    }
    const list = membersByPattern.get(entry.pattern) ?? []
    list.push({ storyId, role: entry.role })
    membersByPattern.set(entry.pattern, list)
  }

  const patterns: Pattern[] = []
  for (const [id, map] of patternsMap(doc).entries()) {
    if (!(map instanceof Y.Map)) {
      problems.push({ code: 'bad_record', message: 'pattern is not a map', path: `patterns.${id}` })
      continue
    }
    const raw: Record<string, unknown> = {}
    for (const [key, value] of map.entries()) raw[key] = value
    const description = raw[PATTERN_KEYS.description]
    const members = (membersByPattern.get(id) ?? []).sort((a, b) => (a.storyId < b.storyId ? -1 : 1))
    const cards = (cardsByPattern.get(id) ?? []).sort((a, b) => (a.conditionId < b.conditionId ? -1 : 1))
    const pattern = parseRecord(
      Pattern,
      { ...raw, id, description: description instanceof Y.XmlFragment ? fragmentText(description) : '', members, cards },
      `patterns.${id}`,
      problems,
    )
    if (pattern) patterns.push(pattern)
  }
  patterns.sort(compareZ)
  const patternIds = new Set(patterns.map((p) => p.id))
  for (const [patternId, members] of membersByPattern) {
    if (patternIds.has(patternId)) continue
    for (const m of members) problems.push(dangling(m.storyId, `no readable pattern ${patternId}`))
  }
  for (const [patternId, cards] of cardsByPattern) {
    if (patternIds.has(patternId)) continue
    for (const c of cards) problems.push(dangling(c.conditionId, `no readable pattern ${patternId}`))
  }
  // Map iteration order differs between peers; sorted, every peer reports the same list.
  problems.sort(byPath)
  const placements = Object.fromEntries([...readPlacements(doc)].sort(([a], [b]) => (a < b ? -1 : 1)))
  return { meta, stories, patterns, placements, problems }
}

const byPath = (a: Problem, b: Problem): number => {
  const [pa, pb] = [a.path ?? '', b.path ?? '']
  return pa < pb ? -1 : pa > pb ? 1 : 0
}

const dangling = (storyId: string, message: string): Problem => ({
  code: 'dangling_member',
  message,
  path: `members.${storyId}`,
})

function parseRecord<T>(schema: z.ZodType<T>, raw: unknown, path: string, problems: Problem[]): T | null {
  const parsed = schema.safeParse(raw)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  problems.push({
    code: 'bad_record',
    message: `${issue?.path.join('.') || 'record'}: ${issue?.message ?? 'invalid'}`,
    path,
  })
  return null
}
