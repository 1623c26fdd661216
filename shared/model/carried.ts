// What of a pattern may leave its board: name, description, counts, and quotes from `working`
// stories whose consent covers linked boards and quotes (shared/model/consent.ts). Confidential
// stories are counted; restricted ones add nothing but a count.
// Used for conditions raised upward and for references shared with peers. Pure module.
import type * as Y from 'yjs'
import type { CarriedEvidence } from './condition.ts'
import { quotableOnLinkedBoards } from './consent.ts'
import { summarizeEvidence } from './evidence.ts'
import { readBoard } from './readBoard.ts'

export const MAX_QUOTES = 5
export const QUOTE_CHARS = 280

export type CarriedPattern = { name: string; summary: string; evidence: CarriedEvidence }

/** The quote a story's text becomes on a linked board (also how withdrawal finds it again). */
export const quoteOf = (text: string): string =>
  text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS - 1)}…` : text

export function carriedPattern(doc: Y.Doc, patternId: string): CarriedPattern | null {
  const board = readBoard(doc)
  const pattern = board.patterns.find((p) => p.id === patternId)
  if (!pattern) return null
  const byId = new Map(board.stories.map((s) => [s.id, s]))
  const summary = summarizeEvidence(pattern, byId)
  const quotes: string[] = []
  for (const m of pattern.members) {
    const s = byId.get(m.storyId)
    if (s && quotableOnLinkedBoards(s) && s.text && quotes.length < MAX_QUOTES) quotes.push(quoteOf(s.text))
  }
  return {
    name: pattern.name || 'Untitled pattern',
    summary: pattern.description.slice(0, 2000),
    evidence: {
      stories: summary.stories,
      supports: summary.supports,
      counterExamples: summary.counterExamples,
      ...summary.bySensitivity,
      tellerRoles: summary.tellerRoles.length,
      outcomes: summary.outcomes,
      quotes,
    },
  }
}
