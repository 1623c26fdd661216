import { describe, expect, it } from 'vitest'
import { memberLabel } from './memberLabel.ts'

describe('a member story in the pattern panel', () => {
  it('names a restricted story as restricted, not empty; others by their first 80 characters', () => {
    expect(memberLabel({ text: '', sensitivity: 'restricted' })).toBe('Restricted story (its text is kept apart)')
    expect(memberLabel({ text: '', sensitivity: 'working' })).toBe('Empty story')
    expect(memberLabel({ text: 'x'.repeat(100), sensitivity: 'working' })).toBe('x'.repeat(80))
  })
})
