// The "Raised from below" column of a session's board as it is drawn now (left of the union of
// its stories and pattern areas) and the peers' "Shared by peer cycles" column (right of it).
// Shared by the canvas layer and the header's "From below" and "Peers".
import type { BoardSession } from '../board/createSession.ts'
import { unionBoxes, type Box } from '../geometry/camera.ts'
import { boxOf, type BoardState } from '../store/boardStore.ts'
import { createMeasure } from '../canvas/measure.ts'
import type { ConditionCard, PatternReference } from '../../shared/model/condition.ts'
import { layoutColumn, type CardColumn } from './cardLayout.ts'
import type { MeasureText } from './cardText.ts'
import { layoutReferenceColumn } from './referenceLayout.ts'

export function contentBounds(board: Pick<BoardState, 'stories' | 'patterns'>): Box | null {
  const boxes: Box[] = []
  for (const s of board.stories.values()) boxes.push(boxOf(s))
  for (const p of board.patterns) boxes.push(p.area)
  return unionBoxes(boxes)
}

let shared: MeasureText | null = null
/** One measuring canvas for the page (a cache of text widths, no board state). */
export const pageMeasure = (): MeasureText => (shared ??= createMeasure())

export function columnFor(session: BoardSession, cards: readonly ConditionCard[] = session.cycles.data.getState().conditions): CardColumn {
  return layoutColumn(cards, contentBounds(session.board.getState()), pageMeasure())
}

export function referenceColumnFor(session: BoardSession, refs: readonly PatternReference[] = session.cycles.data.getState().references): CardColumn {
  return layoutReferenceColumn(refs, contentBounds(session.board.getState()), pageMeasure())
}
