// The attention controller over a real Y.Doc, real awareness (y-protocols) and the real stores: the
// session root is written here as the server would, and the leader's presence arrives through the
// awareness codec. Frames are a timer tick in Node.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { emptySession, SESSION_KEY, type SessionState } from '../../shared/model/facilitation.ts'
import { createPattern } from '../../shared/ops/pattern.ts'
import type { BoardSession } from '../board/createSession.ts'
import { initialUi, type UiState } from '../board/uiState.ts'
import { throttle } from '../presence/throttle.ts'
import { createBoardStore } from '../store/boardStore.ts'
import { createStore } from '../store/createStore.ts'
import { createAttention, type Attention } from './attention.ts'
import { centreOf } from './viewMath.ts'

const SCREEN = { w: 1000, h: 600 }

function board() {
  const doc = new Y.Doc()
  const awareness = new Awareness(doc)
  awareness.setLocalState({ user: { name: 'Pat', colour: '#123456' }, pointer: { x: 1, y: 2 } })
  const ui = createStore<UiState>({ ...initialUi('#fff3a8'), viewport: SCREEN })
  const pointer = throttle((v: unknown) => awareness.setLocalStateField('pointer', v), 0)
  const s = {
    boardId: 'board-1',
    doc,
    provider: { awareness, synced: true },
    ui,
    board: createBoardStore(doc),
    stream: { pointer, drag: pointer },
    setPresence: (k: string, v: unknown) => awareness.setLocalStateField(k, v),
  } as unknown as BoardSession
  const setSession = (patch: Partial<SessionState> | null) =>
    doc.getMap('session').set(SESSION_KEY, patch === null ? null : { ...emptySession(), ...patch })
  return { s, doc, awareness, ui, setSession }
}

/** Another person's browser: its awareness entry reaches ours through the codec. */
function leaderView(into: Awareness, view: { x: number; y: number; w: number; h: number }) {
  const other = new Awareness(new Y.Doc())
  other.setLocalState({ user: { name: 'Fay', colour: '#654321' }, view })
  applyAwarenessUpdate(into, encodeAwarenessUpdate(other, [other.clientID]), 'remote')
  return other.clientID
}

const centre = (ui: ReturnType<typeof board>['ui']) => centreOf(ui.getState().camera, SCREEN)

describe('attention controller', () => {
  const open: Attention[] = []
  beforeEach(() => {
    vi.stubGlobal('requestAnimationFrame', (cb: (t: number) => void) => setTimeout(() => cb(0), 0))
    vi.stubGlobal('cancelAnimationFrame', (t: ReturnType<typeof setTimeout>) => clearTimeout(t))
  })
  afterEach(() => {
    for (const a of open.splice(0)) a.dispose()
    vi.unstubAllGlobals()
  })
  const start = (s: BoardSession, presenter = false) => {
    const a = createAttention(s, { presenter })
    open.push(a)
    return a
  }

  it('follows the leader the session names, breaks away on a move of its own, and rejoins', async () => {
    const { s, awareness, ui, setSession } = board()
    const a = start(s)
    const leader = leaderView(awareness, { x: 4000, y: 2000, w: 2000, h: 1200 })
    setSession({ follow: { clientId: leader, name: 'Fay' } })
    expect(a.getState()).toMatchObject({ role: 'following', leaderName: 'Fay', leaderHere: true })
    await vi.waitFor(() => expect(centre(ui).x).toBeCloseTo(5000, 0))
    expect(centre(ui).y).toBeCloseTo(2600, 0)
    expect(ui.getState().camera.zoom).toBeCloseTo(0.5, 3)

    // The person pans: away, and the leader's next view no longer moves them.
    ui.setState({ camera: { ...ui.getState().camera, x: ui.getState().camera.x + 300 } })
    expect(a.getState().role).toBe('away')
    const mine = ui.getState().camera
    leaderView(awareness, { x: 0, y: 0, w: 2000, h: 1200 })
    await new Promise((r) => setTimeout(r, 5))
    expect(ui.getState().camera).toBe(mine)

    a.rejoin()
    expect(a.getState().role).toBe('following')
    await vi.waitFor(() => expect(centre(ui).x).toBeCloseTo(5000, 0))
  })

  it('a participant cannot lead: an awareness view from someone the session does not name is ignored', async () => {
    const { s, awareness, ui, setSession } = board()
    const a = start(s)
    leaderView(awareness, { x: 9000, y: 9000, w: 500, h: 500 })
    setSession({})
    await new Promise((r) => setTimeout(r, 5))
    expect(a.getState().role).toBe('none')
    expect(ui.getState().camera).toEqual({ x: 0, y: 0, zoom: 1 })
  })

  it('leads: while named, puts its own view in awareness; stopping takes it away', async () => {
    const { s, awareness, ui, setSession } = board()
    const a = start(s)
    setSession({ follow: { clientId: awareness.clientID, name: 'Pat' } })
    expect(a.getState().role).toBe('leading')
    ui.setState({ camera: { x: -100, y: -50, zoom: 2 } })
    await vi.waitFor(() => expect(awareness.getLocalState()?.view).toEqual({ x: 100, y: 50, w: 500, h: 300 }))
    setSession({ follow: null })
    expect(awareness.getLocalState()?.view).toBeNull()
  })

  it('obeys a summon once, and a spotlight centres the pattern', async () => {
    const { s, doc, ui, setSession } = board()
    start(s)
    setSession({ summon: { x: 300, y: -200, zoom: 0.5, at: new Date().toISOString() } })
    await vi.waitFor(() => expect(centre(ui).x).toBeCloseTo(300, 0))
    expect(ui.getState().camera.zoom).toBeCloseTo(0.5, 3)

    const p = createPattern(doc, { name: 'Delays', area: { x: 2000, y: 1000, w: 400, h: 300 }, storyIds: [] }, { kind: 'local' })
    if (!p.ok) throw new Error(p.error.message)
    const summon = doc.getMap('session').get(SESSION_KEY) as SessionState
    setSession({ summon: summon.summon, spotlight: p.value.id })
    await vi.waitFor(() => expect(centre(ui).x).toBeCloseTo(2200, 0))
    expect(centre(ui).y).toBeCloseTo(1000 - 36 + (300 + 36) / 2, 0)
  })

  it('hidden cursors: clears my pointer at once and marks the screen so no pointer is drawn or sent', () => {
    const { s, awareness, ui, setSession } = board()
    start(s)
    setSession({ hideCursors: true })
    expect(ui.getState().cursorsHidden).toBe(true)
    expect(awareness.getLocalState()?.pointer).toBeNull()
    setSession({ hideCursors: false })
    expect(ui.getState().cursorsHidden).toBe(false)
  })

  it('a presenter never breaks away: it goes back to the leader\'s view', async () => {
    const { s, awareness, ui, setSession } = board()
    const a = start(s, true)
    const leader = leaderView(awareness, { x: 0, y: 0, w: 1000, h: 600 })
    setSession({ follow: { clientId: leader, name: 'Fay' } })
    ui.setState({ camera: { x: 5, y: 5, zoom: 1 } })
    expect(a.getState().role).toBe('following')
    await vi.waitFor(() => expect(centre(ui)).toEqual({ x: 500, y: 300 }))
  })
})
