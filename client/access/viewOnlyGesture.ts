// What a pointer press on the canvas does for someone who cannot edit: select a story, start a
// marquee, or pan on touch. Never a drag, a resize or a pattern gesture.
import type { BoardSession } from '../board/createSession.ts'
import { select } from '../board/storyActions.ts'
import type { Vec } from '../geometry/camera.ts'
import { topmostAt } from '../geometry/hitTest.ts'
import { toggleInSelection } from '../geometry/marquee.ts'

export type ViewOnlyGesture =
  | { kind: 'marquee'; start: Vec; additive: boolean; base: ReadonlySet<string> }
  | { kind: 'pan'; last: Vec }
  | null

type Press = { shiftKey: boolean; pointerType: string }

export function viewOnlyGesture(
  s: BoardSession,
  at: Vec,
  screen: Vec,
  press: Press,
  rank: (id: string) => number,
): ViewOnlyGesture {
  const hit = topmostAt(s.board.index, at, rank)
  if (hit) {
    select(s, press.shiftKey ? toggleInSelection(s.ui.getState().selection, hit) : [hit])
    return null
  }
  if (press.pointerType === 'touch') return { kind: 'pan', last: screen }
  if (!press.shiftKey) select(s, [])
  return { kind: 'marquee', start: at, additive: press.shiftKey, base: s.ui.getState().selection }
}
