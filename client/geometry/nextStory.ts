// Where the next story goes when a person presses Tab (right) or Shift+Tab (left) while writing:
// beside the current one, skipping places that are taken. Pure module.
import { boxesIntersect, type Box, type Vec } from './camera.ts'
import type { SpatialIndex } from './spatialIndex.ts'

export const STORY_GAP = 24

export function nextStoryPosition(current: Box, direction: 'right' | 'left', index: SpatialIndex): Vec {
  const step = (current.w + STORY_GAP) * (direction === 'right' ? 1 : -1)
  let candidate: Box = { ...current, x: current.x + step }
  for (let i = 0; i < 200; i++) {
    const taken = [...index.query(candidate)].some((id) => {
      const b = index.get(id)
      return b !== undefined && boxesIntersect(b, candidate)
    })
    if (!taken) break
    candidate = { ...candidate, x: candidate.x + step }
  }
  return { x: candidate.x, y: candidate.y }
}

/** Centre a new story of `size` on a canvas point (a double-click or the viewport centre). */
export const centredAt = (p: Vec, size: { w: number; h: number }): Vec => ({
  x: Math.round(p.x - size.w / 2),
  y: Math.round(p.y - size.h / 2),
})
