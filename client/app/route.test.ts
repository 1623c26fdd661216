import { describe, expect, it } from 'vitest'
import { boardPath, parseRoute } from './route.ts'

describe('routes', () => {
  it('parses home, boards and the rest', () => {
    expect(parseRoute('/')).toEqual({ name: 'home' })
    expect(parseRoute('/b/abc_DEF-123')).toEqual({ name: 'board', boardId: 'abc_DEF-123' })
    expect(parseRoute('/b/abc/')).toEqual({ name: 'board', boardId: 'abc' })
    expect(parseRoute('/b/../x')).toEqual({ name: 'notFound' })
    expect(parseRoute('/elsewhere')).toEqual({ name: 'notFound' })
  })
  it('builds board paths', () => {
    expect(boardPath('abc')).toBe('/b/abc')
  })
})
