import { describe, expect, it } from 'vitest'
import { boxFromPoints, marqueeSelection, toggleInSelection } from './marquee.ts'
import { createSpatialIndex } from './spatialIndex.ts'

describe('marquee', () => {
  const index = createSpatialIndex()
  index.set('a', { x: 0, y: 0, w: 100, h: 100 })
  index.set('b', { x: 300, y: 0, w: 100, h: 100 })

  it('normalises a box dragged in any direction', () => {
    expect(boxFromPoints({ x: 10, y: 50 }, { x: -10, y: 0 })).toEqual({ x: -10, y: 0, w: 20, h: 50 })
  })

  it('selects what it touches', () => {
    expect([...marqueeSelection(index, { x: 50, y: 50, w: 10, h: 10 }, new Set(['b']), false)]).toEqual(['a'])
  })

  it('adds to the selection with shift', () => {
    expect([...marqueeSelection(index, { x: 50, y: 50, w: 10, h: 10 }, new Set(['b']), true)].sort()).toEqual(['a', 'b'])
  })

  it('toggles with shift-click', () => {
    expect([...toggleInSelection(new Set(['a']), 'a')]).toEqual([])
    expect([...toggleInSelection(new Set(['a']), 'b')]).toEqual(['a', 'b'])
  })
})
