// Cameras for attention: show the box the leader sees, centre a point, and glide smoothly from one
// camera to another. Pure module: nothing here may read app state.
import { clampZoom, viewportBox, type Box, type Camera } from '../geometry/camera.ts'

type Size = { w: number; h: number }

/** The camera that centres the canvas point `p` at `zoom` in a viewport. */
export function centreOn(p: { x: number; y: number }, zoom: number, size: Size): Camera {
  const z = clampZoom(zoom)
  return { zoom: z, x: size.w / 2 / z - p.x, y: size.h / 2 / z - p.y }
}

/** The centre of what a camera shows, in canvas coordinates. */
export function centreOf(c: Camera, size: Size): { x: number; y: number } {
  return { x: size.w / 2 / c.zoom - c.x, y: size.h / 2 / c.zoom - c.y }
}

/**
 * The camera that shows at least all of `box` (another person's view, on a screen of another
 * size), centred: everything the leader sees, the follower sees too.
 */
export function cameraShowing(box: Box, size: Size): Camera {
  if (size.w <= 0 || size.h <= 0) return { x: -box.x, y: -box.y, zoom: 1 }
  const zoom = clampZoom(Math.min(size.w / Math.max(box.w, 1), size.h / Math.max(box.h, 1)))
  return centreOn({ x: box.x + box.w / 2, y: box.y + box.h / 2 }, zoom, size)
}

/** One animation step of `t` (0–1) from `from` towards `to`: the centre slides, the zoom eases in log space. */
export function approach(from: Camera, to: Camera, t: number, size: Size): Camera {
  const a = centreOf(from, size)
  const b = centreOf(to, size)
  const zoom = Math.exp(Math.log(from.zoom) + (Math.log(to.zoom) - Math.log(from.zoom)) * t)
  return centreOn({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t }, zoom, size)
}

/** Close enough to stop animating: under half a screen pixel of movement and 0.1 % of zoom. */
export function arrived(a: Camera, b: Camera, size: Size): boolean {
  const ca = centreOf(a, size)
  const cb = centreOf(b, size)
  return Math.abs(a.zoom / b.zoom - 1) < 1e-3 && Math.hypot(ca.x - cb.x, ca.y - cb.y) * b.zoom < 0.5
}

/** The canvas box a camera shows, rounded: what a leader puts in awareness. */
export function viewOf(c: Camera, size: Size): Box {
  const b = viewportBox(c, size)
  // `+ 0` turns -0 into 0, so an unchanged view compares equal and is not sent again.
  const r = (v: number) => Math.round(v) + 0
  return { x: r(b.x), y: r(b.y), w: r(b.w), h: r(b.h) }
}

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
const LIMIT = 1e7

/** A leader's `view` from awareness (untrusted): a finite box of sensible size, or null. */
export function readView(state: unknown): Box | null {
  if (typeof state !== 'object' || state === null) return null
  const v = (state as { view?: unknown }).view
  if (typeof v !== 'object' || v === null) return null
  const { x, y, w, h } = v as Record<string, unknown>
  if (!num(x) || !num(y) || !num(w) || !num(h)) return null
  if (Math.abs(x) > LIMIT || Math.abs(y) > LIMIT || w < 1 || h < 1 || w > 1e6 || h > 1e6) return null
  return { x, y, w, h }
}
