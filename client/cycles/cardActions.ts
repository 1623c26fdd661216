// Using a card raised from below as evidence on this board: moving it (its place in `placements`)
// and dropping it into a pattern (its id in `members`, by reference), in one transaction, as a
// story's drag end does. The card itself stays the server's.
import { rectContains } from '../../shared/model/geometry.ts'
import type { MemberRole } from '../../shared/model/pattern.ts'
import { resizePattern } from '../../shared/ops/pattern.ts'
import { placeCard, setCardMembership } from '../../shared/ops/placement.ts'
import type { Result } from '../../shared/result.ts'
import type { BoardSession } from '../board/createSession.ts'
import { CARD_W } from './cardLayout.ts'

function report(s: BoardSession, r: Result<unknown>): boolean {
  if (!r.ok) s.ui.setState({ notice: r.error.message })
  return r.ok
}

/** The end of a card drag: the card sits at `pos`; its centre decides its pattern (or none). */
export function dropCard(s: BoardSession, conditionId: string, pos: { x: number; y: number }, height: number): void {
  const centre = { x: pos.x + CARD_W / 2, y: pos.y + height / 2 }
  const target = [...s.board.getState().patterns].reverse().find((p) => rectContains(p.area, centre))
  const current = s.cycles.data.getState().cardMembers.get(conditionId)
  s.doc.transact(() => {
    if (!report(s, placeCard(s.doc, { conditionId, pos }, s.origin))) return
    if ((target?.id ?? null) !== (current?.pattern ?? null)) {
      report(s, setCardMembership(s.doc, { conditionId, pattern: target?.id ?? null, role: current?.role ?? 'supports' }, s.origin))
    }
  }, s.origin)
}

/**
 * From the card's panel: evidence in `patternId`, or out of any pattern. A card not yet placed is
 * put inside the pattern, right of what it holds, and the pattern grows to hold it.
 */
export function makeEvidence(s: BoardSession, conditionId: string, patternId: string | null, role: MemberRole): void {
  const pattern = s.board.getState().patterns.find((p) => p.id === patternId)
  const { placements, cardMembers, conditions } = s.cycles.data.getState()
  s.doc.transact(() => {
    if (pattern && !placements.has(conditionId)) {
      const stories = s.board.getState().stories
      const rights = [
        ...pattern.members.flatMap((m) => {
          const story = stories.get(m.storyId)
          return story ? [story.pos.x + story.size.w] : []
        }),
        ...[...cardMembers].filter(([id, m]) => m.pattern === pattern.id && placements.has(id)).map(([id]) => placements.get(id)!.pos.x + CARD_W),
      ]
      const at = { x: Math.round(Math.max(pattern.area.x, ...rights) + 24), y: Math.round(pattern.area.y + 48) }
      if (!report(s, placeCard(s.doc, { conditionId, pos: at }, s.origin))) return
      // About a card's height: the pattern grows to hold it (the canvas measures the real one).
      const h = conditions.some((c) => c.id === conditionId) ? 220 : 0
      const { area } = pattern
      const w = Math.max(area.w, at.x + CARD_W + 24 - area.x)
      const hh = Math.max(area.h, at.y + h - area.y)
      if (w !== area.w || hh !== area.h) report(s, resizePattern(s.doc, { id: pattern.id, area: { ...area, w, h: hh } }, s.origin))
    }
    report(s, setCardMembership(s.doc, { conditionId, pattern: patternId, role }, s.origin))
  }, s.origin)
}
