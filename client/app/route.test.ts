import { describe, expect, it } from 'vitest'
import { boardPath, invitePath, parseRoute, presentPath } from './route.ts'

describe('routes', () => {
  it('parses home, boards and the rest', () => {
    expect(parseRoute('/')).toEqual({ name: 'home' })
    expect(parseRoute('/b/abc_DEF-123')).toEqual({ name: 'board', boardId: 'abc_DEF-123' })
    expect(parseRoute('/b/abc/')).toEqual({ name: 'board', boardId: 'abc' })
    expect(parseRoute('/b/../x')).toEqual({ name: 'notFound' })
    expect(parseRoute('/elsewhere')).toEqual({ name: 'notFound' })
    expect(parseRoute('/map')).toEqual({ name: 'map' })
  })
  it('parses the presenter view of a board', () => {
    expect(parseRoute('/b/abc_DEF-123/present')).toEqual({ name: 'present', boardId: 'abc_DEF-123' })
    expect(parseRoute('/b/abc/present/')).toEqual({ name: 'present', boardId: 'abc' })
    expect(parseRoute('/b/abc/presents')).toEqual({ name: 'notFound' })
    expect(parseRoute('/b/../present')).toEqual({ name: 'notFound' })
    expect(presentPath('abc')).toBe('/b/abc/present')
  })
  it('parses invite links', () => {
    const token = 'Qm9hcmQtdG9rZW4tMzItYnl0ZXMtYmFzZTY0dXJsXy0'
    expect(parseRoute(`/i/${token}`)).toEqual({ name: 'invite', token })
    expect(parseRoute(`/i/${token}/`)).toEqual({ name: 'invite', token })
    expect(parseRoute('/i/')).toEqual({ name: 'notFound' })
    expect(parseRoute('/i/a.b')).toEqual({ name: 'notFound' })
    expect(parseRoute(`/i/${'x'.repeat(101)}`)).toEqual({ name: 'notFound' })
  })
  it('builds board and invite paths', () => {
    expect(boardPath('abc')).toBe('/b/abc')
    expect(invitePath('t_-1')).toBe('/i/t_-1')
  })
})
