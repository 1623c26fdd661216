// The attention controller over a real Y.Doc, real awareness (y-protocols) and the real stores: the
// session root is written here as the server would, and the leader's presence arrives through the
// awareness codec. Frames are a timer tick in Node.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { emptySession, SESSION_KEY, type SessionState } from '../../shared/model/facilitation.ts'
import { createPattern } from '../../shared/ops/pattern.ts'
import type { BoardSession } from '../board/createSession.ts'
import { initialUi, type UiState } from '../board/uiState.ts'
import { throttle } from '../presence/throttle.ts'
import { createBoardStore } from '../store/boardStore.ts'
import { createStore } from '../store/createStore.ts'
import { createAttention, type Attention, type LeaderClaim } from './attention.ts'
import { leaderMemory, type LeaderMemory } from './leaderClaim.ts'
import { centreOf } from './viewMath.ts'

const SCREEN = { w: 1000, h: 600 }

function board() {
  const doc = new Y.Doc()
  const awareness = new Awareness(doc)
  awareness.setLocalState({ user: { name: 'Pat', colour: '#123456' }, pointer: { x: 1, y: 2 } })
  const ui = createStore<UiState>({ ...initialUi('#fff3a8'), viewport: SCREEN })
  const pointer = throttle((v: unknown) => awareness.setLocalStateField('pointer', v), 0)
  const onSync = new Set<(synced: boolean) => void>()
  const provider = {
    awareness,
    synced: true,
    on: (_: 'sync', f: (synced: boolean) => void) => void onSync.add(f),
    off: (_: 'sync', f: (synced: boolean) => void) => void onSync.delete(f),
  }
  /** The socket (re)synced, as y-websocket reports it. */
  const sync = () => {
    provider.synced = true
    for (const f of onSync) f(true)
  }
  const s = {
    boardId: 'board-1',
    doc,
    provider,
    ui,
    board: createBoardStore(doc),
    stream: { pointer, drag: pointer },
    setPresence: (k: string, v: unknown) => awareness.setLocalStateField(k, v),
  } as unknown as BoardSession
  const setSession = (patch: Partial<SessionState> | null) =>
    doc.getMap('session').set(SESSION_KEY, patch === null ? null : { ...emptySession(), ...patch })
  return { s, doc, awareness, ui, setSession, provider, sync }
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
  // Animation frames run on their own soon after they are asked for, and flushFrames() runs every
  // pending one now (and those they ask for), so a test can say "nothing moved" without waiting.
  const frames = new Map<number, (t: number) => void>()
  let nextFrame = 1
  const runFrame = (id: number) => {
    const cb = frames.get(id)
    frames.delete(id)
    cb?.(0)
  }
  const flushFrames = () => {
    for (let i = 0; i < 10_000 && frames.size > 0; i++) runFrame(frames.keys().next().value!)
  }
  beforeEach(() => {
    vi.stubGlobal('requestAnimationFrame', (cb: (t: number) => void) => {
      const id = nextFrame++
      frames.set(id, cb)
      setTimeout(() => runFrame(id), 0)
      return id
    })
    vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id))
  })
  afterEach(() => {
    for (const a of open.splice(0)) a.dispose()
    vi.unstubAllGlobals()
  })
  const start = (s: BoardSession, presenter = false, claim?: LeaderClaim) => {
    const a = createAttention(s, { presenter, claim })
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
    flushFrames()
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
    flushFrames()
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
  /** The browser's storage (one per browser, shared by its pages) and the follow actions a page sent. */
  const browserStorage = () => {
    const m = new Map<string, string>()
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) }
  }
  const claimer = (memory: LeaderMemory) => {
    const sent: number[] = []
    return { sent, claim: { memory, send: async (id: number) => void sent.push(id) } satisfies LeaderClaim }
  }

  it('after a reload, the facilitator\'s page takes follow me back from the page it replaced', () => {
    const storage = browserStorage()
    const before = board()
    const old = claimer(leaderMemory(storage, 'board-1'))
    const first = start(before.s, false, old.claim)
    before.setSession({ follow: { clientId: before.awareness.clientID, name: 'Fay' } })
    expect(first.getState().role).toBe('leading')
    expect(old.sent).toEqual([])

    // The reload: a new page (new Y.Doc, new client id) in the same browser; the old one is gone.
    first.dispose()
    const after = board()
    const page = claimer(leaderMemory(storage, 'board-1'))
    const a = start(after.s, false, page.claim)
    after.setSession({ follow: { clientId: before.awareness.clientID, name: 'Fay' } })
    expect(a.getState().role).toBe('following')
    expect(page.sent).toEqual([after.awareness.clientID])
    // Remembered before the server answers, so a page replaced again at once is claimed back too.
    expect(leaderMemory(storage, 'board-1').recall()).toBe(after.awareness.clientID)
    // The server names the new page; it leads, and a later session change sends nothing more.
    after.setSession({ follow: { clientId: after.awareness.clientID, name: 'Fay' } })
    expect(a.getState().role).toBe('leading')
    after.setSession({ follow: { clientId: after.awareness.clientID, name: 'Fay' }, hideCursors: true })
    expect(page.sent).toHaveLength(1)
  })

  it('does not take the lead from another page still connected, someone else, or before syncing', () => {
    const storage = browserStorage()
    const { s, awareness, setSession, provider, sync } = board()
    provider.synced = false
    const first = leaderView(awareness, { x: 0, y: 0, w: 1000, h: 600 })
    const memory = leaderMemory(storage, 'board-1')
    memory.remember(first)
    const page = claimer(memory)
    start(s, false, page.claim)
    setSession({ follow: { clientId: first, name: 'Fay' } })
    sync()
    // The same person's other tab still leads.
    expect(page.sent).toEqual([])
    // Someone else leads: not this browser's to take.
    const other = leaderView(awareness, { x: 0, y: 0, w: 1000, h: 600 })
    setSession({ follow: { clientId: other, name: 'Ola' } })
    removeAwarenessStates(awareness, [other], 'remote')
    expect(page.sent).toEqual([])

    // Back to the other tab, which then closes: now this page claims, once.
    setSession({ follow: { clientId: first, name: 'Fay' } })
    expect(page.sent).toEqual([])
    removeAwarenessStates(awareness, [first], 'remote')
    expect(page.sent).toEqual([awareness.clientID])
    leaderView(awareness, { x: 1, y: 1, w: 1000, h: 600 })
    expect(page.sent).toHaveLength(1)
  })

  it('a page not yet synced waits for the sync before claiming', () => {
    const storage = browserStorage()
    const { s, setSession, provider, sync } = board()
    provider.synced = false
    const memory = leaderMemory(storage, 'board-1')
    memory.remember(123456)
    const page = claimer(memory)
    start(s, false, page.claim)
    // Read from the offline copy: the socket has not said who is connected yet.
    setSession({ follow: { clientId: 123456, name: 'Fay' } })
    expect(page.sent).toEqual([])
    sync()
    expect(page.sent).toEqual([s.provider.awareness.clientID])
  })
})
