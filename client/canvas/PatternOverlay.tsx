// The pattern parts of the interactive overlay: the selected pattern's outline and resize handle,
// and the rectangle being drawn with the pattern tool. Sizes are divided by the zoom.
import { Rect } from 'react-konva'
import type { BoardSession } from '../board/createSession.ts'
import { HANDLE_PX } from '../geometry/hitTest.ts'
import { outerBoxOf } from '../patterns/patternGeometry.ts'
import { useStore } from '../store/useStore.ts'
import { SELECTION_COLOUR } from './storyStyle.ts'

export function PatternOverlay({ session }: { session: BoardSession }) {
  const zoom = useStore(session.ui, (s) => s.camera.zoom)
  const selected = useStore(session.ui, (s) => s.selectedPattern)
  const drag = useStore(session.ui, (s) => s.patternDrag)
  const resize = useStore(session.ui, (s) => s.patternResize)
  const draft = useStore(session.ui, (s) => s.patternDraft)
  const canEdit = useStore(session.access, (a) => a.canEdit)
  const pattern = useStore(session.board, (s) => (selected ? s.patterns.find((p) => p.id === selected) : undefined))
  const k = 1 / zoom
  let area = resize && resize.id === pattern?.id ? resize.area : pattern?.area
  if (area && drag && drag.id === pattern?.id) area = { ...area, x: area.x + drag.dx, y: area.y + drag.dy }
  const outer = area ? outerBoxOf(area) : null
  return (
    <>
      {outer && area && (
        <>
          <Rect x={outer.x - 3 * k} y={outer.y - 3 * k} width={outer.w + 6 * k} height={outer.h + 6 * k} stroke={SELECTION_COLOUR} strokeWidth={2 * k} cornerRadius={12} listening={false} perfectDrawEnabled={false} />
          {canEdit && <Rect x={area.x + area.w - (HANDLE_PX - 4) * k} y={area.y + area.h - (HANDLE_PX - 4) * k} width={(HANDLE_PX - 2) * k} height={(HANDLE_PX - 2) * k} fill="#fff" stroke={SELECTION_COLOUR} strokeWidth={1.5 * k} listening={false} />}
        </>
      )}
      {draft && <Rect x={draft.x} y={draft.y} width={draft.w} height={draft.h} fill="rgba(29,99,237,0.06)" stroke={SELECTION_COLOUR} strokeWidth={1.5 * k} dash={[8 * k, 6 * k]} cornerRadius={10} listening={false} />}
    </>
  )
}
