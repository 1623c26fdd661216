// Builds a new board document from a `learning-wall-board/2` (or `/1`) export with the shared
// operations, keeping ids, z-order and times so that exporting the new board gives the same export
// back. Cards' quotes are never written into the document: on the new board no server record of a
// raise or share grants any, so its cards show counts only.
// The caller (the server) makes the board record and the vote rows. Pure module: Yjs and zod.
import * as Y from 'yjs'
import { updateBoardMeta } from '../ops/board.ts'
import { createPattern, setMembership, updatePattern } from '../ops/pattern.ts'
import { createStories } from '../ops/story.ts'
import { emptySession, SESSION_KEY } from '../model/facilitation.ts'
import { patternsMap, ROOT, storiesMap, voteMap, type Origin } from '../model/layout.ts'
import { PATTERN_KEYS } from '../model/pattern.ts'
import { PLACEHOLDER_KEYS } from '../model/restricted.ts'
import { STORY_KEYS } from '../model/story.ts'
import { VOTE_KEYS } from '../model/vote.ts'
import { fail, ok, type Result } from '../result.ts'
import { parseInput } from '../ops/validate.ts'
import { BoardExport, IMPORTED_FORMATS } from './format.ts'
import { writeRich } from './richDoc.ts'

/** Deeper than any board export (rich text nests lists a few levels); the schema is recursive. */
export const MAX_EXPORT_DEPTH = 64

/** Whether a parsed JSON value nests deeper than `max`; iterative, so no input can overflow it. */
function tooDeep(input: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[input, 0]]
  while (stack.length) {
    const [value, depth] = stack.pop()!
    if (typeof value !== 'object' || value === null) continue
    if (depth >= max) return true
    for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push([child, depth + 1])
  }
  return false
}

/** Validates an export: the schema, then that every reference points at something in it. */
export function parseExport(input: unknown): Result<BoardExport> {
  // Before the recursive schema, which would run out of stack on a deep enough input.
  if (tooDeep(input, MAX_EXPORT_DEPTH)) return fail('invalid_input', `the export nests deeper than ${MAX_EXPORT_DEPTH} levels`)
  if (typeof input === 'object' && input !== null && 'format' in input && !IMPORTED_FORMATS.includes(String(input.format))) {
    return fail('unsupported_format', `this version imports ${IMPORTED_FORMATS.join(' and ')}, not ${String(input.format)}`)
  }
  const parsed = parseInput(BoardExport, input)
  if (!parsed.ok) return parsed
  const data = parsed.value
  const storyIds = new Set<string>()
  for (const s of data.stories) {
    if (storyIds.has(s.id)) return fail('invalid_input', `story ${s.id} appears twice`, 'stories')
    // Restricted content never enters a shared document: an export carries only the placeholder.
    if (s.sensitivity === 'restricted' && !s.withheld) return fail('invalid_input', `story ${s.id} is restricted: a board export carries only its placeholder (withheld), never its content`, 'stories')
    storyIds.add(s.id)
  }
  const patternIds = new Set<string>()
  const memberOf = new Set<string>()
  for (const p of data.patterns) {
    if (patternIds.has(p.id)) return fail('invalid_input', `pattern ${p.id} appears twice`, 'patterns')
    patternIds.add(p.id)
    for (const m of p.members) {
      if (!storyIds.has(m.storyId)) return fail('invalid_input', `pattern ${p.id} names a missing story ${m.storyId}`, 'patterns')
      if (memberOf.has(m.storyId)) return fail('invalid_input', `story ${m.storyId} is in two patterns`, 'patterns')
      memberOf.add(m.storyId)
    }
  }
  for (const b of data.votes.ballots) {
    if (!patternIds.has(b.patternId)) return fail('invalid_input', `a ballot names a missing pattern ${b.patternId}`, 'votes')
  }
  return ok(data)
}

/**
 * How many quotes an import leaves out: copies in a `/1` file's cards (`evidence.quotes`) and the
 * quotes a `/2` file resolved at export time. Reported to the importer; never stored.
 */
export function droppedQuotes(input: unknown): number {
  let n = 0
  const cards = (key: string): unknown[] => {
    const list = (input as Record<string, unknown> | null)?.[key]
    return Array.isArray(list) ? list : []
  }
  for (const card of [...cards('conditions'), ...cards('references')]) {
    const c = card as { quotes?: unknown; evidence?: { quotes?: unknown } } | null
    if (Array.isArray(c?.quotes)) n += c.quotes.length
    if (Array.isArray(c?.evidence?.quotes)) n += c.evidence.quotes.length
  }
  return n
}

