import { describe, expect, it } from 'vitest'
import { createSpatialIndex } from './spatialIndex.ts'

const box = (x: number, y: number, w = 100, h = 100) => ({ x, y, w, h })

describe('spatial index', () => {
  it('finds boxes that intersect a query', () => {
    const index = createSpatialIndex(100)
    index.set('a', box(0, 0))
    index.set('b', box(500, 500))
    index.set('c', box(-250, 40, 310, 20))
    expect([...index.query(box(50, 50, 10, 10))].sort()).toEqual(['a', 'c'])
    expect([...index.query(box(450, 450))]).toEqual(['b'])
  })

  it('moves and deletes boxes', () => {
    const index = createSpatialIndex(100)
    index.set('a', box(0, 0))
    index.set('a', box(1000, 1000))
    expect(index.query(box(0, 0, 50, 50)).size).toBe(0)
    expect(index.query(box(1000, 1000, 10, 10)).has('a')).toBe(true)
    index.delete('a')
    expect(index.size).toBe(0)
    expect(index.query(box(-1e6, -1e6, 2e6, 2e6)).size).toBe(0)
  })

  it('answers huge queries by scanning', () => {
    const index = createSpatialIndex(10)
    for (let i = 0; i < 1000; i++) index.set(`s${i}`, box(i * 50, (i % 7) * 50, 40, 40))
    expect(index.query(box(-1e7, -1e7, 2e7, 2e7)).size).toBe(1000)
  })

  it('agrees with a brute-force scan', () => {
    const index = createSpatialIndex(64)
    const all = new Map<string, ReturnType<typeof box>>()
    let seed = 7
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2000 - 1000
    for (let i = 0; i < 300; i++) {
      const b = box(rnd(), rnd(), 20 + Math.abs(rnd()) / 10, 20 + Math.abs(rnd()) / 10)
      all.set(`s${i}`, b)
      index.set(`s${i}`, b)
    }
    for (let q = 0; q < 20; q++) {
      const qb = box(rnd(), rnd(), 300, 200)
      const expected = [...all].filter(([, b]) => b.x < qb.x + qb.w && qb.x < b.x + b.w && b.y < qb.y + qb.h && qb.y < b.y + b.h).map(([id]) => id)
      expect([...index.query(qb)].sort()).toEqual(expected.sort())
    }
  })
})
