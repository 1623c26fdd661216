import { describe, expect, it } from 'vitest'
import { readableTextOn } from './readableText.ts'

describe('readable initials', () => {
  it('picks black on light and mid colours, white on dark ones', () => {
    expect(readableTextOn('#ffffff')).toBe('#000000')
    expect(readableTextOn('#e63946')).toBe('#000000')
    expect(readableTextOn('#1d3557')).toBe('#ffffff')
    expect(readableTextOn('not a colour')).toBe('#000000')
  })
})
