// "Show evidence" opens `/b/<raising board>?pattern=<id>`: once that pattern has arrived in the
// document, select it (its panel opens) and bring it into view. Returns the unsubscribe.
import { selectPattern } from '../board/patternActions.ts'
import type { BoardSession } from '../board/createSession.ts'
import { fitBox } from '../geometry/camera.ts'

export function focusPatternFromUrl(s: BoardSession, search: string): () => void {
  const id = new URLSearchParams(search).get('pattern')
  if (!id) return () => undefined
  const tryFocus = (): boolean => {
    const pattern = s.board.getState().patterns.find((p) => p.id === id)
    const { viewport } = s.ui.getState()
    if (!pattern || viewport.w === 0) return false
    selectPattern(s, id)
    const a = pattern.area
    s.ui.setState({ camera: fitBox({ x: a.x, y: a.y - 64, w: a.w, h: a.h + 64 }, viewport) })
    return true
  }
  if (tryFocus()) return () => undefined
  const offBoard = s.board.subscribe(() => tryFocus() && stop())
  const offUi = s.ui.subscribe((next, prev) => next.viewport !== prev.viewport && tryFocus() && stop())
  function stop() {
    offBoard()
    offUi()
  }
  return stop
}
