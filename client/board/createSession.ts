// One open board: its Y.Doc, sync provider, offline copy, presence, per-person undo and stores.
// Created per board and destroyed on leave; nothing here is a module-level singleton.
import { WebsocketProvider } from 'y-websocket'
import { clientKeyParams } from '../session/clientKey.ts'
import * as Y from 'yjs'
import { STORY_COLOURS } from '../../shared/model/geometry.ts'
import { accessFromBoard, type BoardAccess } from '../access/boardAccess.ts'
import { guardWrites } from '../access/writeGuard.ts'
import type { Origin } from '../../shared/model/layout.ts'
import { sendOwnAwarenessOnly } from '../presence/ownAwarenessOnly.ts'
import { peersFrom, type LocalPresence, type Peer, type UserInfo } from '../presence/peers.ts'
import { throttle, type Throttled } from '../presence/throttle.ts'
import { createCyclesStore, type CyclesStore } from '../cycles/cyclesStore.ts'
import { createBoardStore, type BoardStore } from '../store/boardStore.ts'
import { createStore, type Store } from '../store/createStore.ts'
import { createVoteClient, type VoteClient } from '../vote/voteClient.ts'
import { INITIAL_CONNECTION, reduceConnection, type Connection, type ConnectionEvent } from './connectionState.ts'
import { initialUi, type UiState } from './uiState.ts'
import { createUndoManager } from './undoManager.ts'
import { recoverFromRefusedWrites, refusalNotice } from '../access/writeRefusals.ts'
import { readBoard } from '../../shared/model/readBoard.ts'
import { withdrawnMap } from '../../shared/model/withdrawal.ts'
import { CLOSE } from '../../shared/protocol/closeCodes.ts'
import { reduceAccess } from '../access/boardAccess.ts'
import { keepFromCopy, loadKept, offersAgainst, saveKept, type Offer } from '../access/keptWork.ts'
import { onSignedOutElsewhere } from '../access/signOut.ts'
import { unguarded } from '../access/writeGuard.ts'
import { clearSessionNotes, openOfflineCopy } from './offlineCopy.ts'

export type BoardSession = {
  boardId: string
  doc: Y.Doc
  provider: WebsocketProvider
  /** The one origin object this session writes with; the undo manager tracks it alone. */
  origin: Origin
  undo: Y.UndoManager
  board: BoardStore
  ui: Store<UiState>
  presence: Store<{ peers: readonly Peer[]; me: UserInfo }>
  connection: Store<Connection>
  /** Conditions raised onto this board, where its patterns went, and the cycles UI. */
  cycles: CyclesStore
  /** My role here, anonymous mode, and `canEdit`: the one value every editing control reads. */
  access: Store<BoardAccess>
  /**
   * What this device keeps of the board: `offers`, work the board refused, offered back after the
   * reload (access/keptWork.ts); `forgotten`, set once access ended and the offline copies of the
   * board are deleted from the browser.
   */
  device: Store<{ offers: readonly Offer[]; forgotten: boolean }>
  /** Dot voting: the vote session and this person's own votes (HTTP); the role is in `access`. */
  vote: VoteClient
  /** Presence fields streamed at ~25 Hz (pointer, drag); others are set at once. */
  stream: { pointer: Throttled<LocalPresence['pointer']>; drag: Throttled<LocalPresence['drag']> }
  setPresence<K extends keyof LocalPresence>(key: K, value: LocalPresence[K]): void
  setUser(user: UserInfo): void
  destroy(): void
}

export const PRESENCE_INTERVAL_MS = 40

