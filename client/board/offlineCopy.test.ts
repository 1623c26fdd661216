import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { storiesMap, type Origin } from '../../shared/model/layout.ts'
import { withdrawStory } from '../../shared/model/withdrawal.ts'
import { createStory } from '../../shared/ops/story.ts'
import { MemoryStorage } from '../testing/memoryStorage.ts'
import { boardOfCopy, clearSessionNotes, collectDeleted, isAnyCopy, isBoardCopy, knownCopies, offlineCopyName } from './offlineCopy.ts'
import { createUndoManager } from './undoManager.ts'

const origin: Origin = { kind: 'local' }
const holds = (update: Uint8Array, text: string) => Buffer.from(update).toString('latin1').includes(text)

describe('a board’s offline copies', () => {
  it('[E25] every store of a board is found by name: its own, its restricted room’s, any person’s drafts', () => {
    expect(offlineCopyName('board1')).toBe('learning-wall:board1')
    for (const name of ['learning-wall:board1', 'learning-wall:board1~restricted', 'learning-wall:board1~draft~user-9'])
      expect(isBoardCopy(name, 'board1')).toBe(true)
    for (const name of ['learning-wall:board10', 'learning-wall:board', 'other:board1', 'learning-wall:board10~restricted'])
      expect(isBoardCopy(name, 'board1')).toBe(false)
    expect(knownCopies('board1', 'user-9')).toEqual([
      'learning-wall:board1',
      'learning-wall:board1~restricted',
      'learning-wall:board1~draft~user-9',
    ])
    expect(boardOfCopy('learning-wall:board1~draft~user-9')).toBe('board1')
    expect(boardOfCopy('learning-wall:board1')).toBe('board1')
    expect(boardOfCopy('learning-wall:')).toBeNull()
    expect(boardOfCopy('other:board1')).toBeNull()
    expect(isAnyCopy('learning-wall:x')).toBe(true)
    expect(isAnyCopy('something-else')).toBe(false)
  })

  it('[E25] the tab’s notes about a board go with it (or about every board, on sign-out)', () => {
    const storage = new MemoryStorage()
    storage.setItem('learning-wall:kept:board1', '[]')
    storage.setItem('learning-wall:refused:board1', '{}')
    storage.setItem('learning-wall:kept:board2', '[]')
    storage.setItem('unrelated', 'x')
    clearSessionNotes(storage, 'board1')
    expect([...Array(storage.length).keys()].map((i) => storage.key(i))).toEqual(['learning-wall:kept:board2', 'unrelated'])
    clearSessionNotes(storage)
    expect(storage.getItem('unrelated')).toBe('x')
    expect(storage.length).toBe(1)
  })

  it('[E26] after a withdrawal the state written back holds none of the story’s words, also what undo kept', () => {
    const server = new Y.Doc()
    const member = new Y.Doc()
    const undo = createUndoManager(member, origin)
    createStory(member, { id: 'story-1', pos: { x: 0, y: 0 }, text: 'CANARY-KEPT-BY-UNDO and CANARY-LIVE' }, origin)
    // This person deletes words (undo keeps them, to bring them back), then the story is withdrawn.
    undo.stopCapturing()
    member.transact(() => {
      const paragraph = (storiesMap(member).get('story-1')!.get('text') as Y.XmlFragment).get(0) as Y.XmlElement
      ;(paragraph.get(0) as Y.XmlText).delete(0, 'CANARY-KEPT-BY-UNDO and '.length)
    }, origin)
    Y.applyUpdate(server, Y.encodeStateAsUpdate(member))
    withdrawStory(server, 'story-1', '2026-12-07T00:00:00Z', { kind: 'server' } as unknown as Origin)
    Y.applyUpdate(member, Y.encodeStateAsUpdate(server, Y.encodeStateVector(member)))
    expect(storiesMap(member).has('story-1')).toBe(false)
    // What Yjs alone leaves: the words undo kept are still in the member's state.
    expect(holds(Y.encodeStateAsUpdate(member), 'CANARY-KEPT-BY-UNDO')).toBe(true)

    collectDeleted(member, () => undo.clear())
    const state = Y.encodeStateAsUpdate(member)
    expect(holds(state, 'CANARY')).toBe(false)
    expect(undo.undoStack).toHaveLength(0)
    // The member's copy still syncs: a new story reaches the server.
    createStory(member, { id: 'story-2', pos: { x: 0, y: 0 }, text: 'after' }, origin)
    Y.applyUpdate(server, Y.encodeStateAsUpdate(member, Y.encodeStateVector(server)))
    expect(storiesMap(server).has('story-2')).toBe(true)
  })
})
