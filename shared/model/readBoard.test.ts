import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addPattern, addStory, newBoard } from '../testing/board.ts'
import { membersMap, metaMap, patternsMap, ROOT, storiesMap } from './layout.ts'
import { readBoard } from './readBoard.ts'
import { SCHEMA_VERSION } from './migrations.ts'

const ids = (doc: Y.Doc) => readBoard(doc).stories.map((s) => s.id)
const rawStories = (doc: Y.Doc) => doc.getMap<unknown>(ROOT.stories)

describe('readBoard: the tolerant reader', () => {
  it('reads a well-formed board without problems', () => {
    const doc = newBoard()
    addStory(doc, 'story-1', { text: 'hello' })
    addPattern(doc, 'pattern-a', ['story-1'])
    const board = readBoard(doc)
    expect(board.problems).toEqual([])
    expect(board.meta).toEqual({
      title: 'Untitled board',
      scale: 'team',
      element: 'understand',
      schemaVersion: SCHEMA_VERSION,
    })
    expect(board.stories).toHaveLength(1)
    expect(board.patterns[0]?.members).toEqual([{ storyId: 'story-1', role: 'supports' }])
  })

  it('[M9] skips a story that is not a Y.Map and reports it', () => {
    const doc = newBoard()
    addStory(doc, 'story-1')
    rawStories(doc).set('story-x', 'not a map')
    rawStories(doc).set('story-y', { id: 'story-y', pos: { x: 0, y: 0 } })
    const board = readBoard(doc)
    expect(board.stories.map((s) => s.id)).toEqual(['story-1'])
    expect(board.problems).toEqual([
      { code: 'bad_record', message: 'story is not a map', path: 'stories.story-x' },
      { code: 'bad_record', message: 'story is not a map', path: 'stories.story-y' },
    ])
  })

  it.each([
    ['a string position', 'nowhere'],
    ['a missing coordinate', { x: 1 }],
    ['an unbounded coordinate', { x: 1e12, y: 0 }],
  ])('[M9] skips a story with %s and reports it', (_what, pos) => {
    const doc = newBoard()
    addStory(doc, 'story-1')
    addStory(doc, 'story-2')
    storiesMap(doc).get('story-2')?.set('pos', pos)
    const board = readBoard(doc)
    expect(board.stories.map((s) => s.id)).toEqual(['story-1'])
    expect(board.problems).toMatchObject([{ code: 'bad_record', path: 'stories.story-2' }])
    expect(board.problems[0]?.message).toMatch(/^pos/)
  })

  it('[M9] skips a story whose key is not a valid id', () => {
    const doc = newBoard()
    addStory(doc, 'story-1')
    const copy = storiesMap(doc).get('story-1')!.clone()
    storiesMap(doc).set('a b', copy)
    expect(ids(doc)).toEqual(['story-1'])
    expect(readBoard(doc).problems).toMatchObject([{ code: 'bad_record', path: 'stories.a b' }])
  })

  it('[M9] drops an invalid optional field, keeps the story and reports the field', () => {
    const doc = newBoard()
    addStory(doc, 'story-1', { fields: { experiment: 'Drop-in' }, author: 'user-7' })
    const map = storiesMap(doc).get('story-1')!
    map.set('outcome', 'great')
    map.set('author', 42)
    const board = readBoard(doc)
    expect(board.stories[0]).toMatchObject({ id: 'story-1', experiment: 'Drop-in' })
    expect(board.stories[0]).not.toHaveProperty('outcome')
    expect(board.stories[0]).not.toHaveProperty('author')
    expect(board.problems).toEqual([
      { code: 'bad_field', message: 'dropped invalid author', path: 'stories.story-1.author' },
      { code: 'bad_field', message: 'dropped invalid outcome', path: 'stories.story-1.outcome' },
    ])
  })

  it('[M9] resets invalid tags, measures and sensitivity to their defaults and reports them', () => {
    const doc = newBoard()
    addStory(doc, 'story-1', { fields: { sensitivity: 'confidential' } })
    const map = storiesMap(doc).get('story-1')!
    map.set('tags', 'housing')
    map.set('measures', [{ name: '', value: 1, unit: '' }])
    map.set('sensitivity', 'secret')
    const board = readBoard(doc)
    expect(board.stories[0]).toMatchObject({ tags: [], measures: [], sensitivity: 'working' })
    expect(board.problems.map((p) => p.path)).toEqual([
      'stories.story-1.measures',
      'stories.story-1.sensitivity',
      'stories.story-1.tags',
    ])
  })

  it('[M9] reads a story whose text is not a fragment as empty text', () => {
    const doc = newBoard()
    addStory(doc, 'story-1', { text: 'hello' })
    storiesMap(doc).get('story-1')?.set('text', '<script>')
    expect(readBoard(doc).stories[0]?.text).toBe('')
  })

  it('[M9] ignores membership entries that point at missing stories or patterns, and reports them', () => {
    const doc = newBoard()
    addStory(doc, 'story-1')
    addStory(doc, 'story-2')
    addPattern(doc, 'pattern-a', ['story-1'])
    membersMap(doc).set('story-404', { pattern: 'pattern-a', role: 'supports' })
    membersMap(doc).set('story-2', { pattern: 'pattern-404', role: 'supports' })
    const board = readBoard(doc)
    expect(board.stories).toHaveLength(2)
    expect(board.patterns[0]?.members).toEqual([{ storyId: 'story-1', role: 'supports' }])
    expect(board.problems).toMatchObject([
      { code: 'dangling_member', path: 'members.story-2' },
      { code: 'dangling_member', path: 'members.story-404' },
    ])
  })

  it('[M9] skips a malformed membership entry and reports it', () => {
    const doc = newBoard()
    addStory(doc, 'story-1')
    addPattern(doc, 'pattern-a')
    membersMap(doc).set('story-1', { pattern: 'pattern-a', role: 'maybe' })
    const board = readBoard(doc)
    expect(board.patterns[0]?.members).toEqual([])
    expect(board.problems).toMatchObject([{ code: 'bad_record', path: 'members.story-1' }])
  })

  it('[M9] skips a pattern that is not a map or has a bad area, keeping the others', () => {
    const doc = newBoard()
    addPattern(doc, 'pattern-a')
    addPattern(doc, 'pattern-b')
    doc.getMap<unknown>(ROOT.patterns).set('pattern-c', 7)
    patternsMap(doc).get('pattern-b')?.set('area', { x: 0, y: 0, w: 0, h: 0 })
    const board = readBoard(doc)
    expect(board.patterns.map((p) => p.id)).toEqual(['pattern-a'])
    expect(board.problems).toMatchObject([
      { code: 'bad_record', path: 'patterns.pattern-b' },
      { code: 'bad_record', message: 'pattern is not a map', path: 'patterns.pattern-c' },
    ])
  })

  it.each([
    ['a doc never migrated', () => new Y.Doc()],
    ['an empty title', () => spoilt('title', '  ')],
    ['an unknown scale', () => spoilt('scale', 'galaxy')],
    ['a negative schema version', () => spoilt('schemaVersion', -1)],
  ])('[M9] reads %s as meta null with a problem, and still reads the stories', (_what, make) => {
    const doc = make()
    addStory(doc, 'story-1')
    const board = readBoard(doc)
    expect(board.meta).toBeNull()
    expect(board.problems).toMatchObject([{ code: 'bad_record', path: 'meta' }])
    expect(board.stories).toHaveLength(1)
  })
})

function spoilt(key: string, value: unknown): Y.Doc {
  const doc = newBoard()
  metaMap(doc).set(key, value)
  return doc
}
