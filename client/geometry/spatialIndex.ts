// A uniform grid (bucket) index of boxes by id, for viewport culling and hit tests on thousands of
// stories. Pure module: no DOM, no React, no Konva.
import type { Box } from './camera.ts'

export type SpatialIndex = {
  set(id: string, box: Box): void
  delete(id: string): void
  /** Ids whose box intersects `box` (each id once, unordered). */
  query(box: Box): Set<string>
  get(id: string): Box | undefined
  readonly size: number
}

const MAX_CELLS_PER_QUERY = 250_000

export function createSpatialIndex(cellSize = 512): SpatialIndex {
  const boxes = new Map<string, Box>()
  const cells = new Map<string, Set<string>>()
  const key = (cx: number, cy: number) => `${cx},${cy}`

  function* cellsOf(b: Box): Generator<string> {
    const x0 = Math.floor(b.x / cellSize)
    const y0 = Math.floor(b.y / cellSize)
    const x1 = Math.floor((b.x + b.w) / cellSize)
    const y1 = Math.floor((b.y + b.h) / cellSize)
    for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) yield key(cx, cy)
  }

  function remove(id: string) {
    const old = boxes.get(id)
    if (!old) return
    for (const k of cellsOf(old)) {
      const cell = cells.get(k)
      cell?.delete(id)
      if (cell && cell.size === 0) cells.delete(k)
    }
    boxes.delete(id)
  }

  return {
    set(id, box) {
      remove(id)
      boxes.set(id, box)
      for (const k of cellsOf(box)) {
        let cell = cells.get(k)
        if (!cell) cells.set(k, (cell = new Set()))
        cell.add(id)
      }
    },
    delete: remove,
    query(b) {
      const found = new Set<string>()
      const cols = Math.floor((b.x + b.w) / cellSize) - Math.floor(b.x / cellSize) + 1
      const rows = Math.floor((b.y + b.h) / cellSize) - Math.floor(b.y / cellSize) + 1
      const hit = (id: string) => {
        const box = boxes.get(id)
        if (box && box.x < b.x + b.w && b.x < box.x + box.w && box.y < b.y + b.h && b.y < box.y + box.h) found.add(id)
      }
      if (cols * rows > MAX_CELLS_PER_QUERY || cols * rows > cells.size) {
        // A huge query (zoomed far out): scanning the occupied cells is cheaper than the grid.
        for (const id of boxes.keys()) hit(id)
        return found
      }
      for (const k of cellsOf(b)) for (const id of cells.get(k) ?? []) hit(id)
      return found
    },
    get: (id) => boxes.get(id),
    get size() {
      return boxes.size
    },
  }
}
