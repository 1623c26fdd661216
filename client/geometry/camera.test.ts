import { describe, expect, it } from 'vitest'
import {
  canvasToScreen,
  fitBox,
  formatZoom,
  MAX_ZOOM,
  panBy,
  screenToCanvas,
  stepZoom,
  unionBoxes,
  viewportBox,
  zoomAt,
} from './camera.ts'

describe('camera', () => {
  const cam = { x: 10, y: -20, zoom: 2 }

  it('round-trips screen and canvas points', () => {
    const p = { x: 123, y: 45 }
    expect(canvasToScreen(cam, screenToCanvas(cam, p))).toEqual(p)
  })

  it('keeps the point under the pointer fixed when zooming', () => {
    const at = { x: 300, y: 200 }
    const before = screenToCanvas(cam, at)
    const after = screenToCanvas(zoomAt(cam, 0.5, at), at)
    expect(after.x).toBeCloseTo(before.x)
    expect(after.y).toBeCloseTo(before.y)
  })

  it('clamps zoom', () => {
    expect(zoomAt(cam, 100, { x: 0, y: 0 }).zoom).toBe(MAX_ZOOM)
  })

  it('pans by screen pixels', () => {
    expect(panBy(cam, 20, 10)).toEqual({ x: 20, y: -15, zoom: 2 })
  })

  it('steps through zoom levels', () => {
    expect(stepZoom({ x: 0, y: 0, zoom: 1 }, 1, { x: 0, y: 0 }).zoom).toBe(1.25)
    expect(stepZoom({ x: 0, y: 0, zoom: 1 }, -1, { x: 0, y: 0 }).zoom).toBe(0.75)
  })

  it('fits a box into the viewport, centred', () => {
    const size = { w: 1000, h: 800 }
    const c = fitBox({ x: 0, y: 0, w: 2000, h: 100 }, size, 0)
    expect(c.zoom).toBeCloseTo(0.5)
    const v = viewportBox(c, size)
    expect(v.x + v.w / 2).toBeCloseTo(1000)
    expect(v.y + v.h / 2).toBeCloseTo(50)
  })

  it('does not zoom in past 100% to fit a small box', () => {
    expect(fitBox({ x: 0, y: 0, w: 10, h: 10 }, { w: 1000, h: 800 }).zoom).toBe(1)
  })

  it('unions boxes', () => {
    expect(unionBoxes([])).toBeNull()
    expect(unionBoxes([{ x: 0, y: 0, w: 10, h: 10 }, { x: 20, y: -5, w: 5, h: 5 }])).toEqual({ x: 0, y: -5, w: 25, h: 15 })
  })

  it('formats the zoom readout', () => {
    expect(formatZoom(0.456)).toBe('46%')
  })
})
