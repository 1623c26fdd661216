// What of a pattern may leave its board: name, description and counts are copied onto the card;
// quotes never are. They are resolved from the source board's current state whenever a card is
// read (linkedQuotes): only `working` stories whose consent covers linked boards and quotes
// (shared/model/consent.ts), so a withdrawal or restriction takes effect at the next read, with
// nothing to chase in other boards. Used for conditions raised upward and for references shared
// with peers. Pure module.
import type * as Y from 'yjs'
import type { CarriedEvidence, CarriedQuote } from './condition.ts'
import type { CardMember, Member } from './pattern.ts'
import type { Story } from './story.ts'
import { quotableOnLinkedBoards } from './consent.ts'
import { summarizeEvidence } from './evidence.ts'
import { readBoard } from './readBoard.ts'

export const MAX_QUOTES = 5
export const QUOTE_CHARS = 280

export type CarriedPattern = { name: string; summary: string; evidence: CarriedEvidence }

/** The quote a story's text becomes on a linked board. */
export const quoteOf = (text: string): string =>
  text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS - 1)}…` : text

export function carriedPattern(doc: Y.Doc, patternId: string): CarriedPattern | null {
  const board = readBoard(doc)
  const pattern = board.patterns.find((p) => p.id === patternId)
  if (!pattern) return null
  const byId = new Map(board.stories.map((s) => [s.id, s]))
  const summary = summarizeEvidence(pattern, byId)
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
    },
  }
}

/**
 * The quotes a linked board may show for a pattern right now, each marked supporting or
 * counter-example; null when the pattern is gone. Read from the source board's live document.
 */
export function linkedQuotes(doc: Y.Doc, patternId: string): CarriedQuote[] | null {
  const board = readBoard(doc)
  const pattern = board.patterns.find((p) => p.id === patternId)
  if (!pattern) return null
  const byId = new Map(board.stories.map((s) => [s.id, s]))
  const quotes: CarriedQuote[] = []
  for (const m of pattern.members) {
    const s = byId.get(m.storyId)
    if (s && quotableOnLinkedBoards(s) && s.text && quotes.length < MAX_QUOTES) {
      quotes.push({ text: quoteOf(s.text), role: m.role, ...(s.consent ? { teller: s.consent.givenBy } : {}) })
    }
  }
  return quotes
}

/**
 * What a pattern holds, for following the evidence chain down: its member stories (read from this
 * document) and the condition cards from below it holds by reference. Null when it is gone.
 */
export function patternSources(doc: Y.Doc, patternId: string): { stories: Array<{ member: Member; story: Story }>; cards: CardMember[] } | null {
  const board = readBoard(doc)
  const pattern = board.patterns.find((p) => p.id === patternId)
  if (!pattern) return null
  const byId = new Map(board.stories.map((s) => [s.id, s]))
  const stories = pattern.members.flatMap((member) => {
    const story = byId.get(member.storyId)
    return story ? [{ member, story }] : []
  })
  return { stories, cards: pattern.cards ?? [] }
}
