import { describe, expect, it } from 'vitest'
import type { MapCycle, MapLink } from './cyclesApi.ts'
import { layoutMap, NODE_H, orderRows } from './mapLayout.ts'

const counts = { enablers: 0, barriers: 0 }
const cycle = (id: string, scale: MapCycle['scale'], title = id): MapCycle => ({ id, title, scale, element: 'understand', role: 'owner', raised: counts, received: counts })
const link = (lower: string, higher: string, status: MapLink['status'] = 'active', kind: MapLink['kind'] = 'vertical'): MapLink => ({ id: `${lower}-${higher}`, kind, status, lower, higher })

describe('map layout', () => {
  it('puts region at the top and person at the bottom', () => {
    const map = layoutMap([cycle('me', 'person'), cycle('uk', 'region'), cycle('team', 'team')], [])
    const y = (id: string) => map.nodes.find((n) => n.cycle.id === id)!.y
    expect(y('uk')).toBeLessThan(y('team'))
    expect(y('team')).toBeLessThan(y('me'))
    expect(map.rows.map((r) => r.scale)).toEqual(['region', 'place', 'organisation', 'team', 'person'])
    expect(map.rows.find((r) => r.scale === 'team')?.count).toBe(1)
    // Empty scales keep a thin row; the rows tile the height.
    expect(map.rows.find((r) => r.scale === 'place')!.h).toBeLessThan(map.rows.find((r) => r.scale === 'team')!.h)
    const last = map.rows.at(-1)!
    expect(map.height).toBeGreaterThan(last.y + last.h)
  })

  it('orders a row under the cycles it links to', () => {
    const cycles = [cycle('org-a', 'organisation', 'A'), cycle('org-b', 'organisation', 'B'), cycle('t1', 'team', 'Alpha'), cycle('t2', 'team', 'Beta')]
    // Beta links to A and Alpha to B: Beta should come first.
    const rows = orderRows(cycles, [link('t2', 'org-a'), link('t1', 'org-b')])
    expect(rows.get('team')!.map((c) => c.id)).toEqual(['t2', 't1'])
  })

  it('draws a line per link between visible cycles, pending ones dashed', () => {
    const map = layoutMap([cycle('t', 'team'), cycle('o', 'organisation'), cycle('p', 'team')], [link('t', 'o', 'pending'), link('p', 't', 'active', 'horizontal'), link('t', 'gone')])
    expect(map.edges).toHaveLength(2)
    const vertical = map.edges.find((e) => e.link.higher === 'o')!
    expect(vertical.dashed).toBe(true)
    const team = map.nodes.find((n) => n.cycle.id === 't')!
    const org = map.nodes.find((n) => n.cycle.id === 'o')!
    expect(vertical.d).toBe(`M${team.x + team.w / 2} ${team.y} L${org.x + org.w / 2} ${org.y + NODE_H}`)
    expect(map.edges.find((e) => e.link.kind === 'horizontal')!.d.startsWith('M')).toBe(true)
  })

  it('is wide enough for the widest row', () => {
    const wide = layoutMap([cycle('a', 'team'), cycle('b', 'team'), cycle('c', 'team')], [])
    for (const n of wide.nodes) expect(n.x + n.w).toBeLessThanOrEqual(wide.width)
  })

  it('stretches to the width on screen and centres each row', () => {
    const map = layoutMap([cycle('a', 'team')], [], 1200)
    expect(map.width).toBe(1200)
    const n = map.nodes[0]!
    expect(Math.round(n.x + n.w / 2)).toBe(Math.round(150 + (1200 - 150) / 2))
  })

  it('routes a link around the cycles of the rows it skips', () => {
    const cycles = [cycle('t', 'team'), cycle('o', 'organisation'), cycle('p', 'place')]
    const map = layoutMap(cycles, [link('t', 'o'), link('t', 'p', 'pending')])
    const skip = map.edges.find((e) => e.link.higher === 'p')!
    expect(skip.d).toContain('C')
    expect(map.edges.find((e) => e.link.higher === 'o')!.d).toContain('L')
    // Without a cycle in between, it stays straight.
    const direct = layoutMap([cycle('t', 'team'), cycle('p', 'place')], [link('t', 'p')])
    expect(direct.edges[0]!.d).toContain('L')
  })
})
