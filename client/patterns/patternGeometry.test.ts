import { describe, expect, it } from 'vitest'
import { centredIn, drawnArea, dropMembership, onAreaHandle, patternAt, patternsInView, resizeAreaTo, titleAt, TITLE_H } from './patternGeometry.ts'

const back = { id: 'back', area: { x: 0, y: 0, w: 1000, h: 1000 } }
const front = { id: 'front', area: { x: 100, y: 100, w: 300, h: 300 } }
const patterns = [back, front]
const box = (cx: number, cy: number) => ({ x: cx - 100, y: cy - 70, w: 200, h: 140 })

describe('pattern geometry', () => {
  it('finds the top-most area under a point', () => {
    expect(patternAt(patterns, { x: 150, y: 150 })?.id).toBe('front')
    expect(patternAt(patterns, { x: 900, y: 900 })?.id).toBe('back')
    expect(patternAt(patterns, { x: -5, y: 0 })).toBeNull()
  })

  it('finds a title bar above the area, not inside it', () => {
    expect(titleAt(patterns, { x: 150, y: 100 - TITLE_H / 2 })?.id).toBe('front')
    expect(titleAt(patterns, { x: 150, y: 120 })).toBeNull()
    expect(titleAt(patterns, { x: 600, y: -10 })?.id).toBe('back')
  })

  it('a dropped story joins the top-most pattern its centre lands in', () => {
    const changes = dropMembership(patterns, new Map(), [
      { id: 'a', box: box(200, 200) },
      { id: 'b', box: box(800, 800) },
      { id: 'c', box: box(2000, 0) },
    ])
    expect(changes).toEqual([
      { storyId: 'a', pattern: 'front', role: 'supports' },
      { storyId: 'b', pattern: 'back', role: 'supports' },
    ])
  })

  it('a story dragged out leaves; one that stays keeps its role (no change)', () => {
    const current = new Map([
      ['a', { pattern: 'front', role: 'counter-example' as const }],
      ['b', { pattern: 'front', role: 'supports' as const }],
    ])
    expect(dropMembership(patterns, current, [{ id: 'a', box: box(250, 250) }, { id: 'b', box: box(3000, 3000) }])).toEqual([{ storyId: 'b', pattern: null, role: 'supports' }])
  })

  it('judges by the centre, not by overlap', () => {
    // Overlaps the front area but its centre is outside it, inside back.
    expect(dropMembership(patterns, new Map(), [{ id: 'a', box: box(480, 200) }])[0]?.pattern).toBe('back')
  })

  it('resizes and draws no smaller than the minimum', () => {
    expect(resizeAreaTo({ x: 0, y: 0, w: 500, h: 500 }, { x: 10, y: 10 })).toEqual({ x: 0, y: 0, w: 160, h: 100 })
    expect(resizeAreaTo({ x: 0, y: 0, w: 500, h: 500 }, { x: 700.4, y: 600 })).toEqual({ x: 0, y: 0, w: 700, h: 600 })
    expect(drawnArea({ x: 1.2, y: 2, w: 5, h: 500 })).toEqual({ x: 1, y: 2, w: 160, h: 500 })
  })

  it('finds the area handle in screen pixels', () => {
    expect(onAreaHandle(front.area, { x: 395, y: 395 }, 1)).toBe(true)
    expect(onAreaHandle(front.area, { x: 300, y: 395 }, 1)).toBe(false)
    expect(onAreaHandle(front.area, { x: 350, y: 360 }, 0.25)).toBe(true)
  })

  it('lists stories centred in a drawn area', () => {
    expect(centredIn({ x: 0, y: 0, w: 300, h: 300 }, [['in', box(150, 150)], ['edge', box(320, 150)]])).toEqual(['in'])
  })

  it('culls patterns outside the view, counting the title bar', () => {
    const view = { x: 0, y: 1010, w: 100, h: 100 }
    expect(patternsInView([{ id: 'p', area: { x: 0, y: 1140, w: 100, h: 100 } }], view, 0).map((p) => p.id)).toEqual(['p'])
    expect(patternsInView([{ id: 'p', area: { x: 5000, y: 0, w: 100, h: 100 } }], view, 0)).toEqual([])
  })
})