/** Stories created per call (createStories takes at most 10,000). */
const STORY_BATCH = 5_000

export type ImportOptions = {
  /** The id of the vote session the caller stores for the imported ballots, when there is one. */
  voteSessionId: string | null
}

export function importBoard(doc: Y.Doc, data: BoardExport, origin: Origin, options: ImportOptions): Result<{ stories: number; patterns: number }> {
  let failure: Result<never> | null = null
  const check = <T>(r: Result<T>): T | null => {
    if (!r.ok) failure ??= fail(r.error.code, `import: ${r.error.message}`, r.error.path)
    return r.ok ? r.value : null
  }
  doc.transact(() => {
    const { title, scale, element } = data.board
    check(updateBoardMeta(doc, { title, scale, element }, origin))
    const stories = storiesMap(doc)
    // In batches: story by story, each new story reads every z-key on the board (quadratic: 20,000
    // stories held the event loop for minutes). Their z-keys are replaced by the file's below.
    const inputs = data.stories.map((s) => {
      const fields = s.withheld
        ? { sensitivity: 'restricted' as const }
        : {
            experiment: s.experiment,
            tellerRole: s.tellerRole,
            date: s.date,
            tags: s.tags,
            outcome: s.outcome,
            measures: s.measures,
            sensitivity: s.sensitivity,
            consent: s.consent,
          }
      // An anonymous board stores no author at all, whatever the file says.
      const author = data.board.anonymous ? undefined : s.author
      return { id: s.id, pos: s.pos, size: s.size, colour: s.colour, fields, author }
    })
    for (let i = 0; i < inputs.length && !failure; i += STORY_BATCH) check(createStories(doc, { stories: inputs.slice(i, i + STORY_BATCH) }, origin))
    for (const s of data.stories) {
      if (failure) break
      const map = stories.get(s.id)!
      map.set(STORY_KEYS.z, s.z)
      map.set(STORY_KEYS.createdAt, s.createdAt)
      map.set(STORY_KEYS.updatedAt, s.updatedAt)
      if (s.withheld) {
        // A placeholder keeps nothing but where it is (shared/model/restricted.ts).
        for (const key of [...map.keys()]) if (!PLACEHOLDER_KEYS.has(key)) map.delete(key)
        continue
      }
      const text = map.get(STORY_KEYS.text)
      if (text instanceof Y.XmlFragment) writeRich(text, s.rich)
    }
    const patterns = patternsMap(doc)
    for (const p of data.patterns) {
      if (!check(createPattern(doc, { id: p.id, name: p.name, area: p.area }, origin))) continue
      if (p.confidence !== undefined || p.confidenceReason !== undefined) {
        check(updatePattern(doc, { id: p.id, confidence: p.confidence, confidenceReason: p.confidenceReason }, origin))
      }
      const map = patterns.get(p.id)!
      map.set(PATTERN_KEYS.z, p.z)
      map.set(PATTERN_KEYS.createdAt, p.createdAt)
      const description = map.get(PATTERN_KEYS.description)
      if (description instanceof Y.XmlFragment) writeRich(description, p.descriptionRich)
      for (const m of p.members) check(setMembership(doc, { storyId: m.storyId, pattern: p.id, role: m.role }, origin))
    }
    // Server roots, as carried: the server is the one calling this, on a document nobody has yet.
    if (data.votes.session && options.voteSessionId) {
      voteMap(doc).set(VOTE_KEYS.session, { ...data.votes.session, id: options.voteSessionId })
    }
    // Cards as carried, without quotes (the parsed evidence has none; resolved ones stay in the file).
    for (const { quotes: _q, ...c } of data.conditions) doc.getMap(ROOT.conditions).set(c.id, c)
    for (const [patternId, marks] of Object.entries(data.raised)) doc.getMap(ROOT.raised).set(patternId, marks)
    for (const { quotes: _q, ...r } of data.references) doc.getMap(ROOT.references).set(r.id, r)
    for (const { id, ...area } of data.areas) doc.getMap(ROOT.areas).set(id, area)
    if (data.method) doc.getMap(ROOT.session).set(SESSION_KEY, { ...emptySession(), ...data.method })
  }, origin)
  if (failure) return failure
  return ok({ stories: data.stories.length, patterns: data.patterns.length })
}
