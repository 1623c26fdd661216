import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addPattern, addStory, newBoard } from '../testing/board.ts'
import { duplicateStories } from '../ops/story.ts'
import { carriedPattern, linkedQuotes } from './carried.ts'
import { storiesMap } from './layout.ts'
import { readBoard } from './readBoard.ts'
import { fromPlaceholder, putRestricted, readRestrictedStory, takeRestricted, toPlaceholder } from './restricted.ts'
import { readWithdrawn, withdrawStory } from './withdrawal.ts'

const SERVER = { kind: 'server', reason: 'test' } as const
const SECRET = 'CANARY-unit-6a1d arrears and a court date'
const consent = { givenBy: 'tenant', covers: ['linkedBoards', 'quotes'] as const, date: '2026-11-20' }

/** A garbage-collected copy of the document's full state, as the server stores it after compaction. */
const compacted = (doc: Y.Doc) => {
  const copy = new Y.Doc({ gc: true })
  Y.applyUpdateV2(copy, Y.encodeStateAsUpdateV2(doc))
  const bytes = Y.encodeStateAsUpdateV2(copy)
  return { includes: (text: Uint8Array) => indexOf(bytes, text) >= 0 }
}

const utf8 = (text: string) => new TextEncoder().encode(text)

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer
    return i
  }
  return -1
}

describe('restricted placeholders', () => {
  it('[E5] a placeholder keeps place and membership, no content; the content round-trips through the restricted document', () => {
    const board = newBoard()
    addStory(board, 'story-1', { pos: { x: 7, y: 9 }, text: SECRET, fields: { tellerRole: 'tenant', tags: ['debt'], consent: { ...consent, covers: [...consent.covers] } } })
    addPattern(board, 'pattern-1', ['story-1'])
    const restricted = newBoard()
    const taken = toPlaceholder(board, 'story-1', SERVER)
    if (!taken.ok) throw new Error('placeholder')
    putRestricted(restricted, 'story-1', taken.value, 1, SERVER)

    const placeholder = readBoard(board).stories[0]!
    expect(placeholder).toMatchObject({ id: 'story-1', pos: { x: 7, y: 9 }, sensitivity: 'restricted', text: '', tags: [], measures: [] })
    expect(placeholder.tellerRole).toBeUndefined()
    expect(carriedPattern(board, 'pattern-1')!.evidence).toMatchObject({ stories: 1, restricted: 1 })
    expect(linkedQuotes(board, 'pattern-1')).toEqual([])
    expect(compacted(board).includes(utf8(SECRET))).toBe(false)
    expect(compacted(restricted).includes(utf8(SECRET))).toBe(true)

    const seen = readRestrictedStory('story-1', storiesMap(board).get('story-1'), storiesMap(restricted).get('story-1'), [])
    expect(seen).toMatchObject({ text: SECRET, tellerRole: 'tenant', tags: ['debt'], pos: { x: 7, y: 9 }, sensitivity: 'restricted' })

    const back = takeRestricted(restricted, 'story-1', SERVER)!
    expect(fromPlaceholder(board, 'story-1', back, 'confidential', SERVER).ok).toBe(true)
    expect(readBoard(board).stories[0]).toMatchObject({ text: SECRET, tellerRole: 'tenant', sensitivity: 'confidential' })
    expect(compacted(restricted).includes(utf8(SECRET))).toBe(false)
    expect(toPlaceholder(board, 'no-such-story', SERVER).ok).toBe(false)
  })

  it('[E6] duplicating a placeholder copies nothing: the copy would carry the marker only the server writes', () => {
    const board = newBoard()
    addStory(board, 'story-1', { text: SECRET })
    addStory(board, 'story-2', { text: 'plain' })
    toPlaceholder(board, 'story-1', SERVER)
    const copies = duplicateStories(board, { ids: ['story-1', 'story-2'] }, SERVER)
    expect(copies.ok && copies.value.ids.length).toBe(1)
    expect(readBoard(board).stories.filter((s) => s.sensitivity === 'restricted').map((s) => s.id)).toEqual(['story-1'])
  })

  it('[E8] withdrawal leaves a mark without content', () => {
    const board = newBoard()
    addStory(board, 'story-1', { pos: { x: 1, y: 2 }, text: SECRET })
    addPattern(board, 'pattern-1', ['story-1'])
    expect(withdrawStory(board, 'no-such-story', 'now', SERVER).ok).toBe(false)
    expect(withdrawStory(board, 'story-1', '2026-11-26T04:00:00.000Z', SERVER).ok).toBe(true)
    expect(readWithdrawn(board)).toEqual([{ id: 'story-1', pos: { x: 1, y: 2 }, size: { w: 200, h: 140 }, at: '2026-11-26T04:00:00.000Z' }])
    expect(readBoard(board).stories).toEqual([])
    expect(board.getMap('members').has('story-1')).toBe(false)
    expect(compacted(board).includes(utf8(SECRET))).toBe(false)
    // Withdrawing again is harmless; a document without the story still gets the mark.
    expect(withdrawStory(board, 'story-1', 'later', SERVER).ok).toBe(true)
    const other = newBoard()
    expect(withdrawStory(other, 'story-1', 'now', SERVER, false).ok).toBe(true)
    expect(readWithdrawn(other).map((w) => w.id)).toEqual(['story-1'])

  })
})
