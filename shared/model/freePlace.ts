// Where a new story lands when nobody pointed at a place (a revealed draft, a story made with N):
// where it was meant to go if that is free, otherwise the nearest free place to its right, row by
// row below. Without this two people's first stories land exactly on top of each other.
// Pure module.
export type Box = { x: number; y: number; w: number; h: number }

export const REVEAL_GAP = 24
const COLUMNS = 12
const ROWS = 60

const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

export function freePlace(box: Box, taken: readonly Box[]): { x: number; y: number } {
  for (let row = 0; row < ROWS; row++) {
    for (let col = 0; col < COLUMNS; col++) {
      const candidate = { ...box, x: box.x + col * (box.w + REVEAL_GAP), y: box.y + row * (box.h + REVEAL_GAP) }
      if (!taken.some((t) => overlaps(candidate, t))) return { x: candidate.x, y: candidate.y }
    }
  }
  // A board this crowded: keep the author's place rather than fly far away.
  return { x: box.x, y: box.y }
}

/** A stored `{ x, y }` / `{ w, h }` pair as a box, or null when either is not numbers. */
export function boxOf(pos: unknown, size: unknown): Box | null {
  const p = pos as { x?: unknown; y?: unknown } | null
  const s = size as { w?: unknown; h?: unknown } | null
  if (typeof p?.x !== 'number' || typeof p.y !== 'number' || typeof s?.w !== 'number' || typeof s.h !== 'number') return null
  return { x: p.x, y: p.y, w: s.w, h: s.h }
}
