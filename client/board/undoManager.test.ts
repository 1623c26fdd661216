import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Origin } from '../../shared/model/layout.ts'
import { createStory, moveStories } from '../../shared/ops/story.ts'
import { readBoard } from '../../shared/model/readBoard.ts'
import { createUndoManager } from './undoManager.ts'

function pair() {
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.on('update', (u: Uint8Array, o: unknown) => o !== 'remote' && Y.applyUpdate(b, u, 'remote'))
  b.on('update', (u: Uint8Array, o: unknown) => o !== 'remote' && Y.applyUpdate(a, u, 'remote'))
  return { a, b }
}

describe('per-person undo', () => {
  it('undoes my own changes and never another person’s', () => {
    const { a, b } = pair()
    const mine: Origin = { kind: 'local' }
    const theirs: Origin = { kind: 'local' }
    const undo = createUndoManager(a, mine)
    createStory(a, { id: 'story-mine', pos: { x: 0, y: 0 }, text: 'mine' }, mine)
    undo.stopCapturing()
    createStory(b, { id: 'story-theirs', pos: { x: 0, y: 0 }, text: 'theirs' }, theirs)
    moveStories(b, { moves: [{ id: 'story-mine', pos: { x: 50, y: 50 } }] }, theirs)
    undo.undo()
    expect(readBoard(a).stories.map((s) => s.id)).toEqual(['story-theirs'])
    expect(readBoard(b).stories.map((s) => s.id)).toEqual(['story-theirs'])
    undo.redo()
    expect(readBoard(b).stories.map((s) => s.id).sort()).toEqual(['story-mine', 'story-theirs'])
  })

  it('ignores changes made with another origin object in the same doc', () => {
    const doc = new Y.Doc()
    const mine: Origin = { kind: 'local' }
    const undo = createUndoManager(doc, mine)
    createStory(doc, { id: 'story-other', pos: { x: 0, y: 0 } }, { kind: 'local' })
    expect(undo.undoStack.length).toBe(0)
  })
})