export function syncUrl(loc: Pick<Location, 'protocol' | 'host'>): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/sync`
}

export function createSession(
  boardId: string,
  user: UserInfo,
  initialAccess: BoardAccess = accessFromBoard({ role: 'contributor' }),
  /** The signed-in person's id: names their draft room's offline copy when access ends. */
  userId?: string,
): BoardSession {
  const doc = new Y.Doc()
  const origin: Origin = { kind: 'local' }
  const access = createStore<BoardAccess>(initialAccess)
  // A withdrawal clears the undo stacks (they keep deleted words) and compacts the offline copy
  // (never before the copy has loaded, so `undo` exists by then).
  const offline = openOfflineCopy(boardId, doc, () => unguarded(doc, () => undo.clear()))
  const provider = new WebsocketProvider(syncUrl(location), boardId, doc, { params: clientKeyParams() })
  // Text typed in the editor arrives with y-tiptap's sync-plugin key as origin: that is this
  // person's typing too, so one undo stack covers both board operations and text. Made after the
  // offline copy and the provider: made before them, the first frame of a 5,000-story board came
  // about 250 ms later (bench/canvas, first full frame: 1,129–1,189 ms against 882–900).
  const undo = createUndoManager(doc, origin)
  const stopAwarenessFilter = sendOwnAwarenessOnly(provider)
  const { awareness } = provider
  const initial: LocalPresence = { user, pointer: null, editing: null, drag: null, selection: [] }
  awareness.setLocalState(initial)

  const board = createBoardStore(doc)
  const ui = createStore<UiState>(initialUi(STORY_COLOURS[0]))
  const presence = createStore({ peers: [] as readonly Peer[], me: user })
  const connection = createStore<Connection>(INITIAL_CONNECTION)
  const cycles = createCyclesStore(doc)
  const vote = createVoteClient(boardId, doc)
  const device = createStore<{ offers: readonly Offer[]; forgotten: boolean }>({ offers: [], forgotten: false })
  const withdrawnIds = () => new Set(withdrawnMap(doc).keys())
  const dispatch = (e: ConnectionEvent) => connection.setState(reduceConnection(connection.getState(), e))
  const stopRefusals = recoverFromRefusedWrites(provider, {
    boardId,
    storage: sessionStorage,
    notify: (notice) => ui.setState({ notice }),
    keep: () => {
      const kept = keepFromCopy(readBoard(doc).stories, withdrawnIds())
      saveKept(sessionStorage, boardId, kept)
      return kept.length > 0
    },
    clearCopy: () => offline.forget(userId),
    reload: () => location.reload(),
  })
  const refusedBefore = refusalNotice(sessionStorage, boardId, Date.now())
  // Said once the board's copy has arrived, after what the board itself says on arrival (a lock).
  if (refusedBefore) provider.once('sync', () => ui.setState({ notice: refusedBefore }))
  // Kept work, once the board's copy is here: only what the board lacks is offered, and kept.
  provider.once('sync', () => {
    const kept = loadKept(sessionStorage, boardId)
    if (kept.length === 0) return
    device.setState({ offers: offersAgainst(kept, readBoard(doc).stories, withdrawnIds()) })
  })
  // The tab keeps what is still offered, and nothing once all is added or discarded.
  const stopKeeping = device.subscribe((now, before) => {
    if (now.offers !== before.offers) saveKept(sessionStorage, boardId, now.offers)
  })
  // A withdrawal while work is offered: its words go from the offer and the tab's storage.
  const pruneOffers = () => {
    const gone = withdrawnIds()
    const { offers } = device.getState()
    if (!offers.some((o) => gone.has(o.id))) return
    device.setState({ offers: offers.filter((o) => !gone.has(o.id)) })
  }
  withdrawnMap(doc).observe(pruneOffers)
  // Ended access (4401/4403/4404 here, or a sign-out in another tab): hide the board, stop
  // syncing and delete everything this device holds of it.
  const stopAccessWatch = access.subscribe((now, before) => {
    if (now.endedBy === null || before.endedBy !== null) return
    provider.disconnect()
    device.setState({ offers: [] })
    clearSessionNotes(sessionStorage, boardId)
    void offline.forget(userId).finally(() => device.setState({ forgotten: true }))
  })
  const stopSignOutWatch = onSignedOutElsewhere(() =>
    access.setState(reduceAccess(access.getState(), { type: 'closed', code: CLOSE.unauthenticated })),
  )
  const stopGuard = guardWrites(doc, () => access.getState().canEdit, () => ui.setState({ notice: 'You can view this board but not change it.' }))

  const onAwareness = () => presence.setState({ peers: peersFrom(awareness.getStates(), awareness.clientID) })
  awareness.on('change', onAwareness)
  provider.on('status', ({ status }) => dispatch({ type: 'status', status }))
  provider.on('sync', (synced: boolean) => dispatch({ type: 'synced', synced }))
  provider.on('closed', ({ code }) => dispatch({ type: 'closed', code }))
  provider.on('connection-close', (event) => {
    if (event && event.code >= 4000) dispatch({ type: 'closed', code: event.code })
  })
  const onOnline = () => {
    dispatch({ type: 'online' })
    if (connection.getState().status === 'closed') return
    // The socket may have survived a short drop: then no new "connected" event will come.
    if (provider.wsconnected) {
      dispatch({ type: 'status', status: 'connected' })
      dispatch({ type: 'synced', synced: provider.synced })
    } else provider.connect()
  }
  const onOffline = () => dispatch({ type: 'offline' })
  window.addEventListener('online', onOnline)
  window.addEventListener('offline', onOffline)
  if (!navigator.onLine) dispatch({ type: 'offline' })

  const setPresence = <K extends keyof LocalPresence>(key: K, value: LocalPresence[K]) =>
    awareness.setLocalStateField(key, value)
  const stream = {
    pointer: throttle((v: LocalPresence['pointer']) => setPresence('pointer', v), PRESENCE_INTERVAL_MS),
    drag: throttle((v: LocalPresence['drag']) => setPresence('drag', v), PRESENCE_INTERVAL_MS),
  }

  return {
    boardId,
    doc,
    provider,
    origin,
    undo,
    board,
    ui,
    presence,
    connection,
    cycles,
    vote,
    access,
    device,
    stream,
    setPresence,
    setUser(next) {
      presence.setState({ me: next })
      setPresence('user', next)
    },
    destroy() {
      stream.pointer.cancel()
      stream.drag.cancel()
      window.removeEventListener('online', onOnline)
      window.removeEventListener('offline', onOffline)
      awareness.off('change', onAwareness)
      stopAwarenessFilter()
      board.dispose()
      cycles.dispose()
      stopGuard()
      stopRefusals()
      stopAccessWatch()
      stopKeeping()
      stopSignOutWatch()
      withdrawnMap(doc).unobserve(pruneOffers)
      vote.destroy()
      undo.destroy()
      provider.destroy()
      offline.destroy()
      doc.destroy()
    },
  }
}
