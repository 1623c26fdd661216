import { describe, expect, it } from 'vitest'
import { filterChoices, isEmptyFilter, matchesFilter } from './filter.ts'
import type { Story } from './story.ts'

const story = (extra: Partial<Story>): Story => ({
  id: 'abcdef',
  pos: { x: 0, y: 0 },
  size: { w: 200, h: 140 },
  colour: '#fff3a8',
  z: 'a0',
  text: '',
  tags: [],
  measures: [],
  sensitivity: 'working',
  createdAt: 0,
  updatedAt: 0,
  ...extra,
})

describe('story filter', () => {
  const s = story({ text: 'Rent arrears cleared after the café visit', tags: ['Housing', 'debt'], experiment: 'Open door', outcome: 'better' })

  it('[F1] text matches every word, case- and accent-insensitively, across text, tags and fields', () => {
    expect(matchesFilter(s, { text: 'CAFE rent' })).toBe(true)
    expect(matchesFilter(s, { text: 'housing open' })).toBe(true)
    expect(matchesFilter(s, { text: 'rent eviction' })).toBe(false)
  })

  it('[F2] tags, experiment, outcome and sensitivity narrow; any listed value matches', () => {
    expect(matchesFilter(s, { tags: ['housing'] })).toBe(true)
    expect(matchesFilter(s, { tags: ['health', 'DEBT'] })).toBe(true)
    expect(matchesFilter(s, { tags: ['health'] })).toBe(false)
    expect(matchesFilter(s, { experiment: 'open door' })).toBe(true)
    expect(matchesFilter(s, { experiment: 'open' })).toBe(false)
    expect(matchesFilter(s, { outcomes: ['worse', 'better'] })).toBe(true)
    expect(matchesFilter(story({}), { outcomes: ['better'] })).toBe(false)
    expect(matchesFilter(s, { sensitivities: ['restricted'] })).toBe(false)
    expect(matchesFilter(s, { tags: ['housing'], outcomes: ['worse'] })).toBe(false)
  })

  it('[F3] an empty filter is recognised and matches everything', () => {
    expect(isEmptyFilter({ text: '  ', tags: [] })).toBe(true)
    expect(isEmptyFilter({ outcomes: ['better'] })).toBe(false)
    expect(matchesFilter(story({}), {})).toBe(true)
  })

  it('[F4] choices list distinct tags and experiments', () => {
    expect(filterChoices([s, story({ tags: ['housing', 'Work'], experiment: 'OPEN DOOR' })])).toEqual({
      tags: ['debt', 'Housing', 'Work'],
      experiments: ['Open door'],
    })
  })
})
