// One open board: its Y.Doc, sync provider, offline copy, presence, per-person undo and stores.
// Created per board and destroyed on leave; nothing here is a module-level singleton.
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
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

export function createSession(boardId: string, user: UserInfo, initialAccess: BoardAccess = accessFromBoard({ role: 'contributor' })): BoardSession {
  const doc = new Y.Doc()
  const origin: Origin = { kind: 'local' }
  const access = createStore<BoardAccess>(initialAccess)
  const persistence = new IndexeddbPersistence(`learning-wall:${boardId}`, doc)
  const provider = new WebsocketProvider(syncUrl(location), boardId, doc)
  const stopAwarenessFilter = sendOwnAwarenessOnly(provider)
  const { awareness } = provider
  const initial: LocalPresence = { user, pointer: null, editing: null, drag: null, selection: [] }
  awareness.setLocalState(initial)

  // Text typed in the editor arrives with y-tiptap's sync-plugin key as origin: that is this
  // person's typing too, so one undo stack covers both board operations and text.
  const undo = createUndoManager(doc, origin)

  const board = createBoardStore(doc)
  const ui = createStore<UiState>(initialUi(STORY_COLOURS[0]))
  const presence = createStore({ peers: [] as readonly Peer[], me: user })
  const connection = createStore<Connection>(INITIAL_CONNECTION)
  const cycles = createCyclesStore(doc)
  const vote = createVoteClient(boardId, doc)
  const dispatch = (e: ConnectionEvent) => connection.setState(reduceConnection(connection.getState(), e))
  const stopRefusals = recoverFromRefusedWrites(provider, {
    boardId,
    storage: sessionStorage,
    notify: (notice) => ui.setState({ notice }),
    clearCopy: () => persistence.clearData(),
    reload: () => location.reload(),
  })
  const refusedBefore = refusalNotice(sessionStorage, boardId, Date.now())
  // Said once the board's copy has arrived, after what the board itself says on arrival (a lock).
  if (refusedBefore) provider.once('sync', () => ui.setState({ notice: refusedBefore }))
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
      vote.destroy()
      undo.destroy()
      provider.destroy()
      void persistence.destroy()
      doc.destroy()
    },
  }
}
