// Camera transforms between screen pixels and canvas coordinates. Pure module: no DOM, no React,
// no Konva; nothing here may read app state.

export type Vec = { x: number; y: number }
export type Box = { x: number; y: number; w: number; h: number }
/** screen = (canvas + offset) * zoom, i.e. canvas = screen / zoom - offset. */
export type Camera = { x: number; y: number; zoom: number }

export const MIN_ZOOM = 0.05
export const MAX_ZOOM = 4
export const ZOOM_STEPS = [0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4] as const

export const clampZoom = (z: number): number => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z))

export const screenToCanvas = (c: Camera, p: Vec): Vec => ({ x: p.x / c.zoom - c.x, y: p.y / c.zoom - c.y })

export const canvasToScreen = (c: Camera, p: Vec): Vec => ({ x: (p.x + c.x) * c.zoom, y: (p.y + c.y) * c.zoom })

/** The canvas rectangle a viewport of the given screen size shows. */
export const viewportBox = (c: Camera, size: { w: number; h: number }): Box => ({
  x: -c.x,
  y: -c.y,
  w: size.w / c.zoom,
  h: size.h / c.zoom,
})

/** Move the camera by a screen-space delta. */
export const panBy = (c: Camera, dx: number, dy: number): Camera => ({
  ...c,
  x: c.x + dx / c.zoom,
  y: c.y + dy / c.zoom,
})

/** Zoom to `zoom`, keeping the canvas point under the screen point `at` fixed. */
export function zoomAt(c: Camera, zoom: number, at: Vec): Camera {
  const z = clampZoom(zoom)
  const anchor = screenToCanvas(c, at)
  return { zoom: z, x: at.x / z - anchor.x, y: at.y / z - anchor.y }
}

/** Wheel deltas to a zoom factor: smooth for trackpads, bounded for coarse mouse wheels. */
export const wheelZoomFactor = (deltaY: number): number => Math.exp(-Math.max(-60, Math.min(60, deltaY)) * 0.01)

export function stepZoom(c: Camera, direction: 1 | -1, at: Vec): Camera {
  const next =
    direction > 0
      ? (ZOOM_STEPS.find((s) => s > c.zoom + 1e-6) ?? MAX_ZOOM)
      : ([...ZOOM_STEPS].reverse().find((s) => s < c.zoom - 1e-6) ?? MIN_ZOOM)
  return zoomAt(c, next, at)
}

/** A camera that shows `box` centred in a viewport, with a margin in screen pixels. */
export function fitBox(box: Box | null, size: { w: number; h: number }, margin = 48): Camera {
  if (!box || size.w <= 0 || size.h <= 0) return { x: 0, y: 0, zoom: 1 }
  const zoom = clampZoom(
    Math.min((size.w - margin * 2) / Math.max(box.w, 1), (size.h - margin * 2) / Math.max(box.h, 1), 1),
  )
  return {
    zoom,
    x: size.w / 2 / zoom - (box.x + box.w / 2),
    y: size.h / 2 / zoom - (box.y + box.h / 2),
  }
}

/**
 * The camera moved as little as needed for `box` to be in view with `margin` screen pixels around
 * it (the left and top edges win when it is larger than the view); the same camera when it already
 * is. A story written off to the side is brought into view this way, never by the browser
 * scrolling the canvas element (which shifts the drawing off its element).
 */
export function showBox(c: Camera, size: { w: number; h: number }, box: Box, margin = 48): Camera {
  if (size.w <= 0 || size.h <= 0) return c
  const m = margin / c.zoom
  const view = viewportBox(c, size)
  const shift = (start: number, length: number, viewStart: number, viewLength: number): number => {
    if (start - m < viewStart || length + 2 * m > viewLength) return viewStart - (start - m)
    if (start + length + m > viewStart + viewLength) return viewStart + viewLength - (start + length + m)
    return 0
  }
  const dx = shift(box.x, box.w, view.x, view.w)
  const dy = shift(box.y, box.h, view.y, view.h)
  return dx === 0 && dy === 0 ? c : { ...c, x: c.x + dx, y: c.y + dy }
}

/** The smallest box around all boxes, or null for none. */
export function unionBoxes(boxes: Iterable<Box>): Box | null {
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const b of boxes) {
    minX = Math.min(minX, b.x)
    minY = Math.min(minY, b.y)
    maxX = Math.max(maxX, b.x + b.w)
    maxY = Math.max(maxY, b.y + b.h)
  }
  return minX === Infinity ? null : { x: minX, y: minY, w: maxX - minX, h: maxY - minY }
}

export const boxesIntersect = (a: Box, b: Box): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

export const boxContains = (b: Box, p: Vec): boolean =>
  p.x >= b.x && p.x <= b.x + b.w && p.y >= b.y && p.y <= b.y + b.h

export const formatZoom = (zoom: number): string => `${Math.round(zoom * 100)}%`
