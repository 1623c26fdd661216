import { describe, expect, it } from 'vitest'
import { safeHref } from './safeLink.ts'

describe('safeHref', () => {
  it('keeps web and mail links', () => {
    expect(safeHref('https://example.org/a')).toBe('https://example.org/a')
    expect(safeHref('mailto:a@b.org')).toBe('mailto:a@b.org')
    expect(safeHref('example.org')).toBe('https://example.org')
  })
  it('refuses script and data links', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull()
    expect(safeHref(' JavaScript:alert(1)')).toBeNull()
    expect(safeHref('data:text/html,x')).toBeNull()
    expect(safeHref('')).toBeNull()
  })
})
