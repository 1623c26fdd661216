// One level of "Where this came from" (GET /api/conditions/:id/chain): a card's source board and
// pattern, with what the reader's roles there allow, and the levels below it. Pure types.
import type { CarriedEvidence, CarriedMeasure, CarriedQuote, ConditionKind, ConditionStatus } from './condition.ts'
import type { Scale } from './cycle.ts'
import type { MemberRole } from './pattern.ts'

export type ChainStory = { id: string; text: string; role: MemberRole; sensitivity: string; tellerRole?: string | undefined }

export type ChainNode = {
  conditionId: string
  kind: ConditionKind
  status: ConditionStatus
  /** The card's role in the pattern above it (the top card: as raised). */
  role: MemberRole
  /** `id` only where the reader has a role; `title` null for person-scale boards they have none on. */
  board: { id: string | null; title: string | null; scale: Scale }
  /** True when the reader has a role on this board: the pattern and its stories are shown. */
  access: boolean
  pattern: { id: string; name: string } | null
  stories: ChainStory[]
  /** Over this node and everything below it, each story once. */
  evidence: CarriedEvidence
  /** Measures over this node and everything below it, summed by name and unit under consent. */
  measures: CarriedMeasure[]
  /** What was carried: quotes under each story's consent (when the reader has no role here). */
  quotes: CarriedQuote[]
  below: ChainNode[]
}
