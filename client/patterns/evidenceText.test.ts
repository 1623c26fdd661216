import { describe, expect, it } from 'vitest'
import type { EvidenceSummary } from '../../shared/model/evidence.ts'
import { evidenceLines, evidenceShort, formatNumber } from './evidenceText.ts'

const summary: EvidenceSummary = {
  stories: 3,
  supports: 2,
  counterExamples: 1,
  tellerRoles: ['tenant', 'support worker'],
  outcomes: { better: 2, worse: 0, mixed: 0, unclear: 1 },
  measures: [{ name: 'income', unit: '£/month', count: 2, sum: 250, mean: 125 }],
  bySensitivity: { working: 2, confidential: 1, restricted: 0 },
}

describe('evidence in words', () => {
  it('says counts, roles, outcomes and measures', () => {
    expect(evidenceLines(summary)).toEqual({
      stories: '3 stories: 2 supporting, 1 counter-example',
      roles: '2 teller roles: tenant, support worker',
      outcomes: 'Outcomes: 2 better, 1 unclear',
      measures: ['income (£/month): total 250, mean 125 over 2 stories'],
      sensitivity: 'Sensitive: 1 confidential',
    })
  })

  it('says when nothing is recorded', () => {
    const empty = { ...summary, stories: 0, supports: 0, counterExamples: 0, tellerRoles: [], outcomes: { better: 0, worse: 0, mixed: 0, unclear: 0 }, measures: [], bySensitivity: { working: 0, confidential: 0, restricted: 0 } }
    const lines = evidenceLines(empty)
    expect(lines.stories).toBe('0 stories: 0 supporting, 0 counter-examples')
    expect(lines.roles).toBe('No teller roles recorded')
    expect(lines.outcomes).toBe('No outcome directions recorded')
    expect(lines.sensitivity).toBeNull()
  })

  it('keeps numbers short', () => {
    expect(formatNumber(1234)).toBe('1,234')
    expect(formatNumber(10 / 3)).toBe('3.33')
    expect(evidenceShort({ stories: 1, counterExamples: 0 })).toBe('1 story')
    expect(evidenceShort({ stories: 4, counterExamples: 1 })).toBe('4 stories (1 counter)')
  })
})
