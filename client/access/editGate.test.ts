// Story actions against a session-shaped object (no socket, no browser): observers change
// nothing, and no action writes an `author` (anonymous boards refuse updates that carry one).
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { STORY_COLOURS } from '../../shared/model/geometry.ts'
import { storiesMap, type Origin } from '../../shared/model/layout.ts'
import type { BoardSession } from '../board/createSession.ts'
import {
  createStoryAt,
  deleteSelection,
  duplicateSelection,
  select,
  startEditing,
  updateFields,
} from '../board/storyActions.ts'
import { initialUi, type UiState } from '../board/uiState.ts'
import { createBoardStore } from '../store/boardStore.ts'
import { createStore } from '../store/createStore.ts'
import { accessFromBoard } from './boardAccess.ts'
import { guardWrites } from './writeGuard.ts'

function fakeSession(body: { role: string; anonymous: boolean }) {
  const doc = new Y.Doc()
  const origin: Origin = { kind: 'local' }
  const access = createStore(accessFromBoard(body))
  const ui = createStore<UiState>({ ...initialUi(STORY_COLOURS[0]), viewport: { w: 800, h: 600 } })
  guardWrites(
    doc,
    () => access.getState().canEdit,
    () => ui.setState({ notice: 'view only' }),
  )
  const s = {
    boardId: 'board1',
    doc,
    origin,
    access,
    ui,
    board: createBoardStore(doc),
    undo: new Y.UndoManager(storiesMap(doc), { trackedOrigins: new Set([origin]) }),
    setPresence: () => undefined,
  }
  return s as unknown as BoardSession
}

const authors = (s: BoardSession) => [...storiesMap(s.doc).values()].map((m) => m.has('author'))

describe('editing gate and authorship', () => {
  it('an anonymous board gets stories and duplicates without an author key', () => {
    const s = fakeSession({ role: 'contributor', anonymous: true })
    const id = createStoryAt(s, { x: 0, y: 0 }, 'A story about rent arrears')
    expect(id).not.toBeNull()
    startEditing(s, null)
    select(s, [id!])
    duplicateSelection(s)
    expect(storiesMap(s.doc).size).toBe(2)
    expect(authors(s)).toEqual([false, false])
  })

  it('an observer creates, edits, moves and deletes nothing, and is told why', () => {
    const owner = fakeSession({ role: 'owner', anonymous: false })
    createStoryAt(owner, { x: 0, y: 0 }, 'seen by all')
    const s = fakeSession({ role: 'observer', anonymous: false })
    Y.applyUpdate(s.doc, Y.encodeStateAsUpdate(owner.doc), 'provider')
    const [id] = [...storiesMap(s.doc).keys()]
    expect(createStoryAt(s, { x: 10, y: 10 })).toBeNull()
    startEditing(s, id!)
    expect(s.ui.getState().editingId).toBeNull()
    expect(s.ui.getState().selection.has(id!)).toBe(true)
    expect(updateFields(s, id!, { experiment: 'x' })).toBe(false)
    deleteSelection(s)
    expect(storiesMap(s.doc).size).toBe(1)
    expect(s.ui.getState().notice).toMatch(/view this board but not change it/)
  })
})
