import { describe, expect, it } from 'vitest'
import { tidyLayout, type TidyMember } from './tidyLayout.ts'

const m = (id: string, x: number, y: number, role: TidyMember['role'] = 'supports'): TidyMember => ({ id, role, pos: { x, y }, size: { w: 200, h: 140 } })
const area = { x: 100, y: 50, w: 900, h: 900 }

describe('tidyLayout', () => {
  it('leaves an empty pattern alone', () => {
    expect(tidyLayout(area, [])).toBeNull()
  })

  it('arranges stories in a grid from the area corner and fits the area', () => {
    const r = tidyLayout(area, [m('c', 500, 500), m('a', 0, 0), m('b', 300, 0), m('d', 0, 900)])!
    expect(r.moves.map((x) => x.id)).toEqual(['a', 'b', 'c', 'd'])
    expect(r.moves[0]!.pos).toEqual({ x: 132, y: 82 })
    expect(r.moves[1]!.pos).toEqual({ x: 132 + 224, y: 82 })
    expect(r.moves[2]!.pos).toEqual({ x: 132, y: 82 + 164 })
    expect(r.area).toEqual({ x: 100, y: 50, w: 64 + 2 * 200 + 24, h: 64 + 2 * 140 + 24 })
  })

  it('puts counter-examples after supporting stories', () => {
    const r = tidyLayout(area, [m('x', 0, 0, 'counter-example'), m('y', 900, 900)])!
    expect(r.moves.map((x) => x.id)).toEqual(['y', 'x'])
  })

  it('uses the largest story as the cell, so nothing overlaps', () => {
    const big = { ...m('big', 0, 0), size: { w: 400, h: 300 } }
    const r = tidyLayout(area, [big, m('s', 10, 10)])!
    const [a, b] = r.moves
    expect(b!.pos.x - a!.pos.x >= 400 || b!.pos.y - a!.pos.y >= 300).toBe(true)
    expect(r.area.w).toBeGreaterThanOrEqual(400 + 64)
  })

  it('is roughly square on screen for many stories', () => {
    const many = Array.from({ length: 30 }, (_, i) => m(`s${i}`, i * 10, 0))
    const r = tidyLayout(area, many)!
    expect(r.area.w / r.area.h).toBeGreaterThan(0.6)
    expect(r.area.w / r.area.h).toBeLessThan(1.6)
    expect(new Set(r.moves.map((x) => `${x.pos.x},${x.pos.y}`)).size).toBe(30)
  })
})
