// Pure operations on the condition cards raised onto a board from below: a member moves one (its
// place in `placements`) and makes it evidence in a pattern (its id in `members`, as a story's).
// The card itself stays the server's; an id that is not a card here is refused.
import type * as Y from 'yjs'
import { z } from 'zod'
import { Point } from '../model/geometry.ts'
import { conditionsMap, membersMap, patternsMap, placementsMap, type Origin } from '../model/layout.ts'
import { MemberRole, PatternId } from '../model/pattern.ts'
import { StoryId } from '../model/story.ts'
import { fail, ok, type Result } from '../result.ts'
import { parseInput } from './validate.ts'

export const PlaceCardInput = z.object({ conditionId: StoryId, pos: Point })

export function placeCard(doc: Y.Doc, input: unknown, origin: Origin): Result<null> {
  const parsed = parseInput(PlaceCardInput, input)
  if (!parsed.ok) return parsed
  const { conditionId, pos } = parsed.value
  if (!conditionsMap(doc).has(conditionId)) return fail('not_found', `no card ${conditionId}`)
  doc.transact(() => placementsMap(doc).set(conditionId, { pos }), origin)
  return ok(null)
}

export const SetCardMembershipInput = z.object({
  conditionId: StoryId,
  /** null takes the card out of any pattern. */
  pattern: PatternId.nullable(),
  role: MemberRole.default('supports'),
})

export function setCardMembership(doc: Y.Doc, input: unknown, origin: Origin): Result<null> {
  const parsed = parseInput(SetCardMembershipInput, input)
  if (!parsed.ok) return parsed
  const { conditionId, pattern, role } = parsed.value
  if (!conditionsMap(doc).has(conditionId)) return fail('not_found', `no card ${conditionId}`)
  if (pattern !== null && !patternsMap(doc).has(pattern)) return fail('not_found', `no pattern ${pattern}`)
  doc.transact(() => {
    if (pattern === null) membersMap(doc).delete(conditionId)
    else membersMap(doc).set(conditionId, { pattern, role })
  }, origin)
  return ok(null)
}
