// Viewport culling: which stories to draw, back to front. Pure module.
import type { Box } from '../geometry/camera.ts'
import type { SpatialIndex } from '../geometry/spatialIndex.ts'

/** Ids intersecting the view (grown by `margin` of its size), ordered by rank, minus `skip`. */
export function visibleIds(index: SpatialIndex, view: Box, rank: ReadonlyMap<string, number>, skip: ReadonlySet<string>, margin = 0.25): string[] {
  const grown = { x: view.x - view.w * margin, y: view.y - view.h * margin, w: view.w * (1 + 2 * margin), h: view.h * (1 + 2 * margin) }
  const ids: string[] = []
  for (const id of index.query(grown)) if (!skip.has(id)) ids.push(id)
  return ids.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0))
}
