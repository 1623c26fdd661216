// Pointer gestures on patterns: draw a new area with the pattern tool, move a pattern by its title
// bar (its stories come along; streamed through awareness, one movePattern on drop) and resize the
// selected pattern from its corner. pointerTools routes to these.
import { createPatternInArea, movePatternBy, resizePatternArea, selectPattern } from '../board/patternActions.ts'
import type { BoardSession } from '../board/createSession.ts'
import type { Box, Vec } from '../geometry/camera.ts'
import { boxFromPoints } from '../geometry/marquee.ts'
import { drawnArea, onAreaHandle, resizeAreaTo, titleAt } from '../patterns/patternGeometry.ts'

export type PatternGesture =
  | { kind: 'patternMove'; id: string; start: Vec; moved: boolean; members: string[] }
  | { kind: 'patternResize'; id: string; area: Box }
  | { kind: 'patternDraw'; start: Vec }

const DRAG_THRESHOLD_PX = 3
const CLICK_AREA = { w: 480, h: 320 }

/** The selected pattern's resize handle (checked before stories, which may cover the corner). */
export function patternHandleAt(s: BoardSession, p: Vec): PatternGesture | null {
  const { selectedPattern, camera } = s.ui.getState()
  const pattern = s.board.getState().patterns.find((x) => x.id === selectedPattern)
  return pattern && onAreaHandle(pattern.area, p, camera.zoom) ? { kind: 'patternResize', id: pattern.id, area: pattern.area } : null
}

/** A pattern's title bar: selects the pattern and starts a move. */
export function patternTitleAt(s: BoardSession, p: Vec): PatternGesture | null {
  const pattern = titleAt(s.board.getState().patterns, p)
  if (!pattern) return null
  selectPattern(s, pattern.id)
  return { kind: 'patternMove', id: pattern.id, start: p, moved: false, members: pattern.members.map((m) => m.storyId) }
}

export const startPatternDraw = (p: Vec): PatternGesture => ({ kind: 'patternDraw', start: p })

export function movePatternGesture(s: BoardSession, g: PatternGesture, p: Vec): void {
  switch (g.kind) {
    case 'patternMove': {
      const dx = p.x - g.start.x
      const dy = p.y - g.start.y
      if (!g.moved && Math.hypot(dx, dy) * s.ui.getState().camera.zoom < DRAG_THRESHOLD_PX) return
      g.moved = true
      s.ui.setState({ patternDrag: { id: g.id, dx, dy }, drag: { ids: g.members, dx, dy } })
      s.stream.drag.push({ ids: g.members, dx: Math.round(dx), dy: Math.round(dy), pattern: g.id })
      return
    }
    case 'patternResize':
      s.ui.setState({ patternResize: { id: g.id, area: resizeAreaTo(g.area, p) } })
      return
    case 'patternDraw':
      s.ui.setState({ patternDraft: boxFromPoints(g.start, p) })
      return
  }
}

export function endPatternGesture(s: BoardSession, g: PatternGesture, commit: boolean): void {
  const ui = s.ui.getState()
  switch (g.kind) {
    case 'patternMove': {
      const d = ui.patternDrag
      if (commit && g.moved && d) movePatternBy(s, g.id, d.dx, d.dy)
      s.ui.setState({ patternDrag: null, drag: null })
      s.stream.drag.cancel()
      s.setPresence('drag', null)
      return
    }
    case 'patternResize': {
      const r = ui.patternResize
      if (commit && r) resizePatternArea(s, r.id, r.area)
      s.ui.setState({ patternResize: null })
      return
    }
    case 'patternDraw': {
      const draft = ui.patternDraft
      s.ui.setState({ patternDraft: null, tool: 'select' })
      if (!commit) return
      // A click without a drag makes an area of the usual size there.
      const small = !draft || Math.min(draft.w, draft.h) * ui.camera.zoom < 12
      createPatternInArea(s, drawnArea(small ? { x: g.start.x, y: g.start.y, ...CLICK_AREA } : draft))
      return
    }
  }
}

/** A double-click on a title bar names the pattern in place. */
export function renameAt(s: BoardSession, p: Vec): boolean {
  const pattern = titleAt(s.board.getState().patterns, p)
  if (!pattern) return false
  selectPattern(s, pattern.id)
  s.ui.setState({ renamingPattern: pattern.id })
  return true
}
