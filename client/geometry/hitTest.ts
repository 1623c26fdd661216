// Hit tests on the canvas, done on our own spatial index instead of Konva's hit graph (the static
// layer does not listen). Pure module: no DOM, no React, no Konva.
import { boxContains, type Box, type Vec } from './camera.ts'
import type { SpatialIndex } from './spatialIndex.ts'

/** The top-most id under `p`; `rank` orders ids back to front (higher is in front). */
export function topmostAt(index: SpatialIndex, p: Vec, rank: (id: string) => number): string | null {
  let best: string | null = null
  let bestRank = -Infinity
  for (const id of index.query({ x: p.x - 0.5, y: p.y - 0.5, w: 1, h: 1 })) {
    const box = index.get(id)
    if (!box || !boxContains(box, p)) continue
    const r = rank(id)
    if (r > bestRank) {
      best = id
      bestRank = r
    }
  }
  return best
}

/** Screen size of the resize handle at a story's bottom-right corner. */
export const HANDLE_PX = 14

/** Whether `p` (canvas coords) is on the resize handle of `box` at the given zoom. */
export function onResizeHandle(box: Box, p: Vec, zoom: number): boolean {
  const s = HANDLE_PX / zoom
  return p.x >= box.x + box.w - s && p.x <= box.x + box.w + s / 2 && p.y >= box.y + box.h - s && p.y <= box.y + box.h + s / 2
}

export const MIN_STORY_SIZE = { w: 80, h: 60 }

/** The size a story gets when its corner is dragged to `p`. */
export const resizeTo = (box: Box, p: Vec): { w: number; h: number } => ({
  w: Math.round(Math.min(4000, Math.max(MIN_STORY_SIZE.w, p.x - box.x))),
  h: Math.round(Math.min(4000, Math.max(MIN_STORY_SIZE.h, p.y - box.y))),
})
