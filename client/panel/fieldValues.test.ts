import { describe, expect, it } from 'vitest'
import { optionalText, rowsToMeasures, tagsToText, textToTags } from './fieldValues.ts'

describe('story panel values', () => {
  it('parses tags', () => {
    expect(textToTags(' debt, #housing,, debt ')).toEqual(['debt', 'housing'])
    expect(tagsToText(['a', 'b'])).toBe('a, b')
  })
  it('clears empty text', () => {
    expect(optionalText('  ')).toBeNull()
    expect(optionalText(' x ')).toBe('x')
  })
  it('keeps only complete measures', () => {
    expect(
      rowsToMeasures([
        { name: 'income', value: '120,5', unit: '£/month' },
        { name: '', value: '3', unit: '' },
        { name: 'visits', value: 'abc', unit: '' },
        { name: 'visits', value: '', unit: '' },
      ]),
    ).toEqual([{ name: 'income', value: 120.5, unit: '£/month' }])
  })
})
