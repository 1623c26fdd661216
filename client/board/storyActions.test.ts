// Undo steps of a new story, with the board's real undo manager over a real document.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { STORY_COLOURS } from '../../shared/model/geometry.ts'
import { storiesMap, type Origin } from '../../shared/model/layout.ts'
import { readBoard } from '../../shared/model/readBoard.ts'
import { paragraphsOf, seedFragment } from '../../shared/model/richText.ts'
import { accessFromBoard } from '../access/boardAccess.ts'
import { createBoardStore } from '../store/boardStore.ts'
import { createStore } from '../store/createStore.ts'
import type { BoardSession } from './createSession.ts'
import { addKeptStory, createStoryAt, discardKept } from './storyActions.ts'
import { createPattern } from '../../shared/ops/pattern.ts'
import { boxesIntersect } from '../geometry/camera.ts'
import { outerBoxOf } from '../patterns/patternGeometry.ts'
import type { Offer } from '../access/keptWork.ts'
import { initialUi, type UiState } from './uiState.ts'
import { createUndoManager } from './undoManager.ts'

function session(): BoardSession {
  const doc = new Y.Doc()
  const origin: Origin = { kind: 'local' }
  const s = {
    boardId: 'board1',
    doc,
    origin,
    access: createStore(accessFromBoard({ role: 'contributor', anonymous: false })),
    ui: createStore<UiState>({ ...initialUi(STORY_COLOURS[0]), viewport: { w: 800, h: 600 } }),
    board: createBoardStore(doc),
    undo: createUndoManager(doc, origin),
    device: createStore<{ offers: readonly Offer[]; forgotten: boolean }>({ offers: [], forgotten: false }),
    setPresence: () => undefined,
  }
  return s as unknown as BoardSession
}

describe('a new story and undo', () => {
  it('the story is its own undo step: undoing words typed at once keeps the story', () => {
    const s = session()
    const id = createStoryAt(s, { x: 0, y: 0 })!
    // Typed straight away, well inside the undo manager's 400 ms grouping window.
    const text = storiesMap(s.doc).get(id)!.get('text') as Y.XmlFragment
    s.doc.transact(() => seedFragment(text, paragraphsOf('Families found the drop-in')), s.origin)
    expect(readBoard(s.doc).stories[0]?.text).toBe('Families found the drop-in')
    s.undo.undo()
    expect(storiesMap(s.doc).has(id)).toBe(true)
    expect(readBoard(s.doc).stories[0]?.text).toBe('')
    s.undo.undo()
    expect(storiesMap(s.doc).has(id)).toBe(false)
  })

  it('N twice without moving the view puts the second story beside the first, not on top; a double-click places it where pointed', () => {
    const s = session()
    const first = createStoryAt(s)!
    const second = createStoryAt(s)!
    const pos = (id: string) => readBoard(s.doc).stories.find((x) => x.id === id)!.pos
    expect(pos(second).y).toBe(pos(first).y)
    expect(pos(second).x).toBeGreaterThan(pos(first).x)
    const pointed = createStoryAt(s, { x: 0, y: 0 })!
    const size = readBoard(s.doc).stories.find((x) => x.id === pointed)!.size
    expect(pos(pointed)).toEqual({ x: -size.w / 2, y: -size.h / 2 })
  })
})

describe('work the board refused, offered back', () => {
  const offer = (id: string, extra: Partial<Offer> = {}): Offer => ({
    id, kind: 'missing', text: `Kept words of ${id}\nsecond paragraph`, pos: { x: 0, y: 0 }, size: { w: 200, h: 140 },
    colour: STORY_COLOURS[2], tags: ['drop-in'], measures: [], sensitivity: 'confidential', experiment: 'Drop-in', updatedAt: 1, ...extra,
  })

  it('[E24] "Add as a new story" makes a new story with the kept words as paragraphs and the kept fields, and the offer goes', () => {
    const s = session()
    const first = createStoryAt(s, { x: 100, y: 70 })!
    s.device.setState({ offers: [offer('kept-1'), offer('kept-2')] })
    const id = addKeptStory(s, 'kept-1')!
    expect(id).not.toBe('kept-1')
    const story = readBoard(s.doc).stories.find((x) => x.id === id)!
    expect(story).toMatchObject({ text: 'Kept words of kept-1\nsecond paragraph', sensitivity: 'confidential', tags: ['drop-in'], experiment: 'Drop-in', colour: STORY_COLOURS[2] })
    expect(story).not.toHaveProperty('author')
    expect((storiesMap(s.doc).get(id)!.get('text') as Y.XmlFragment).length).toBe(2)
    // Not on top of the story already where it was.
    expect(story.pos).not.toEqual(readBoard(s.doc).stories.find((x) => x.id === first)!.pos)
    expect(s.device.getState().offers.map((o) => o.id)).toEqual(['kept-2'])
    discardKept(s)
    expect(s.device.getState().offers).toEqual([])
  })

  it('[E24] while the board cannot be changed the offer stays, and nothing is written', () => {
    const s = session()
    s.access.setState({ canEdit: false, gate: 'locked' })
    s.device.setState({ offers: [offer('kept-1')] })
    expect(addKeptStory(s, 'kept-1')).toBeNull()
    expect(readBoard(s.doc).stories).toHaveLength(0)
    expect(s.device.getState().offers).toHaveLength(1)
    expect(s.ui.getState().notice).toMatch(/locked/i)
    discardKept(s, ['kept-1'])
    expect(s.device.getState().offers).toEqual([])
  })
})

describe('where N puts a new story', () => {
  it('never on a pattern\'s title bar or inside its area, even when the view is centred there', () => {
    const s = session()
    // The view (800×600 at zoom 1, camera 0,0) is centred on (400, 300): a pattern's title bar.
    const made = createPattern(s.doc, { name: 'Waiting', area: { x: 100, y: 310, w: 600, h: 300 }, storyIds: [] }, s.origin)
    if (!made.ok) throw new Error(made.error.message)
    const id = createStoryAt(s)!
    const story = readBoard(s.doc).stories.find((x) => x.id === id)!
    const box = { ...story.pos, ...story.size }
    expect(boxesIntersect(box, outerBoxOf({ x: 100, y: 310, w: 600, h: 300 }))).toBe(false)
  })
})

