import { describe, expect, it } from 'vitest'
import type { PatternReference } from '../../shared/model/condition.ts'
import { BAND_H, CARD_GAP, CARD_W, COLUMN_GAP, HEADING_H, cardAt, layoutColumn } from './cardLayout.ts'
import { layoutReferenceColumn, notLiveText, referenceBand, referenceRows, referenceSource } from './referenceLayout.ts'

const mono = (t: string) => t.length * 7
const ref = (id: string, over: Partial<PatternReference> = {}): PatternReference => ({
  id,
  name: 'Letters nobody understands',
  summary: 'Tenants ignore letters written in legal language.',
  evidence: { stories: 4, supports: 3, counterExamples: 1, working: 2, confidential: 1, restricted: 1, tellerRoles: 2, outcomes: {} },
  source: { boardId: 'peer', title: 'Housing team', scale: 'team', patternId: 'p9' },
  live: true,
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
})

describe('peer reference card layout', () => {
  it('shows name, summary, evidence counts and the sharing cycle; never quotes', () => {
    const { rows, height } = referenceRows(ref('s1'), mono)
    expect(rows.map((r) => r.key)).toEqual(['name', 'summary', 'evidence', 'source'])
    expect(rows.find((r) => r.key === 'evidence')!.lines.join(' ')).toContain('4 stories: 3 supporting, 1 counter-example')
    expect(rows.find((r) => r.key === 'source')!.lines).toEqual([referenceSource(ref('s1'))])
    expect(referenceSource(ref('s1'))).toBe('Shared by Housing team (Team)')
    expect(rows.flatMap((r) => r.lines).join(' ')).not.toContain('I threw it away')
    expect(rows[0]!.y).toBeGreaterThan(BAND_H)
    expect(height).toBeGreaterThan(rows.at(-1)!.y + rows.at(-1)!.h)
    expect(referenceBand(ref('s1'))).toMatch(/READ ONLY/)
  })

  it('says when the original is gone', () => {
    const gone = ref('s1', { live: false })
    const { rows } = referenceRows(gone, mono)
    expect(rows.at(-1)!.key).toBe('not-live')
    expect(rows.at(-1)!.lines.join(' ')).toContain('No longer live')
    expect(notLiveText(gone)).toContain('Housing team')
    expect(referenceBand(gone)).toMatch(/NO LONGER LIVE/)
  })

  it('stacks cards right of the content, apart from the "Raised from below" column, and hit-tests them', () => {
    const content = { x: 100, y: 50, w: 800, h: 400 }
    const column = layoutReferenceColumn([ref('a'), ref('b')], content, mono)
    const [a, b] = column.cards
    expect(a!.x).toBe(content.x + content.w + COLUMN_GAP)
    expect(a!.w).toBe(CARD_W)
    expect(a!.y).toBe(content.y + HEADING_H)
    expect(b!.y).toBe(a!.y + a!.h + CARD_GAP)
    expect(cardAt(column, { x: b!.x + 5, y: b!.y + 5 })).toBe('b')
    expect(cardAt(column, { x: content.x + 10, y: content.y + 10 })).toBeNull()
    const left = layoutColumn([], content, mono)
    expect(left.heading.x + CARD_W).toBeLessThan(content.x)
    expect(layoutReferenceColumn([], content, mono).bounds).toBeNull()
  })
})
