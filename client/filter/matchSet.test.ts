import { describe, expect, it } from 'vitest'
import type { Story } from '../../shared/model/story.ts'
import { criteriaCount, matchSet, withCriterion } from './matchSet.ts'

const story = (id: string, over: Partial<Story> = {}): Story => ({
  id, pos: { x: 0, y: 0 }, size: { w: 200, h: 140 }, colour: '#fff3a8', z: 'a0', text: '', tags: [], measures: [], sensitivity: 'working', createdAt: 0, updatedAt: 0, ...over,
})
const stories = [story('rent', { text: 'Rent arrears cleared', tags: ['housing'], outcome: 'better' }), story('gp', { text: 'Saw a GP', sensitivity: 'restricted', outcome: 'worse' })]

describe('filter matches', () => {
  it('is null for an empty filter', () => {
    expect(matchSet(stories, {})).toBeNull()
    expect(matchSet(stories, { text: '  ' })).toBeNull()
  })

  it('matches text, tags, outcome and sensitivity', () => {
    expect([...matchSet(stories, { text: 'rent' })!]).toEqual(['rent'])
    expect([...matchSet(stories, withCriterion({}, 'tags', 'Housing'))!]).toEqual(['rent'])
    expect([...matchSet(stories, withCriterion({}, 'outcomes', 'worse'))!]).toEqual(['gp'])
    expect([...matchSet(stories, withCriterion({}, 'sensitivities', 'working'))!]).toEqual(['rent'])
  })

  it('sets and clears criteria from form values', () => {
    const f = withCriterion(withCriterion({}, 'text', 'gp'), 'outcomes', 'better')
    expect(f).toEqual({ text: 'gp', outcomes: ['better'] })
    expect(criteriaCount(f)).toBe(2)
    expect(withCriterion(f, 'outcomes', '')).toEqual({ text: 'gp' })
    expect(matchSet(stories, f)!.size).toBe(0)
  })
})
