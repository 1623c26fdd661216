import { describe, expect, it } from 'vitest'
import { onResizeHandle, resizeTo, topmostAt } from './hitTest.ts'
import { createSpatialIndex } from './spatialIndex.ts'

describe('hit tests', () => {
  it('returns the top-most story under a point', () => {
    const index = createSpatialIndex()
    index.set('back', { x: 0, y: 0, w: 100, h: 100 })
    index.set('front', { x: 50, y: 50, w: 100, h: 100 })
    const rank = (id: string) => (id === 'front' ? 2 : 1)
    expect(topmostAt(index, { x: 60, y: 60 }, rank)).toBe('front')
    expect(topmostAt(index, { x: 10, y: 10 }, rank)).toBe('back')
    expect(topmostAt(index, { x: 500, y: 10 }, rank)).toBeNull()
  })

  it('finds the resize handle in screen pixels', () => {
    const box = { x: 0, y: 0, w: 200, h: 100 }
    expect(onResizeHandle(box, { x: 195, y: 95 }, 1)).toBe(true)
    expect(onResizeHandle(box, { x: 150, y: 95 }, 1)).toBe(false)
    expect(onResizeHandle(box, { x: 150, y: 95 }, 0.25)).toBe(true)
  })

  it('never resizes below the minimum', () => {
    expect(resizeTo({ x: 0, y: 0, w: 200, h: 100 }, { x: 10, y: 10 })).toEqual({ w: 80, h: 60 })
    expect(resizeTo({ x: 0, y: 0, w: 200, h: 100 }, { x: 300.4, y: 250 })).toEqual({ w: 300, h: 250 })
  })
})
