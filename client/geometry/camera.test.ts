import { describe, expect, it } from 'vitest'
import {
  canvasToScreen,
  fitBox,
  formatZoom,
  MAX_ZOOM,
  panBy,
  screenToCanvas,
  showBox,
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

  describe('showBox', () => {
    const size = { w: 800, h: 600 }
    const c = { x: 0, y: 0, zoom: 1.25 }
    const inView = (cam: typeof c, b: { x: number; y: number; w: number; h: number }) => {
      const v = viewportBox(cam, size)
      return b.x >= v.x && b.y >= v.y && b.x + b.w <= v.x + v.w && b.y + b.h <= v.y + v.h
    }

    it('keeps the camera when the box is already in view', () => {
      expect(showBox(c, size, { x: 100, y: 100, w: 200, h: 140 })).toBe(c)
    })

    it('moves just enough to bring a box beyond the right or bottom edge into view, zoom unchanged', () => {
      const box = { x: 900, y: 500, w: 200, h: 140 }
      const next = showBox(c, size, box, 48)
      expect(next.zoom).toBe(1.25)
      expect(inView(next, box)).toBe(true)
      // The box's right edge sits 48 screen px inside the view's right edge.
      expect(canvasToScreen(next, { x: box.x + box.w, y: 0 }).x).toBeCloseTo(800 - 48)
      expect(canvasToScreen(next, { x: 0, y: box.y + box.h }).y).toBeCloseTo(600 - 48)
    })

    it('brings a box beyond the left or top edge in, and shows the start of a box larger than the view', () => {
      const left = { x: -500, y: -300, w: 200, h: 140 }
      expect(inView(showBox(c, size, left), left)).toBe(true)
      const huge = { x: 2000, y: 0, w: 5000, h: 100 }
      expect(canvasToScreen(showBox(c, size, huge, 48), { x: 2000, y: 0 }).x).toBeCloseTo(48)
    })

    it('leaves an empty viewport (not measured yet) alone', () => {
      expect(showBox(c, { w: 0, h: 0 }, { x: 5000, y: 0, w: 10, h: 10 })).toBe(c)
    })
  })
})
