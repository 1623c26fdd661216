// Where patterns are on the canvas: the title bar above each area, what a pointer is on, which
// pattern a dropped story lands in, and the patterns in view. Pure module: no DOM, no React, no
// Konva; nothing here reads app state.
import type { MemberRole, Pattern } from '../../shared/model/pattern.ts'
import { boxContains, boxesIntersect, type Box, type Vec } from '../geometry/camera.ts'
import { HANDLE_PX } from '../geometry/hitTest.ts'

/** Height of the title bar drawn above a pattern's area, in canvas units. */
export const TITLE_H = 36
export const MIN_PATTERN_SIZE = { w: 160, h: 100 }

type Area = Pick<Pattern, 'id' | 'area'>

export const titleBarOf = (area: Box): Box => ({ x: area.x, y: area.y - TITLE_H, w: area.w, h: TITLE_H })

/** The area plus its title bar: what a pattern covers on the canvas. */
export const outerBoxOf = (area: Box): Box => ({ x: area.x, y: area.y - TITLE_H, w: area.w, h: area.h + TITLE_H })

export const centreOf = (b: Box): Vec => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 })

/** The top-most pattern (patterns come back to front) whose area contains `p`. */
export function patternAt<P extends Area>(patterns: readonly P[], p: Vec): P | null {
  for (let i = patterns.length - 1; i >= 0; i--) if (boxContains(patterns[i]!.area, p)) return patterns[i]!
  return null
}

/** The top-most pattern whose title bar is under `p`. */
export function titleAt<P extends Area>(patterns: readonly P[], p: Vec): P | null {
  for (let i = patterns.length - 1; i >= 0; i--) if (boxContains(titleBarOf(patterns[i]!.area), p)) return patterns[i]!
  return null
}

/** Whether `p` is on the resize handle at the bottom-right corner of an area, at this zoom. */
export function onAreaHandle(area: Box, p: Vec, zoom: number): boolean {
  const s = HANDLE_PX / zoom
  return p.x >= area.x + area.w - s && p.x <= area.x + area.w + s / 2 && p.y >= area.y + area.h - s && p.y <= area.y + area.h + s / 2
}

/** The area a pattern gets when its corner is dragged to `p`. */
export const resizeAreaTo = (area: Box, p: Vec): Box => ({
  ...area,
  w: Math.round(Math.min(100_000, Math.max(MIN_PATTERN_SIZE.w, p.x - area.x))),
  h: Math.round(Math.min(100_000, Math.max(MIN_PATTERN_SIZE.h, p.y - area.y))),
})

/** A drawn rectangle as a pattern area, never smaller than the minimum. */
export const drawnArea = (b: Box): Box => ({
  x: Math.round(b.x),
  y: Math.round(b.y),
  w: Math.round(Math.max(MIN_PATTERN_SIZE.w, b.w)),
  h: Math.round(Math.max(MIN_PATTERN_SIZE.h, b.h)),
})

export type MembershipChange = { storyId: string; pattern: string | null; role: MemberRole }
type Current = ReadonlyMap<string, { pattern: string; role: MemberRole }>

/**
 * Membership after a drop: a story whose centre lands inside a pattern's area joins it (the
 * top-most pattern wins); one dropped outside every area leaves its pattern. Returns changes only;
 * a story that stays in its pattern keeps its role.
 */
export function dropMembership(patterns: readonly Area[], current: Current, dropped: readonly { id: string; box: Box }[]): MembershipChange[] {
  const changes: MembershipChange[] = []
  for (const { id, box } of dropped) {
    const target = patternAt(patterns, centreOf(box))?.id ?? null
    const now = current.get(id)
    if ((now?.pattern ?? null) === target) continue
    changes.push({ storyId: id, pattern: target, role: 'supports' })
  }
  return changes
}

/** Ids of the boxes whose centre lies inside `area` (a pattern drawn around stories). */
export const centredIn = (area: Box, boxes: Iterable<[string, Box]>): string[] =>
  [...boxes].filter(([, b]) => boxContains(area, centreOf(b))).map(([id]) => id)

/** Patterns whose area or title bar meets the view (with a margin), back to front. */
export function patternsInView<P extends Area>(patterns: readonly P[], view: Box, margin = 0.25): P[] {
  const grown = { x: view.x - view.w * margin, y: view.y - view.h * margin, w: view.w * (1 + 2 * margin), h: view.h * (1 + 2 * margin) }
  return patterns.filter((p) => boxesIntersect(outerBoxOf(p.area), grown))
}
