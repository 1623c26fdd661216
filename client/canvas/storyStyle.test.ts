import { describe, expect, it } from 'vitest'
import { footerOf } from './storyStyle.ts'

describe('footerOf', () => {
  it('summarises outcome, measures and tags', () => {
    expect(footerOf({ outcome: 'better', measures: [{ name: 'income', value: 120, unit: '£/month' }, { name: 'x', value: 1, unit: '' }], tags: ['debt'] })).toBe(
      '▲ better · income 120 £/month +1 · #debt',
    )
    expect(footerOf({ measures: [], tags: [] })).toBe('')
  })
})
