// Conditions (enablers and barriers): raised from a pattern on one board onto a linked board one
// scale up, which answers back down. The cards live in server-only roots of both documents; the
// server writes them after checking rights and sensitivity. Pure module.
import type * as Y from 'yjs'
import { z } from 'zod'
import { SCALES, Scale } from './cycle.ts'
import { MemberRole } from './pattern.ts'

export const CONDITION_KINDS = ['enabler', 'barrier'] as const
export const ConditionKind = z.enum(CONDITION_KINDS)
export type ConditionKind = z.infer<typeof ConditionKind>

export const CONDITION_STATUSES = ['raised', 'acknowledged', 'in_progress', 'resolved', 'declined'] as const
export const ConditionStatus = z.enum(CONDITION_STATUSES)
export type ConditionStatus = z.infer<typeof ConditionStatus>
export const OPEN_STATUSES: ReadonlySet<ConditionStatus> = new Set(['raised', 'acknowledged', 'in_progress'])

export const STATUS_LABELS: Record<ConditionStatus, string> = {
  raised: 'Raised',
  acknowledged: 'Acknowledged',
  in_progress: 'In progress',
  resolved: 'Resolved',
  declined: 'Declined',
}

export const Response = z.object({ id: z.string(), authorName: z.string(), text: z.string(), at: z.string() })
export type Response = z.infer<typeof Response>

/**
 * What crosses to the higher board or a peer: counts only. No story's words are ever copied into
 * another board's document; quotes are resolved by the server when a card is read (CarriedQuote).
 */
export const CarriedEvidence = z.object({
  stories: z.number().int(),
  supports: z.number().int(),
  counterExamples: z.number().int(),
  working: z.number().int(),
  confidential: z.number().int(),
  restricted: z.number().int(),
  tellerRoles: z.number().int(),
  outcomes: z.record(z.string(), z.number().int()),
  /** Of `stories`, how many arrived through condition cards from boards further down (each once). */
  fromBelow: z.number().int().optional(),
})
export type CarriedEvidence = z.infer<typeof CarriedEvidence>

/**
 * A quote the server resolves from the source board's current state when a card is read (never
 * stored on the card): a story's words, cut short, and whether it supports the pattern.
 */
export const CarriedQuote = z.object({
  text: z.string(),
  role: MemberRole,
  /** The role or pseudonym the consent record names (never required to be a name). */
  teller: z.string().optional(),
  /** How many raises below the card's board the story sits (1: on the board that raised it). */
  levels: z.number().int().optional(),
  /** The scale of the board the story sits on. */
  scale: Scale.optional(),
})
export type CarriedQuote = z.infer<typeof CarriedQuote>

/**
 * A measure of the stories behind a card, summed by name and unit, resolved when read like quotes
 * (only stories whose consent covers linked boards): never stored on the card.
 */
export const CarriedMeasure = z.object({ name: z.string(), unit: z.string(), count: z.number().int(), sum: z.number() })
export type CarriedMeasure = z.infer<typeof CarriedMeasure>

/** Quotes resolved for a board's cards (by condition id and share id), e.g. for its exports. */
export type CardQuotes = { conditions: Record<string, CarriedQuote[]>; references: Record<string, CarriedQuote[]> }

/** The card on the higher board, under `conditions` → id. */
export const ConditionCard = z.object({
  id: z.string(),
  kind: ConditionKind,
  name: z.string(),
  summary: z.string(),
  note: z.string(),
  evidence: CarriedEvidence,
  source: z.object({ boardId: z.string(), title: z.string(), scale: Scale, patternId: z.string() }),
  status: ConditionStatus,
  declineReason: z.string().nullable(),
  responses: z.array(Response),
  raisedAt: z.string(),
  /** Absent when raised from an anonymous board: nothing there names a person. */
  raisedBy: z.string().optional(),
})
export type ConditionCard = z.infer<typeof ConditionCard>

/**
 * An answer from further up the chain: a card this pattern's card fed (as evidence in a pattern
 * there) was raised again and answered `levels` raises above this board.
 */
export const FurtherAnswer = z.object({
  conditionId: z.string(),
  kind: ConditionKind,
  target: z.object({ boardId: z.string(), title: z.string(), scale: Scale }),
  levels: z.number().int().min(2),
  status: ConditionStatus,
  declineReason: z.string().nullable(),
  responses: z.array(Response),
})
export type FurtherAnswer = z.infer<typeof FurtherAnswer>

/** Where a pattern went, on the raising board, under `raised` → patternId → list. */
export const RaisedMark = z.object({
  conditionId: z.string(),
  kind: ConditionKind,
  target: z.object({ boardId: z.string(), title: z.string(), scale: Scale }),
  status: ConditionStatus,
  declineReason: z.string().nullable(),
  responses: z.array(Response),
  /** Answers further up the chain this card's evidence fed (server/cycles/answersDown.ts). */
  further: z.array(FurtherAnswer).optional(),
})
export type RaisedMark = z.infer<typeof RaisedMark>

export const scaleRank = (s: Scale): number => SCALES.indexOf(s)

/** A vertical link runs from a lower scale to a strictly higher one. */
export const isHigher = (higher: Scale, lower: Scale): boolean => scaleRank(higher) > scaleRank(lower)

export function readConditions(doc: Y.Doc): ConditionCard[] {
  const out: ConditionCard[] = []
  for (const value of doc.getMap('conditions').values()) {
    const parsed = ConditionCard.safeParse(value)
    if (parsed.success) out.push(parsed.data)
  }
  return out.sort((a, b) => a.raisedAt.localeCompare(b.raisedAt))
}

export function readRaised(doc: Y.Doc, patternId: string): RaisedMark[] {
  const parsed = z.array(RaisedMark).safeParse(doc.getMap('raised').get(patternId))
  return parsed.success ? parsed.data : []
}

/** A peer's pattern shown read-only on a horizontally linked board, kept in step by the server. */
export const PatternReference = z.object({
  id: z.string(),
  name: z.string(),
  summary: z.string(),
  evidence: CarriedEvidence,
  source: z.object({ boardId: z.string(), title: z.string(), scale: Scale, patternId: z.string() }),
  /** False once the original pattern was deleted. */
  live: z.boolean(),
  updatedAt: z.string(),
})
export type PatternReference = z.infer<typeof PatternReference>

export function readReferences(doc: Y.Doc): PatternReference[] {
  const out: PatternReference[] = []
  for (const value of doc.getMap('references').values()) {
    const parsed = PatternReference.safeParse(value)
    if (parsed.success) out.push(parsed.data)
  }
  return out.sort((a, b) => a.name.localeCompare(b.name))
}
