// Lock icons over locked stories and patterns on the canvas, and a frame around a locked board,
// for everyone. DOM laid over the canvas (like the pattern badges), following the camera; it
// takes no pointer events, so the canvas under it works as before.
import type { BoardSession } from '../board/createSession.ts'
import { Icon } from '../chrome/Icon.tsx'
import { canvasToScreen } from '../geometry/camera.ts'
import { useStore } from '../store/useStore.ts'
import { useSession } from './useSession.ts'

export function LockMarks({ session }: { session: BoardSession }) {
  const { session: state } = useSession(session.doc)
  const camera = useStore(session.ui, (s) => s.camera)
  const stories = useStore(session.board, (s) => s.stories)
  const patterns = useStore(session.board, (s) => s.patterns)
  if (!state || (!state.locked && state.lockedItems.length === 0)) return null
  const marks = state.lockedItems.flatMap((id) => {
    const story = stories.get(id)
    if (story) return [{ id, kind: 'story', at: { x: story.pos.x + story.size.w, y: story.pos.y } }]
    const pattern = patterns.find((p) => p.id === id)
    return pattern ? [{ id, kind: 'pattern', at: { x: pattern.area.x + pattern.area.w, y: pattern.area.y } }] : []
  })
  return (
    <div className="lock-marks" aria-hidden="true">
      {state.locked && <div className="board-locked-frame" data-testid="board-locked-frame" />}
      {marks.map((m) => {
        const p = canvasToScreen(camera, m.at)
        return (
          <span key={m.id} className="lock-mark" style={{ left: p.x, top: p.y }} data-testid="lock-mark" data-item-id={m.id} data-kind={m.kind} title="Locked by the facilitator">
            <Icon name="lock" />
          </span>
        )
      })}
    </div>
  )
}
