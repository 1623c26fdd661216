// A pattern: a named cluster of stories the group agrees means something. Pure module.
import { z } from 'zod'
import { Rect } from './geometry.ts'
import { StoryId } from './story.ts'

export const CONFIDENCES = ['low', 'medium', 'high'] as const
export type Confidence = (typeof CONFIDENCES)[number]
export const Confidence = z.enum(CONFIDENCES)

export const MEMBER_ROLES = ['supports', 'counter-example'] as const
export type MemberRole = (typeof MEMBER_ROLES)[number]
export const MemberRole = z.enum(MEMBER_ROLES)

export const PatternId = StoryId

export const Member = z.object({ storyId: StoryId, role: MemberRole })
export type Member = z.infer<typeof Member>

/**
 * A condition card raised onto this board from below, used as evidence in one of its patterns: by
 * reference (its id in `members`), never a copy of its words. The server follows it down.
 */
export const CardMember = z.object({ conditionId: StoryId, role: MemberRole })
export type CardMember = z.infer<typeof CardMember>

export const Pattern = z.object({
  id: PatternId,
  name: z.string().max(200),
  /** Plain text of the description fragment. */
  description: z.string(),
  area: Rect,
  members: z.array(Member),
  /** Condition cards from below in this pattern (readBoard always sets it; absent in old literals). */
  cards: z.array(CardMember).optional(),
  confidence: Confidence.optional(),
  confidenceReason: z.string().optional(),
  z: z.string().min(1).max(200),
  createdAt: z.number(),
})
export type Pattern = z.infer<typeof Pattern>

export const PATTERN_KEYS = {
  id: 'id',
  name: 'name',
  description: 'description',
  area: 'area',
  confidence: 'confidence',
  confidenceReason: 'confidenceReason',
  z: 'z',
  createdAt: 'createdAt',
} as const

/**
 * Membership is stored once per story in the board's `members` map (storyId → entry), so a story
 * belongs to at most one pattern by construction: two concurrent drops into different patterns
 * resolve to the same single winner on every peer.
 */
export const MembershipEntry = z.object({ pattern: PatternId, role: MemberRole })
export type MembershipEntry = z.infer<typeof MembershipEntry>
