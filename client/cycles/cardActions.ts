// Using a card raised from below as evidence on this board: moving it (its place in `placements`)
// and dropping it into a pattern (its id in `members`, by reference), in one transaction, as a
// story's drag end does. The card itself stays the server's.
import { rectContains } from '../../shared/model/geometry.ts'
import type { MemberRole } from '../../shared/model/pattern.ts'
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

/** From the card's panel: evidence in `patternId` (placed inside its area), or out of any pattern. */
export function makeEvidence(s: BoardSession, conditionId: string, patternId: string | null, role: MemberRole): void {
  const pattern = s.board.getState().patterns.find((p) => p.id === patternId)
  s.doc.transact(() => {
    if (pattern && !s.cycles.data.getState().placements.has(conditionId)) {
      const at = { x: pattern.area.x + 16, y: pattern.area.y + 48 }
      if (!report(s, placeCard(s.doc, { conditionId, pos: at }, s.origin))) return
    }
    report(s, setCardMembership(s.doc, { conditionId, pattern: patternId, role }, s.origin))
  }, s.origin)
}
