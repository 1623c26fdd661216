import { describe, expect, it } from 'vitest'
import { viewportBox } from '../geometry/camera.ts'
import { approach, arrived, cameraShowing, centreOf, centreOn, readView, viewOf } from './viewMath.ts'

const screen = { w: 1000, h: 500 }

describe('attention cameras', () => {
  it('a follower on another screen size sees all of the leader\'s view, centred', () => {
    const leader = { x: 100, y: 200, w: 800, h: 800 }
    const cam = cameraShowing(leader, screen)
    const seen = viewportBox(cam, screen)
    expect(cam.zoom).toBeCloseTo(500 / 800)
    expect(seen.x).toBeLessThanOrEqual(leader.x)
    expect(seen.x + seen.w).toBeGreaterThanOrEqual(leader.x + leader.w - 1e-9)
    expect(centreOf(cam, screen).x).toBeCloseTo(500)
    expect(centreOf(cam, screen).y).toBeCloseTo(600)
  })
  it('centres a point at a zoom, clamped to the zoom limits', () => {
    expect(centreOf(centreOn({ x: 40, y: -30 }, 2, screen), screen)).toEqual({ x: 40, y: -30 })
    expect(centreOn({ x: 0, y: 0 }, 99, screen).zoom).toBe(4)
  })
  it('glides: each step gets closer and the last one arrives', () => {
    const from = centreOn({ x: 0, y: 0 }, 1, screen)
    const to = centreOn({ x: 2000, y: 1000 }, 0.25, screen)
    let cam = from
    let steps = 0
    let last = Infinity
    while (!arrived(cam, to, screen)) {
      cam = approach(cam, to, 0.3, screen)
      const c = centreOf(cam, screen)
      const d = Math.hypot(c.x - 2000, c.y - 1000)
      expect(d).toBeLessThan(last)
      last = d
      if (++steps > 200) throw new Error('never arrived')
    }
    expect(approach(from, to, 1, screen).zoom).toBeCloseTo(0.25)
  })
  it('reads a leader\'s view tolerantly: only finite boxes of sensible size', () => {
    expect(readView({ view: { x: 1, y: 2, w: 300, h: 200 } })).toEqual({ x: 1, y: 2, w: 300, h: 200 })
    expect(readView({ view: { x: 1, y: 2, w: 0, h: 200 } })).toBeNull()
    expect(readView({ view: { x: 1e300, y: 2, w: 10, h: 20 } })).toBeNull()
    expect(readView({ view: { x: '1', y: 2, w: 10, h: 20 } })).toBeNull()
    expect(readView({ view: null })).toBeNull()
    expect(readView(null)).toBeNull()
    expect(viewOf({ x: -10.4, y: 0, zoom: 2 }, screen)).toEqual({ x: 10, y: 0, w: 500, h: 250 })
  })
})
