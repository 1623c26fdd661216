import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Pattern } from '../../shared/model/pattern.ts'
import { placeWorkshop } from '../../shared/templates/placeWorkshop.ts'
import { harvest, NO_TABLE, readAreas, tableOf, type Area } from './tableAreas.ts'

const tables: Area[] = placeWorkshop.areas.map((a, i) => ({ id: `place-workshop-${i}`, ...a }))
const pattern = (id: string, area: Pattern['area'], supports = 0, counters = 0, name = id): Pattern => ({
  id,
  name,
  description: '',
  area,
  members: [
    ...Array.from({ length: supports }, (_, i) => ({ storyId: `${id}-s${i}`, role: 'supports' as const })),
    ...Array.from({ length: counters }, (_, i) => ({ storyId: `${id}-c${i}`, role: 'counter-example' as const })),
  ],
  z: 'a',
  createdAt: 0,
})

describe('table areas', () => {
  it('reads the areas root in template order and skips bad records', () => {
    const doc = new Y.Doc()
    const map = doc.getMap('areas')
    tables.forEach((t) => map.set(t.id, { label: t.label, kind: t.kind, rect: t.rect }))
    map.set('bad', { label: '', kind: 'table', rect: { x: 0, y: 0, w: 1, h: 1 } })
    map.set('worse', 'not an area')
    const areas = readAreas(doc)
    expect(areas.map((a) => a.label)).toEqual(['Table 1', 'Table 2', 'Table 3', 'Table 4', 'Table 5', 'Table 6', 'Table 7', 'Table 8'])
    expect(readAreas(new Y.Doc())).toEqual([])
  })

  it('a pattern belongs to the table its centre lies in, even when it spills over an edge', () => {
    expect(tableOf({ x: 100, y: 100, w: 400, h: 300 }, tables)?.label).toBe('Table 1')
    expect(tableOf({ x: 1500, y: 1200, w: 400, h: 300 }, tables)?.label).toBe('Table 6')
    // Centre at x=1250 is inside Table 1 (0–1300) though its right part lies in the gap and Table 2.
    expect(tableOf({ x: 1000, y: 100, w: 500, h: 200 }, tables)?.label).toBe('Table 1')
    expect(tableOf({ x: 1310, y: 100, w: 80, h: 80 }, tables)).toBeNull()
    expect(tableOf({ x: -5000, y: 0, w: 100, h: 100 }, tables)).toBeNull()
  })

  it('where tables overlap, the one covering most of the pattern wins', () => {
    const a = { id: 'a', label: 'A', kind: 'table' as const, rect: { x: 0, y: 0, w: 1000, h: 1000 } }
    const b = { id: 'b', label: 'B', kind: 'table' as const, rect: { x: 500, y: 0, w: 1000, h: 1000 } }
    expect(tableOf({ x: 800, y: 100, w: 400, h: 100 }, [a, b])?.id).toBe('b')
    expect(tableOf({ x: 300, y: 100, w: 500, h: 100 }, [a, b])?.id).toBe('a')
  })
})

describe('harvest', () => {
  const patterns = [
    pattern('late', { x: 100, y: 600, w: 400, h: 300 }, 2),
    pattern('early', { x: 100, y: 100, w: 400, h: 300 }, 3, 1, 'Trust comes first'),
    pattern('t2', { x: 1500, y: 100, w: 400, h: 300 }, 1),
    pattern('nowhere', { x: 9000, y: 9000, w: 400, h: 300 }),
  ]

  it('puts each table\'s patterns in its column, read top to bottom, with evidence in words; votes hidden until the close', () => {
    const cols = harvest(tables, patterns, null)
    expect(cols.map((c) => c.label)).toEqual([...tables.map((t) => t.label), 'Not at a table'])
    expect(cols[0]!.patterns.map((p) => p.id)).toEqual(['early', 'late'])
    expect(cols[0]!.patterns[0]).toMatchObject({ name: 'Trust comes first', stories: 4, supports: 3, counterExamples: 1, evidence: '4 stories (1 counter)', votes: null })
    expect(cols[1]!.patterns.map((p) => p.id)).toEqual(['t2'])
    expect(cols[2]!.patterns).toEqual([])
    expect(cols.at(-1)!.id).toBe(NO_TABLE)
  })

  it('after the vote closes, shows totals (0 for none) and the most voted first', () => {
    const cols = harvest(tables, patterns, { late: 5, early: 2 })
    expect(cols[0]!.patterns.map((p) => [p.id, p.votes])).toEqual([['late', 5], ['early', 2]])
    expect(cols[1]!.patterns[0]!.votes).toBe(0)
  })

  it('only tables make columns; no "not at a table" column when every pattern sits at one', () => {
    const zone: Area = { id: 'z', label: 'Stewardship', kind: 'zone', rect: { x: 0, y: 0, w: 9000, h: 9000 } }
    const cols = harvest([zone, ...tables], patterns.slice(0, 3), null)
    expect(cols.map((c) => c.id)).toEqual(tables.map((t) => t.id))
  })
})
