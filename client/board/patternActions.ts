// Patterns from the client: group stories into a new pattern, rename one. Through shared/ops only.
import { createPattern, updatePattern } from '../../shared/ops/pattern.ts'
import { unionBoxes } from '../geometry/camera.ts'
import { boxOf } from '../store/boardStore.ts'
import type { BoardSession } from './createSession.ts'

const PAD = 32

/** A pattern around the selected stories (or an empty one in view), with them as members. */
export function groupIntoPattern(s: BoardSession, name: string): string | null {
  const { stories } = s.board.getState()
  const ids = [...s.ui.getState().selection].filter((id) => stories.has(id))
  const around = unionBoxes(ids.flatMap((id) => (stories.get(id) ? [boxOf(stories.get(id)!)] : [])))
  const { camera, viewport } = s.ui.getState()
  const area = around
    ? { x: Math.round(around.x - PAD), y: Math.round(around.y - PAD), w: Math.round(around.w + PAD * 2), h: Math.round(around.h + PAD * 2) }
    : { x: Math.round(-camera.x + viewport.w / camera.zoom / 4), y: Math.round(-camera.y + viewport.h / camera.zoom / 4), w: 480, h: 320 }
  const r = createPattern(s.doc, { name: name.trim().slice(0, 200), area, storyIds: ids }, s.origin)
  if (!r.ok) {
    s.ui.setState({ notice: r.error.message })
    return null
  }
  return r.value.id
}

export function renamePattern(s: BoardSession, id: string, name: string): void {
  const r = updatePattern(s.doc, { id, name }, s.origin)
  if (!r.ok) s.ui.setState({ notice: r.error.message })
}
