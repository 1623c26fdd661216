import { describe, expect, it } from 'vitest'
import { safeHref } from './link.ts'

describe('safeHref', () => {
  it('keeps web and mail links', () => {
    for (const typed of [false, true]) {
      expect(safeHref('https://example.org/a', { typed })).toBe('https://example.org/a')
      expect(safeHref('HTTP://example.org', { typed })).toBe('HTTP://example.org')
      expect(safeHref('mailto:a@b.org', { typed })).toBe('mailto:a@b.org')
    }
  })
  it('refuses script and data links, whatever control characters hide the scheme', () => {
    for (const typed of [false, true]) {
      expect(safeHref('javascript:alert(1)', { typed })).toBeNull()
      expect(safeHref(' JavaScript:alert(1)', { typed })).toBeNull()
      expect(safeHref('java\tscript:alert(1)', { typed })).toBeNull()
      expect(safeHref('data:text/html,x', { typed })).toBeNull()
      expect(safeHref('', { typed })).toBeNull()
      expect(safeHref('\u0000\n', { typed })).toBeNull()
    }
  })
  it('reads a bare domain as https only when a person typed it', () => {
    expect(safeHref('example.org', { typed: true })).toBe('https://example.org')
    expect(safeHref('example.org')).toBeNull()
  })
})
