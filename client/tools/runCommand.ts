// Runs a keyboard command against a board session.
import type { BoardSession } from '../board/createSession.ts'
import { groupIntoPattern, removePattern } from '../board/patternActions.ts'
import {
  createStoryAt,
  deleteSelection,
  duplicateSelection,
  nudgeSelection,
  redo,
  restackSelection,
  select,
  selectAll,
  startEditing,
  undo,
} from '../board/storyActions.ts'
import { fitBox, stepZoom, unionBoxes, zoomAt, type Box } from '../geometry/camera.ts'
import { outerBoxOf } from '../patterns/patternGeometry.ts'
import { boxOf } from '../store/boardStore.ts'
import { readAreas } from '../tables/tableAreas.ts'
import type { Command } from './keymap.ts'

/** Everything on the board in view: stories, patterns with their title bars, and table areas. */
export function zoomToFit(s: BoardSession): void {
  const { stories, patterns } = s.board.getState()
  const boxes: Box[] = [...stories.values()].map(boxOf)
  for (const p of patterns) boxes.push(outerBoxOf(p.area))
  for (const a of readAreas(s.doc)) boxes.push(a.rect)
  const { viewport } = s.ui.getState()
  s.ui.setState({ camera: fitBox(unionBoxes(boxes), viewport) })
}

export function runCommand(s: BoardSession, cmd: Command): void {
  const { camera, viewport, selection, panelOpen, helpOpen, view, selectedPattern } = s.ui.getState()
  const centre = { x: viewport.w / 2, y: viewport.h / 2 }
  if (typeof cmd === 'object') return nudgeSelection(s, cmd.nudge.dx, cmd.nudge.dy)
  switch (cmd) {
    case 'newStory':
      createStoryAt(s)
      return
    case 'handTool':
      return s.ui.setState({ tool: s.ui.getState().tool === 'hand' ? 'select' : 'hand' })
    case 'selectTool':
      return s.ui.setState({ tool: 'select' })
    case 'zoomIn':
      return s.ui.setState({ camera: stepZoom(camera, 1, centre) })
    case 'zoomOut':
      return s.ui.setState({ camera: stepZoom(camera, -1, centre) })
    case 'zoomReset':
      return s.ui.setState({ camera: zoomAt(camera, 1, centre) })
    case 'zoomFit':
      return zoomToFit(s)
    case 'undo':
      return undo(s)
    case 'redo':
      return redo(s)
    case 'duplicate':
      return duplicateSelection(s)
    case 'selectAll':
      return selectAll(s)
    case 'delete':
      if (selection.size === 0 && selectedPattern) return removePattern(s, selectedPattern)
      return deleteSelection(s)
    case 'edit': {
      const first = [...selection][0]
      if (first) startEditing(s, first)
      else if (selectedPattern) s.ui.setState({ renamingPattern: selectedPattern })
      return
    }
    case 'escape':
      if (helpOpen) return s.ui.setState({ helpOpen: false })
      return select(s, [])
    case 'help':
      return s.ui.setState({ helpOpen: !helpOpen })
    case 'front':
      return restackSelection(s, 'front')
    case 'back':
      return restackSelection(s, 'back')
    case 'panel':
      return s.ui.setState({ panelOpen: !panelOpen })
    case 'outline':
      return s.ui.setState({ view: view === 'outline' ? 'canvas' : 'outline' })
    case 'group':
      if (selection.size === 0) return s.ui.setState({ notice: 'Select stories first, or press P and drag to draw a pattern area.' })
      groupIntoPattern(s)
      return
    case 'patternTool':
      return s.ui.setState({ tool: s.ui.getState().tool === 'pattern' ? 'select' : 'pattern' })
  }
}
