import { describe, expect, it } from 'vitest'
import { createSpatialIndex } from '../geometry/spatialIndex.ts'
import { visibleIds } from './visible.ts'

describe('visibleIds', () => {
  it('culls, skips and orders back to front', () => {
    const index = createSpatialIndex()
    index.set('a', { x: 0, y: 0, w: 10, h: 10 })
    index.set('b', { x: 5, y: 5, w: 10, h: 10 })
    index.set('c', { x: 5000, y: 0, w: 10, h: 10 })
    index.set('d', { x: 20, y: 20, w: 10, h: 10 })
    const rank = new Map([['a', 2], ['b', 1], ['c', 0], ['d', 3]])
    expect(visibleIds(index, { x: 0, y: 0, w: 100, h: 100 }, rank, new Set(['d']))).toEqual(['b', 'a'])
  })
})
