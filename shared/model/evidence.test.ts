import { describe, expect, it } from 'vitest'
import { summarizeEvidence } from './evidence.ts'
import type { Pattern } from './pattern.ts'
import type { Story } from './story.ts'

const story = (id: string, extra: Partial<Story> = {}): Story => ({
  id,
  pos: { x: 0, y: 0 },
  size: { w: 200, h: 140 },
  colour: '#fff3a8',
  z: 'a0',
  text: id,
  tags: [],
  measures: [],
  sensitivity: 'working',
  createdAt: 0,
  updatedAt: 0,
  ...extra,
})

describe('evidence summary', () => {
  const stories = new Map(
    [
      story('s1', { tellerRole: 'Tenant', outcome: 'better', measures: [{ name: 'Income', value: 120, unit: '£/month' }] }),
      story('s2', { tellerRole: 'tenant ', outcome: 'better', measures: [{ name: 'income', value: 80, unit: '£/month' }] }),
      story('s3', { tellerRole: 'Advisor', outcome: 'worse', sensitivity: 'restricted', measures: [{ name: 'Income', value: 10, unit: '$' }] }),
      story('s4', { outcome: 'mixed', sensitivity: 'confidential' }),
    ].map((s) => [s.id, s]),
  )
  const pattern: Pattern = {
    id: 'pattern1',
    name: 'Debt advice helps',
    description: '',
    area: { x: 0, y: 0, w: 400, h: 400 },
    members: [
      { storyId: 's1', role: 'supports' },
      { storyId: 's2', role: 'supports' },
      { storyId: 's3', role: 'counter-example' },
      { storyId: 's4', role: 'supports' },
      { storyId: 'gone', role: 'supports' },
    ],
    z: 'a0',
    createdAt: 0,
  }

  it('[E1] counts stories, roles, outcomes and sensitivities, skipping missing stories', () => {
    const s = summarizeEvidence(pattern, stories)
    expect(s.stories).toBe(4)
    expect(s.supports).toBe(3)
    expect(s.counterExamples).toBe(1)
    expect(s.tellerRoles).toEqual(['Tenant', 'Advisor'])
    expect(s.outcomes).toEqual({ better: 2, worse: 1, mixed: 1, unclear: 0 })
    expect(s.bySensitivity).toEqual({ working: 2, confidential: 1, restricted: 1 })
  })

  it('[E2] sums and averages measures by name and unit together', () => {
    const s = summarizeEvidence(pattern, stories)
    expect(s.measures).toEqual([
      { name: 'Income', unit: '$', count: 1, sum: 10, mean: 10 },
      { name: 'Income', unit: '£/month', count: 2, sum: 200, mean: 100 },
    ])
  })

  it('[E3] an empty pattern has an all-zero summary', () => {
    const s = summarizeEvidence({ ...pattern, members: [] }, stories)
    expect(s).toMatchObject({ stories: 0, tellerRoles: [], measures: [] })
  })
})
