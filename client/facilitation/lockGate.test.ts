import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { accessFromBoard, type BoardAccess } from '../access/boardAccess.ts'
import type { BoardSession } from '../board/createSession.ts'
import { initialUi, type UiState } from '../board/uiState.ts'
import { emptySession, SESSION_KEY, type SessionState } from '../../shared/model/facilitation.ts'
import { ROOT } from '../../shared/model/layout.ts'
import { createStore } from '../store/createStore.ts'
import { createStoryAt } from '../board/storyActions.ts'
import { attachLockGate, GATE_NOTICES } from './lockGate.ts'

// The parts of a board session the gate reads and writes: a real document and real stores.
function sessionFor(role: string) {
  const doc = new Y.Doc()
  const access = createStore<BoardAccess>(accessFromBoard({ role, anonymous: false }))
  const ui = createStore<UiState>(initialUi('#fff3a8'))
  const s = { doc, access, ui, setPresence: () => {} } as unknown as BoardSession
  // As the server writes it: the session root arrives in the board document.
  const serverWrites = (state: Partial<SessionState> | null) =>
    state
      ? doc.getMap(ROOT.session).set(SESSION_KEY, { ...emptySession(), ...state })
      : doc.getMap(ROOT.session).delete(SESSION_KEY)
  return { s, access, ui, serverWrites }
}

describe('attachLockGate', () => {
  it('takes editing away from a participant while the board is locked and gives it back on unlock', () => {
    const { s, access, ui, serverWrites } = sessionFor('contributor')
    const stop = attachLockGate(s)
    expect(access.getState().canEdit).toBe(true)
    ui.setState({ editingId: 'story-1' })
    serverWrites({ locked: true })
    expect(access.getState().canEdit).toBe(false)
    // Whatever was being typed is closed: the write guard would drop it anyway.
    expect(ui.getState().editingId).toBeNull()
    expect(ui.getState().notice).toBe(GATE_NOTICES.locked)
    serverWrites({ locked: false })
    expect(access.getState().canEdit).toBe(true)
    stop()
  })

  it('keeps the board locked when the role is read again (the board answer re-derives canEdit)', () => {
    const { s, access, serverWrites } = sessionFor('contributor')
    const stop = attachLockGate(s)
    serverWrites({ locked: true })
    access.setState(accessFromBoard({ role: 'contributor', anonymous: false }))
    expect(access.getState().canEdit).toBe(false)
    stop()
    expect(access.getState().canEdit).toBe(true)
  })

  it('selecting a locked item stops editing; other items and facilitators are unaffected', () => {
    const { s, access, ui, serverWrites } = sessionFor('contributor')
    const stop = attachLockGate(s)
    serverWrites({ lockedItems: ['locked-one'] })
    ui.setState({ selection: new Set(['free-one']) })
    expect(access.getState().canEdit).toBe(true)
    ui.setState({ selection: new Set(['free-one', 'locked-one']) })
    expect(access.getState().canEdit).toBe(false)
    expect(ui.getState().notice).toBe(GATE_NOTICES['locked-items'])
    ui.setState({ selection: new Set() })
    expect(access.getState().canEdit).toBe(true)
    stop()

    const f = sessionFor('facilitator')
    const stopF = attachLockGate(f.s)
    f.serverWrites({ locked: true, private: true, lockedItems: ['x'] })
    f.ui.setState({ selection: new Set(['x']) })
    expect(f.access.getState().canEdit).toBe(true)
    stopF()
  })

  it('never gives an observer editing, locked or not; a participant writes in drafts during a private phase', () => {
    const o = sessionFor('observer')
    const stopO = attachLockGate(o.s)
    o.serverWrites({ locked: false })
    o.serverWrites(null)
    expect(o.access.getState().canEdit).toBe(false)
    stopO()
    const p = sessionFor('contributor')
    const stopP = attachLockGate(p.s)
    p.serverWrites({ private: true })
    expect(p.access.getState().canEdit).toBe(false)
    p.serverWrites(null)
    expect(p.access.getState().canEdit).toBe(true)
    stopP()
  })

  it('N during private writing writes nothing to the board and sends the person to their drafts', () => {
    const p = sessionFor('contributor')
    const stop = attachLockGate(p.s)
    p.serverWrites({ private: true })
    expect(p.access.getState().gate).toBe('private')
    const before = Y.encodeStateVector(p.s.doc)
    expect(createStoryAt(p.s, { x: 0, y: 0 })).toBeNull()
    expect(Y.encodeStateVector(p.s.doc)).toEqual(before)
    expect(p.ui.getState().draftsFocus).toBe(1)
    expect(p.ui.getState().notice).toBe(GATE_NOTICES.private)
    // Locked is said as locked, and does not point at the drafts.
    p.serverWrites({ private: false, locked: true })
    expect(createStoryAt(p.s, { x: 0, y: 0 })).toBeNull()
    expect(p.ui.getState().draftsFocus).toBe(1)
    expect(p.ui.getState().notice).toBe(GATE_NOTICES.locked)
    stop()
  })
})
