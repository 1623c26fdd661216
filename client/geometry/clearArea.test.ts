import { describe, expect, it } from 'vitest'
import { boxesIntersect, type Box } from './camera.ts'
import { intrudersOf, moveOutOf } from './clearArea.ts'

const S = { w: 200, h: 140 }
const story = (id: string, x: number, y: number) => ({ id, box: { x, y, ...S } })
const area: Box = { x: 0, y: 0, w: 500, h: 400 }

describe('clearing a pattern area of stories that are not its members', () => {
  it('finds the non-members that overlap the area, even partly, and nobody else', () => {
    const all = [story('m1', 40, 40), story('in', 250, 40), story('edge', 450, 300), story('out', 600, 0)]
    expect(intrudersOf(area, all, new Set(['m1'])).map((s) => s.id)).toEqual(['in', 'edge'])
  })

  it('moves each just outside the area, onto no other story, each apart from the others', () => {
    const members = [story('m1', 40, 40), story('m2', 40, 220)]
    const outsideRight = story('o', 524, 40)
    const intruders = [story('a', 260, 40), story('b', 260, 220), story('c', 262, 42)]
    const taken = [...members, outsideRight].map((s) => s.box)
    const moves = moveOutOf(area, intruders, taken)
    expect(moves.map((m) => m.id)).toEqual(['a', 'b', 'c'])
    const boxes = moves.map((m) => ({ ...m.pos, ...S }))
    for (const b of boxes) {
      expect(boxesIntersect(b, area)).toBe(false)
      for (const t of taken) expect(boxesIntersect(b, t)).toBe(false)
    }
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(boxesIntersect(boxes[i]!, boxes[j]!)).toBe(false)
  })

  it('takes the shortest way out: a story near the bottom edge goes down, one near the right edge goes right', () => {
    const [down, right] = moveOutOf(area, [story('d', 40, 350), story('r', 450, 100)], [])
    expect(down!.pos).toEqual({ x: 40, y: 424 })
    expect(right!.pos).toEqual({ x: 524, y: 100 })
  })

  it('never lands in another pattern\'s area, but may stay in its own', () => {
    const other: Box = { x: 510, y: 0, w: 600, h: 600 }
    const [m] = moveOutOf(area, [story('r', 450, 100)], [other])
    expect(boxesIntersect({ ...m!.pos, ...S }, other)).toBe(false)
    const home: Box = { x: 400, y: 0, w: 600, h: 600 }
    const [stay] = moveOutOf(area, [{ ...story('h', 450, 100), home }], [home])
    expect(stay!.pos).toEqual({ x: 524, y: 100 })
  })
})
