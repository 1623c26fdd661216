// Plain geometry values stored in the board document. Pure module.
import { z } from 'zod'

const finite = z.number().finite()
/** Canvas coordinates are bounded so a bad client cannot push a story to 1e308. */
export const COORD_LIMIT = 10_000_000
const coord = finite.min(-COORD_LIMIT).max(COORD_LIMIT)

export const Point = z.object({ x: coord, y: coord })
export type Point = z.infer<typeof Point>

export const Size = z.object({ w: finite.min(20).max(4000), h: finite.min(20).max(4000) })
export type Size = z.infer<typeof Size>

export const Rect = z.object({ x: coord, y: coord, w: finite.min(40).max(100_000), h: finite.min(40).max(100_000) })
export type Rect = z.infer<typeof Rect>

export const Colour = z.string().regex(/^#[0-9a-f]{6}$/i, 'a colour is #rrggbb')
export type Colour = z.infer<typeof Colour>

export const STORY_COLOURS = ['#fff3a8', '#ffd6a5', '#caffbf', '#9bf6ff', '#bdb2ff', '#ffc6ff', '#fdffb6', '#e9ecef'] as const
export const DEFAULT_STORY_SIZE: Size = { w: 200, h: 140 }

export const rectContains = (r: Rect, p: Point): boolean =>
  p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h
