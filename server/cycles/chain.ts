// The evidence chain across scales. A pattern may hold condition cards raised onto its board from
// below (by id, shared/model/placement.ts); each card leads, through the server's own record of
// the raise (never through ids in a document), to the pattern it was raised from, which may hold
// cards from further down. Everything a card carries upward is computed from here, recursively,
// from the boards' current documents: counts, quotes and measures under each story's sensitivity
// and consent, every source story counted once even when it arrives by two paths.
import { MAX_QUOTES, patternSources, quoteOf } from '../../shared/model/carried.ts'
import type { CarriedEvidence, CarriedMeasure, CarriedQuote } from '../../shared/model/condition.ts'
import { carriable, quotableOnLinkedBoards } from '../../shared/model/consent.ts'
import type { Scale } from '../../shared/model/cycle.ts'
import type { MemberRole } from '../../shared/model/pattern.ts'
import type { Story } from '../../shared/model/story.ts'
import type { ConditionRecord, Storage } from '../storage/types.ts'
import type { Rooms } from '../sync/rooms.ts'

export type ChainDeps = { storage: Storage; rooms: Rooms }

/** One source story, once, with the role it plays for the top pattern and how far down it sits. */
export type SourceStory = { boardId: string; scale: Scale; patternId: string; story: Story; role: MemberRole; levels: number }

/** A step down the chain: a card on `boardId` and the record that says where it came from. */
export type ChainStep = { record: ConditionRecord; levels: number }

/** `top`: the level of the pattern's own stories. */
export type ChainSources = { stories: SourceStory[]; steps: ChainStep[]; top: number }

/** A counter-example anywhere along the way stays a counter-example above it. */
const combine = (above: MemberRole, here: MemberRole): MemberRole => (above === 'counter-example' || here === 'counter-example' ? 'counter-example' : 'supports')

/**
 * The stories behind a pattern on a board, following its condition cards down through the
 * server's records. `levels` of the pattern's own stories is `startLevel` (1 when the pattern is
 * the one a card was raised from). Cycles stop at a pattern already visited.
 */
export async function chainSources(deps: ChainDeps, boardId: string, patternId: string, startLevel = 1): Promise<ChainSources> {
  const stories = new Map<string, SourceStory>()
  const steps: ChainStep[] = []
  const visited = new Set<string>()
  const walk = async (board: string, pattern: string, levels: number, role: MemberRole) => {
    // A pattern reached again by another path is walked again only as a counter-example (which
    // may turn its stories into counter-examples); each story is counted once either way.
    const key = `${board}/${pattern}/${role}`
    if (visited.has(key) || (role === 'supports' && visited.has(`${board}/${pattern}/counter-example`))) return
    visited.add(key)
    const record = await deps.storage.boards.get(board)
    if (!record) return
    const src = await deps.rooms.read(board, (doc) => patternSources(doc, pattern))
    if (!src) return
    for (const { member, story } of src.stories) {
      const id = `${board}/${story.id}`
      const r = combine(role, member.role)
      const seen = stories.get(id)
      if (!seen) stories.set(id, { boardId: board, scale: record.scale, patternId: pattern, story, role: r, levels })
      else if (r === 'counter-example') seen.role = r
    }
    for (const card of src.cards) {
      const c = await deps.storage.conditions.get(card.conditionId)
      // Only the server's record of a raise onto this very board leads further down.
      if (!c || c.targetBoard !== board) continue
      if (!steps.some((s) => s.record.id === c.id)) steps.push({ record: c, levels })
      await walk(c.sourceBoard, c.sourcePattern, levels + 1, combine(role, card.role))
    }
  }
  await walk(boardId, patternId, startLevel, 'supports')
  return { stories: [...stories.values()], steps, top: startLevel }
}

/** Counts over the chain (every story once); what a card stores on the higher board. */
export function chainEvidence(sources: ChainSources): CarriedEvidence {
  const e: CarriedEvidence = {
    stories: 0,
    supports: 0,
    counterExamples: 0,
    working: 0,
    confidential: 0,
    restricted: 0,
    tellerRoles: 0,
    outcomes: { better: 0, worse: 0, mixed: 0, unclear: 0 },
    fromBelow: 0,
  }
  const roles = new Set<string>()
  for (const s of sources.stories) {
    e.stories++
    if (s.role === 'supports') e.supports++
    else e.counterExamples++
    e[s.story.sensitivity]++
    const role = s.story.tellerRole?.trim().toLowerCase()
    if (role) roles.add(role)
    if (s.story.outcome) e.outcomes[s.story.outcome] = (e.outcomes[s.story.outcome] ?? 0) + 1
    if (s.levels > sources.top) e.fromBelow = (e.fromBelow ?? 0) + 1
  }
  e.tellerRoles = roles.size
  return e
}

/**
 * Quotes a linked board may show now: working stories whose consent covers linked boards and
 * quotes, at most MAX_QUOTES from each pattern along the chain, nearest first, each with its role
 * (counter-examples stay counter-examples), teller (from the consent record) and level.
 */
export function chainQuotes(sources: ChainSources): CarriedQuote[] {
  const perPattern = new Map<string, number>()
  const out: CarriedQuote[] = []
  const ordered = [...sources.stories].sort((a, b) => a.levels - b.levels)
  for (const s of ordered) {
    if (!quotableOnLinkedBoards(s.story) || !s.story.text) continue
    const key = `${s.boardId}/${s.patternId}`
    const n = perPattern.get(key) ?? 0
    if (n >= MAX_QUOTES) continue
    perPattern.set(key, n + 1)
    out.push({ text: quoteOf(s.story.text), role: s.role, ...(s.story.consent ? { teller: s.story.consent.givenBy } : {}), levels: s.levels, scale: s.scale })
  }
  return out
}

/** Measures summed by name and unit (case-insensitively), from stories whose consent covers linked boards. */
export function chainMeasures(sources: ChainSources): CarriedMeasure[] {
  const sums = new Map<string, CarriedMeasure>()
  for (const s of sources.stories) {
    if (!carriable(s.story)) continue
    for (const m of s.story.measures) {
      const key = `${m.name.trim().toLowerCase()}\u0000${m.unit.trim().toLowerCase()}`
      const sum = sums.get(key) ?? { name: m.name.trim(), unit: m.unit.trim(), count: 0, sum: 0 }
      sum.count++
      sum.sum += m.value
      sums.set(key, sum)
    }
  }
  return [...sums.values()].sort((a, b) => a.name.localeCompare(b.name) || a.unit.localeCompare(b.unit))
}

/** What a condition card shows when read: quotes and measures, resolved through its record. */
export async function conditionChain(deps: ChainDeps, c: ConditionRecord): Promise<{ quotes: CarriedQuote[]; measures: CarriedMeasure[] }> {
  const sources = await chainSources(deps, c.sourceBoard, c.sourcePattern)
  return { quotes: chainQuotes(sources), measures: chainMeasures(sources) }
}
