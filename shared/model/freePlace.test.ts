import { describe, expect, it } from 'vitest'
import { boxOf, freePlace, REVEAL_GAP } from './freePlace.ts'

const box = { x: 100, y: 100, w: 200, h: 140 }

describe('freePlace', () => {
  it('keeps the author\'s place when it is free', () => {
    expect(freePlace(box, [{ x: 400, y: 100, w: 200, h: 140 }])).toEqual({ x: 100, y: 100 })
  })

  it('moves right past taken places, then to the next row', () => {
    const first = { ...box }
    const second = { ...box, x: 100 + 200 + REVEAL_GAP }
    expect(freePlace(box, [first])).toEqual({ x: second.x, y: 100 })
    const row = Array.from({ length: 12 }, (_, i) => ({ ...box, x: 100 + i * (200 + REVEAL_GAP) }))
    expect(freePlace(box, row)).toEqual({ x: 100, y: 100 + 140 + REVEAL_GAP })
  })

  it('touching edges do not count as overlap', () => {
    expect(freePlace(box, [{ x: 300, y: 100, w: 50, h: 50 }])).toEqual({ x: 100, y: 100 })
  })
})

describe('boxOf', () => {
  it('reads stored pos and size, and nothing else', () => {
    expect(boxOf({ x: 1, y: 2 }, { w: 3, h: 4 })).toEqual({ x: 1, y: 2, w: 3, h: 4 })
    expect(boxOf({ x: '1', y: 2 }, { w: 3, h: 4 })).toBeNull()
    expect(boxOf(null, { w: 3, h: 4 })).toBeNull()
    expect(boxOf({ x: 1, y: 2 }, undefined)).toBeNull()
  })
})
