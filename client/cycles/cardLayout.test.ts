import { describe, expect, it } from 'vitest'
import type { ConditionCard } from '../../shared/model/condition.ts'
import { BAND_H, CARD_GAP, CARD_W, COLUMN_GAP, HEADING_H, cardAt, cardRows, layoutColumn } from './cardLayout.ts'

const mono = (t: string) => t.length * 7
const card = (id: string, over: Partial<ConditionCard> = {}): ConditionCard => ({
  id,
  kind: 'barrier',
  name: 'Decisions take too long',
  summary: 'People wait weeks for a benefits decision and fall into arrears.',
  note: '',
  evidence: { stories: 3, supports: 3, counterExamples: 0, working: 1, confidential: 1, restricted: 1, tellerRoles: 1, outcomes: {} },
  source: { boardId: 'team', title: 'Benefits team', scale: 'team', patternId: 'p1' },
  status: 'raised',
  declineReason: null,
  responses: [],
  raisedAt: '2026-01-01T00:00:00.000Z',
  raisedBy: 'Ana',
  ...over,
})

describe('condition card layout', () => {
  it('lays rows out top to bottom under the band, skipping empty ones', () => {
    const { rows, height } = cardRows(card('c1'), mono)
    expect(rows.map((r) => r.key)).toEqual(['name', 'summary', 'evidence', 'source'])
    expect(rows[0]!.y).toBeGreaterThan(BAND_H)
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.y).toBeGreaterThanOrEqual(rows[i - 1]!.y + rows[i - 1]!.h)
    expect(height).toBeGreaterThan(rows.at(-1)!.y + rows.at(-1)!.h)
  })

  it('[E15] shows the note, the decline reason and the responses; never a quote (none is in the document)', () => {
    const c = card('c1', {
      note: 'Urgent',
      status: 'declined',
      declineReason: 'Statutory timescales',
      responses: [{ id: 'r', authorName: 'Bo', text: 'ok', at: '' }],
    })
    const keys = cardRows(c, mono).rows.map((r) => r.key)
    expect(keys.some((k) => k.startsWith('quote'))).toBe(false)
    expect(keys).toEqual(expect.arrayContaining(['note', 'reason', 'responses']))
  })

  it('places a column left of the content, cards stacked under a heading', () => {
    const col = layoutColumn([card('a'), card('b')], { x: 100, y: 50, w: 800, h: 600 }, mono)
    expect(col.heading).toEqual({ x: 100 - COLUMN_GAP - CARD_W, y: 50 })
    expect(col.cards.map((c) => c.x)).toEqual([col.heading.x, col.heading.x])
    expect(col.cards[0]!.y).toBe(50 + HEADING_H)
    expect(col.cards[1]!.y).toBe(col.cards[0]!.y + col.cards[0]!.h + CARD_GAP)
    expect(col.bounds).toEqual({ x: col.heading.x, y: 50, w: CARD_W, h: col.cards[1]!.y + col.cards[1]!.h - 50 })
  })

  it('starts left of the origin on an empty board and has no bounds without cards', () => {
    expect(layoutColumn([card('a')], null, mono).cards[0]!.x).toBe(-COLUMN_GAP - CARD_W)
    expect(layoutColumn([], null, mono).bounds).toBeNull()
  })

  it('finds the card under a point, and nothing between cards', () => {
    const col = layoutColumn([card('a'), card('b')], null, mono)
    const [a, b] = col.cards
    expect(cardAt(col, { x: a!.x + 5, y: a!.y + 5 })).toBe('a')
    expect(cardAt(col, { x: b!.x + b!.w, y: b!.y + b!.h })).toBe('b')
    expect(cardAt(col, { x: a!.x + 5, y: a!.y + a!.h + CARD_GAP / 2 })).toBeNull()
    expect(cardAt(col, { x: a!.x - 1, y: a!.y + 5 })).toBeNull()
  })
})

describe('placed condition cards', () => {
  it('[CY21] a placed card leaves the column and is hit where it was put, above the column', async () => {
    const { layoutCards, cardUnder } = await import('./cardLayout.ts')
    const placements = new Map([['c2', { pos: { x: 500, y: 600 } }]])
    const { column, placed } = layoutCards([card('c1'), card('c2')], placements, { x: 0, y: 0, w: 1000, h: 1000 }, mono)
    expect(column.cards.map((c) => c.id)).toEqual(['c1'])
    expect(placed).toMatchObject([{ id: 'c2', x: 500, y: 600, w: CARD_W }])
    expect(cardUnder(column, placed, { x: 510, y: 610 })?.id).toBe('c2')
    expect(cardUnder(column, placed, { x: column.cards[0]!.x + 5, y: column.cards[0]!.y + 5 })?.id).toBe('c1')
    expect(cardUnder(column, placed, { x: 5000, y: 5000 })).toBeNull()
  })
})
