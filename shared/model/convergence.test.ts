// Concurrent edits on two peers, delivered in both orders: every peer must read the same board.
import * as Y from 'yjs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPattern, deletePattern, setMembership } from '../ops/pattern.ts'
import {
  bringToFront,
  deleteStories,
  duplicateStories,
  moveStories,
  resizeStory,
} from '../ops/story.ts'
import {
  addPattern,
  addStory,
  encoded,
  newBoard,
  ORIGIN,
  storyOf,
  sync,
  unwrap,
} from '../testing/board.ts'
import { readBoard } from './readBoard.ts'

// Timestamps are part of the snapshot: one clock for every peer and world.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2025-01-01T00:00:00Z'))
})
afterEach(() => vi.useRealTimers())

/** Two peers that start from the same board; `b` gets a lower client id than `a`. */
function peers(base: Uint8Array): [Y.Doc, Y.Doc] {
  const [a, b] = [new Y.Doc(), new Y.Doc()]
  a.clientID = 2
  b.clientID = 1
  for (const doc of [a, b]) Y.applyUpdate(doc, base)
  return [a, b]
}

function board(build: (doc: Y.Doc) => void): Uint8Array {
  const doc = newBoard()
  build(doc)
  return encoded(doc)
}

/** Run the concurrent edits, then deliver a→b first in one world and b→a first in another. */
function bothOrders(
  build: (doc: Y.Doc) => void,
  onA: (doc: Y.Doc) => void,
  onB: (doc: Y.Doc) => void,
) {
  const base = board(build)
  const worlds = [peers(base), peers(base)]
  for (const [a, b] of worlds) {
    onA(a)
    onB(b)
  }
  sync(worlds[0]![0], worlds[0]![1])
  sync(worlds[1]![1], worlds[1]![0])
  const boards = worlds.flat().map(readBoard)
  for (const board of boards) expect(board).toEqual(boards[0])
  return boards[0]!
}

const twoPatterns = (doc: Y.Doc) => {
  addStory(doc, 'story-1')
  addPattern(doc, 'pattern-a')
  addPattern(doc, 'pattern-b')
}
const membersOf = (board: ReturnType<typeof readBoard>) =>
  Object.fromEntries(board.patterns.map((p) => [p.id, p.members.map((m) => m.storyId)]))

describe('concurrent edits converge', () => {
  it('[M4] two peers drop the same story into different patterns: it ends in exactly one, the same for everyone', () => {
    const board = bothOrders(
      twoPatterns,
      (a) => unwrap(setMembership(a, { storyId: 'story-1', pattern: 'pattern-a' }, ORIGIN)),
      (b) => unwrap(setMembership(b, { storyId: 'story-1', pattern: 'pattern-b' }, ORIGIN)),
    )
    const holders = board.patterns.filter((p) => p.members.some((m) => m.storyId === 'story-1'))
    expect(holders).toHaveLength(1)
  })

  it('[M4] a drop concurrent with creating a pattern around the same story leaves it in one pattern', () => {
    const board = bothOrders(
      twoPatterns,
      (a) => unwrap(setMembership(a, { storyId: 'story-1', pattern: 'pattern-a' }, ORIGIN)),
      (b) =>
        unwrap(
          createPattern(
            b,
            { id: 'pattern-c', area: { x: 0, y: 0, w: 400, h: 300 }, storyIds: ['story-1'] },
            ORIGIN,
          ),
        ),
    )
    expect(Object.values(membersOf(board)).flat()).toEqual(['story-1'])
  })

  it('[M5] a story deleted while another peer drops it into a pattern is gone everywhere', () => {
    const board = bothOrders(
      twoPatterns,
      (a) => unwrap(deleteStories(a, { ids: ['story-1'] }, ORIGIN)),
      (b) => unwrap(setMembership(b, { storyId: 'story-1', pattern: 'pattern-a' }, ORIGIN)),
    )
    expect(board.stories).toEqual([])
    expect(membersOf(board)).toEqual({ 'pattern-a': [], 'pattern-b': [] })
    expect(board.problems).toMatchObject([{ code: 'dangling_member', path: 'members.story-1' }])
  })

  it('[M5] a pattern deleted while another peer drops a story into it leaves the story loose everywhere', () => {
    const board = bothOrders(
      twoPatterns,
      (a) => unwrap(deletePattern(a, { id: 'pattern-a' }, ORIGIN)),
      (b) => unwrap(setMembership(b, { storyId: 'story-1', pattern: 'pattern-a' }, ORIGIN)),
    )
    expect(board.stories.map((s) => s.id)).toEqual(['story-1'])
    expect(membersOf(board)).toEqual({ 'pattern-b': [] })
  })

  it('two peers move the same story: one position wins, the same for everyone', () => {
    const board = bothOrders(
      (doc) => addStory(doc, 'story-1'),
      (a) => unwrap(moveStories(a, { moves: [{ id: 'story-1', pos: { x: 1, y: 1 } }] }, ORIGIN)),
      (b) => unwrap(moveStories(b, { moves: [{ id: 'story-1', pos: { x: 2, y: 2 } }] }, ORIGIN)),
    )
    expect([
      { x: 1, y: 1 },
      { x: 2, y: 2 },
    ]).toContainEqual(board.stories[0]?.pos)
  })

  it('[M7] two peers bring different stories to front at once: same order everywhere, ties by id', () => {
    const board = bothOrders(
      (doc) => ['story-1', 'story-2', 'story-3'].forEach((id) => addStory(doc, id)),
      (a) => unwrap(bringToFront(a, { ids: ['story-2'] }, ORIGIN)),
      (b) => unwrap(bringToFront(b, { ids: ['story-1'] }, ORIGIN)),
    )
    expect(board.stories.map((s) => s.z)).toEqual(['a2', 'a3', 'a3'])
    expect(board.stories.map((s) => s.id)).toEqual(['story-3', 'story-1', 'story-2'])
  })
})

describe('a peer caught mid-sync', () => {
  it('[M8][M12] does not duplicate a story whose new size is still pending into a broken copy', () => {
    const [a, c] = peers(board((doc) => addStory(doc, 'story-1')))
    const updates: Uint8Array[] = []
    a.on('update', (u: Uint8Array) => updates.push(u))
    addStory(a, 'story-2')
    unwrap(resizeStory(a, { id: 'story-1', size: { w: 300, h: 300 } }, ORIGIN))
    // c receives the resize first: the old size is deleted, the new one waits for the first update.
    Y.applyUpdate(c, updates[1]!)
    expect(storyOf(c, 'story-1')).toBeUndefined()
    expect(unwrap(duplicateStories(c, { ids: ['story-1'] }, ORIGIN))).toEqual({ ids: [] })
    Y.applyUpdate(c, updates[0]!)
    sync(a, c)
    expect(storyOf(c, 'story-1')?.size).toEqual({ w: 300, h: 300 })
    expect(readBoard(c).problems).toEqual([])
    expect(readBoard(c)).toEqual(readBoard(a))
  })
})
