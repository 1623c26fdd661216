// The versioned JSON export of a board, `learning-wall-board/2`: everything a new board needs to
// hold identical content. Type and validator together. Restricted stories travel only as
// placeholders (position, size, membership; no text, no fields): they never leave their board.
// Cards raised onto or shared with the board carry the quotes the server resolved at export time
// (`quotes`), beside the card; an import never writes them into a document. `/1` files (whose
// cards copied quotes into `evidence.quotes`) still import, their quotes dropped. Pure module: zod only.
import { z } from 'zod'
import { BoardMeta } from '../model/board.ts'
import { CarriedQuote, ConditionCard, PatternReference, RaisedMark } from '../model/condition.ts'
import { MAX_QUOTES } from '../model/carried.ts'
import { Phase, TemplateArea } from '../model/facilitation.ts'
import { Colour, Point, Rect, Size } from '../model/geometry.ts'
import { Confidence, MemberRole, PatternId } from '../model/pattern.ts'
import { Consent } from '../model/consent.ts'
import { Measure, Outcome, Sensitivity, StoryId } from '../model/story.ts'
import { VoteSession } from '../model/vote.ts'
import { RichDoc } from './richDoc.ts'

export const EXPORT_FORMAT = 'learning-wall-board/2'
/** Still imported: cards' copied quotes are dropped (and counted, droppedQuotes). */
export const LEGACY_EXPORT_FORMAT = 'learning-wall-board/1'
export const IMPORTED_FORMATS: readonly string[] = [LEGACY_EXPORT_FORMAT, EXPORT_FORMAT]

/** Quotes resolved by the server when the file was made, under the source board's rules then. */
const ExportQuotes = z.array(CarriedQuote).max(MAX_QUOTES).optional()
export const ExportCondition = ConditionCard.extend({ quotes: ExportQuotes })
export type ExportCondition = z.infer<typeof ExportCondition>
export const ExportReference = PatternReference.extend({ quotes: ExportQuotes })
export type ExportReference = z.infer<typeof ExportReference>

export const ExportStory = z.object({
  id: StoryId,
  pos: Point,
  size: Size,
  colour: Colour,
  z: z.string().min(1).max(200),
  /** Plain text, one line per block; `rich` is the same text with its structure. */
  text: z.string().max(20_000),
  rich: RichDoc,
  experiment: z.string().max(200).optional(),
  tellerRole: z.string().max(120).optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  tags: z.array(z.string().min(1).max(60)).max(30),
  outcome: Outcome.optional(),
  measures: z.array(Measure).max(20),
  sensitivity: Sensitivity,
  consent: Consent.optional(),
  author: z.string().max(200).optional(),
  /** A restricted story: only where it was and which pattern it belonged to. */
  withheld: z.literal(true).optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
})
export type ExportStory = z.infer<typeof ExportStory>

export const ExportPattern = z.object({
  id: PatternId,
  name: z.string().max(200),
  description: z.string().max(20_000),
  descriptionRich: RichDoc,
  area: Rect,
  confidence: Confidence.optional(),
  confidenceReason: z.string().max(2000).optional(),
  z: z.string().min(1).max(200),
  createdAt: z.number(),
  /** Member stories and their role, sorted by story id. */
  members: z.array(z.object({ storyId: StoryId, role: MemberRole })),
})
export type ExportPattern = z.infer<typeof ExportPattern>

/** One person's votes on one pattern; voters are numbered, never named. */
export const Ballot = z.object({
  voter: z.string().regex(/^voter-\d{3,}$/),
  organisation: z.string().max(200),
  patternId: PatternId,
  count: z.number().int().min(1).max(50),
})
export type Ballot = z.infer<typeof Ballot>

export const ExportVotes = z.object({
  /** The board's latest vote without its server id; totals only once closed. */
  session: VoteSession.omit({ id: true }).nullable(),
  /**
   * Only for a closed vote, and empty on anonymous boards (who voted for what was erased). Capped:
   * the server stores an import's ballots voter by voter.
   */
  ballots: z.array(Ballot).max(10_000),
})
export type ExportVotes = z.infer<typeof ExportVotes>

export const ExportMethod = z.object({
  templateId: z.string(),
  templateVersion: z.number().int(),
  phases: z.array(Phase).max(30),
  phaseIndex: z.number().int().min(0),
})
export type ExportMethod = z.infer<typeof ExportMethod>

export const ExportArea = TemplateArea.extend({ id: z.string().min(1).max(64) })

export const BoardExport = z.object({
  format: z.enum([LEGACY_EXPORT_FORMAT, EXPORT_FORMAT]),
  exportedAt: z.string(),
  board: BoardMeta.extend({ anonymous: z.boolean() }),
  stories: z.array(ExportStory).max(20_000),
  /** Patterns are created one by one, each above all others: at most 1,000 keeps an import quick. */
  patterns: z.array(ExportPattern).max(1_000),
  votes: ExportVotes,
  /** Enablers and barriers raised onto this board, as carried, with their quotes at export time. */
  conditions: z.array(ExportCondition).max(5_000),
  /** Where this board's patterns went: patternId → marks. */
  raised: z.record(z.string(), z.array(RaisedMark).max(100)).refine((r) => Object.keys(r).length <= 5_000, 'at most 5000 raised patterns'),
  references: z.array(ExportReference).max(5_000),
  /** A template's tables, columns and zones (a template has at most 60). */
  areas: z.array(ExportArea).max(500),
  method: ExportMethod.nullable(),
})
export type BoardExport = z.infer<typeof BoardExport>
