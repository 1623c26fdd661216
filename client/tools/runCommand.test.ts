// Fit (Shift+1) over a real document: everything on the board comes into view, table areas too.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { STORY_COLOURS } from '../../shared/model/geometry.ts'
import { ROOT, type Origin } from '../../shared/model/layout.ts'
import { createStory } from '../../shared/ops/story.ts'
import { accessFromBoard } from '../access/boardAccess.ts'
import type { BoardSession } from '../board/createSession.ts'
import { initialUi, type UiState } from '../board/uiState.ts'
import { viewportBox } from '../geometry/camera.ts'
import { createBoardStore } from '../store/boardStore.ts'
import { createStore } from '../store/createStore.ts'
import { zoomToFit } from './runCommand.ts'

function session(): BoardSession {
  const doc = new Y.Doc()
  const origin: Origin = { kind: 'local' }
  return {
    boardId: 'b',
    doc,
    origin,
    access: createStore(accessFromBoard({ role: 'contributor', anonymous: false })),
    ui: createStore<UiState>({ ...initialUi(STORY_COLOURS[0]), viewport: { w: 1000, h: 700 } }),
    board: createBoardStore(doc),
  } as unknown as BoardSession
}

describe('zoom to fit', () => {
  it('takes in the table areas of a workshop template, not only the stories', () => {
    const s = session()
    createStory(s.doc, { pos: { x: 0, y: 0 }, text: 'one story' }, s.origin)
    s.doc.getMap(ROOT.areas).set('table-8', { label: 'Table 8', kind: 'table', rect: { x: 3000, y: 2000, w: 900, h: 700 } })
    zoomToFit(s)
    const { camera, viewport } = s.ui.getState()
    const view = viewportBox(camera, viewport)
    expect(view.x).toBeLessThanOrEqual(0)
    expect(view.x + view.w).toBeGreaterThanOrEqual(3900)
    expect(view.y + view.h).toBeGreaterThanOrEqual(2700)
  })
})
