// The open boards of one server: loads a board's document on first join (migrating it), keeps
// its relational record in step with the document's meta, and unloads it a while after the last
// connection leaves. No module-level state: the app owns one registry.
import * as Y from 'yjs'
import { BoardMeta } from '../../shared/model/board.ts'
import { membersMap, metaMap, patternsMap, storiesMap } from '../../shared/model/layout.ts'
import { parseRoom } from '../../shared/model/facilitation.ts'
import { migrateBoard } from '../../shared/model/migrations.ts'
import { restrictedRoom } from '../../shared/model/restricted.ts'
import { CLOSE } from '../../shared/protocol/closeCodes.ts'
import type { Log } from '../log.ts'
import type { Bus } from '../scale/bus.ts'
import type { Storage } from '../storage/types.ts'
import { HttpError } from '../errors.ts'
import { Room, type RoomLimits, type RoomPolicy } from './room.ts'
import { rewriteMigratedHistory, rewritesHistory } from './storedMigration.ts'

export type RoomsOptions = {
  /** Other instances, when there are any (REDIS_URL). */
  bus?: Bus
  storage: Storage
  log: Log
  limits: RoomLimits
  /** Stories, patterns or memberships of a board changed (any origin). */
  onContentChange?: (boardId: string) => void
  /** How long an empty room stays loaded, so a reconnect does not reload it. */
  unloadAfterMs: number
  /**
   * What loaded rooms may hold in memory, estimated from their stored size; past it the idlest
   * rooms without connections unload first, and a load that still does not fit is refused.
   */
  maxLoadedBytes?: number
}

/** Heap a loaded board takes per stored (V2) byte: 28 measured on a 5,000-story board. */
export const HEAP_PER_STORED_BYTE = 30

/** Every loaded room is in use and the budget is spent: the load waits for later (503, 1013). */
export class RoomsFull extends HttpError {
  constructor() {
    super(503, 'instance_busy', 'this server holds as many boards as it can right now; try again in a minute')
  }
}

export class Rooms {
  private readonly open = new Map<string, Promise<Room>>()
  private readonly loaded = new Map<string, Room>()
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>()
  /** Rooms deleted while loaded: nothing of theirs may be compacted back into storage. */
  private readonly dropped = new WeakSet<Room>()
  /** Deletions in progress: a join meanwhile loads once the room is gone from storage. */
  private readonly deleting = new Map<string, Promise<void>>()

  private readonly housekeeping: NodeJS.Timeout | undefined

  constructor(private readonly options: RoomsOptions) {
    const bus = options.bus
    if (bus) {
      bus.onReconnect(() => {
        for (const room of this.loaded.values()) {
          room.catchUp()
          room.refreshPresence()
        }
      })
      // The stream is the fast path; storage is the guarantee. Read it every few seconds too, and
      // renew this instance's presence on the others.
      this.housekeeping = setInterval(() => {
        for (const room of this.loaded.values()) {
          room.catchUp()
          room.refreshPresence()
        }
      }, 2_000)
      this.housekeeping.unref()
    }
  }

  /** The loaded room of a board (loading it if needed). The caller checked the board exists. */
  get(boardId: string): Promise<Room> {
    this.cancelUnload(boardId)
    let room = this.open.get(boardId)
    if (!room) {
      const deleting = this.deleting.get(boardId)
      const loading = deleting ? deleting.then(() => this.load(boardId)) : this.load(boardId)
      room = loading
      this.open.set(boardId, loading)
      loading.then(
        (r) => this.loaded.set(boardId, r),
        () => {
          if (this.open.get(boardId) === loading) this.open.delete(boardId)
        },
      )
    }
    return room
  }

  /** Applies a server-side change to a board's document (loading it if needed), stored first. */
  async change(boardId: string, change: (doc: Y.Doc) => void, reason: string): Promise<void> {
    const room = await this.get(boardId)
    try {
      await room.serverChange(change, reason)
    } finally {
      if (room.size === 0) this.scheduleUnload(room)
    }
  }

  /** Closes every live connection on a board with a code (e.g. 4501: reconnect and re-read). */
  closeBoard(boardId: string, code: number, reason: string): void {
    this.loaded.get(boardId)?.closeAll(code, reason)
  }

  setPolicy(boardId: string, policy: RoomPolicy): void {
    this.loaded.get(boardId)?.setPolicy(policy)
  }

  /** Reads a board's live document (loading it if needed) once pending changes are in. */
  async read<T>(boardId: string, read: (doc: Y.Doc) => T): Promise<T> {
    const room = await this.get(boardId)
    try {
      await room.idle()
      return read(room.doc)
    } finally {
      if (room.size === 0) this.scheduleUnload(room)
    }
  }

  /**
   * Applies an access change to every live connection on a board, its restricted room and its
   * draft rooms (a removed member's draft socket would otherwise go on writing into the reveal).
   */
  setAccess(boardId: string, ...args: Parameters<Room['setAccess']>): void {
    this.loaded.get(boardId)?.setAccess(...args)
    this.loaded.get(restrictedRoom(boardId))?.setAccess(...args)
    const drafts = `${boardId}~draft~`
    for (const [name, room] of this.loaded) if (name.startsWith(drafts)) room.setAccess(...args)
  }

  /** Drops what the bus between instances retains of a room (its update stream). */
  async forgetRetained(room: string): Promise<void> {
    await this.options.bus?.forget?.(room)
  }

  /**
   * Rewrites a room's stored history as one snapshot of its garbage-collected document, so deleted
   * content is gone from storage (the log and the previous snapshot), not only from view.
   */
  async compactStored(room: string): Promise<void> {
    const r = await this.get(room)
    try {
      r.compact()
      await r.idle()
    } finally {
      if (r.size === 0) this.scheduleUnload(r)
    }
  }

  /**
   * Deletes a room with its stored history and its retained stream (a revealed draft room): its
   * connections close with `code` (a client may reconnect to a fresh, empty room) and the copy in
   * memory is dropped without the compaction an unload would store.
   */
  async drop(name: string, code: number, reason: string): Promise<void> {
    const previous = this.open.get(name)
    this.open.delete(name)
    const deleting = (async () => {
      const room = previous ? await previous.catch(() => undefined) : undefined
      if (room) {
        this.dropped.add(room)
        room.closeAll(code, reason)
        this.cancelUnload(name)
        await room.idle()
        if (this.loaded.get(name) === room) this.loaded.delete(name)
        this.options.bus?.leave(name)
      }
      await this.options.storage.docs.delete(name)
      const bus = this.options.bus
      await (bus?.delete ? bus.delete(name) : bus?.forget?.(name))
      room?.doc.destroy()
    })()
    this.deleting.set(name, deleting)
    try {
      await deleting
    } finally {
      if (this.deleting.get(name) === deleting) this.deleting.delete(name)
    }
  }

  /** A room if it is loaded right now, without loading it. */
  async peek(boardId: string): Promise<Room | undefined> {
    return this.open.get(boardId)
  }

  isOpen(boardId: string): boolean {
    return this.open.has(boardId)
  }

  loadedCount(): number {
    return this.open.size
  }

  async closeAll(): Promise<void> {
    clearInterval(this.housekeeping)
    for (const timer of this.unloadTimers.values()) clearTimeout(timer)
    this.unloadTimers.clear()
    const rooms = await Promise.allSettled([...this.open.values()])
    this.open.clear()
    this.loaded.clear()
    for (const r of rooms) {
      if (r.status !== 'fulfilled') continue
      r.value.closeAll(CLOSE.goingAway, 'server shutting down')
      await r.value.idle()
      r.value.doc.destroy()
    }
  }

  private async load(boardId: string): Promise<Room> {
    const { storage, log, limits, bus } = this.options
    // Where the update stream is before reading storage: nothing published after it is missed.
    const streamFrom = bus ? await bus.position(boardId) : null
    const stored = await storage.docs.load(boardId)
    const storedBytes = (stored.snapshot?.length ?? 0) + stored.updates.reduce((n, u) => n + u.length, 0)
    await this.makeRoomFor(boardId, storedBytes)
    const doc = new Y.Doc()
    if (stored.snapshot) Y.applyUpdateV2(doc, stored.snapshot)
    for (const update of stored.updates) Y.applyUpdateV2(doc, update)

    // Migrations run here, on load; their changes are stored before anyone can join.
    const changes: Uint8Array[] = []
    const collect = (u: Uint8Array) => changes.push(u)
    doc.on('updateV2', collect)
    const migrated = migrateBoard(doc)
    doc.off('updateV2', collect)
    // A board stored by a newer version loads as it is, read-only: better than closing every
    // socket 1011 and leaving its export unreachable.
    const schemaTooNew = migrated.ok ? undefined : migrated.error.message
    if (schemaTooNew) log.warn('board_schema_too_new', { board: boardId, error: schemaTooNew })
    let lastSeq = stored.lastSeq
    if (changes.length && migrated.ok) {
      lastSeq = await storage.docs.append(boardId, [Y.mergeUpdatesV2(changes)])
      log.info('board_migrated', { board: boardId, from: migrated.value.from, to: migrated.value.to })
    }

    const board = await storage.boards.get(boardId)
    const parsed = parseRoom(boardId)
    // Authors are recorded for the board's shared document only; the room skips anonymous boards.
    const ownDocument = board !== null && parsed !== null && parsed.draftOf === null && !parsed.restricted
    const room = new Room({
      bus: bus && {
        publishUpdate: (u) => bus.publishUpdate(boardId, u),
        publishAwareness: (u) => bus.publishAwareness(boardId, u),
      },
      policy: { anonymous: board?.anonymous ?? false },
      boardId,
      doc,
      docs: storage.docs,
      lastSeq,
      limits,
      log,
      onEmpty: (r) => this.scheduleUnload(r),
      onBroken: (r) => this.forget(r),
      recordAuthors: ownDocument
        ? (userId, storyIds) => storage.storyAuthors.record(boardId, userId, storyIds, new Date().toISOString())
        : undefined,
      checksMeta: ownDocument,
      schemaTooNew,
      storedBytes,
    })
    const hadHistory = stored.snapshot !== null || stored.updates.length > 0
    if (migrated.ok && changes.length && hadHistory && rewritesHistory(migrated.value.applied)) {
      // The migration removed content (copied quotes): the stored history and versions follow now.
      const rewritten = await rewriteMigratedHistory({ storage, bus }, room, stored)
      log.info('board_history_rewritten', { board: boardId, ...rewritten })
    }
    this.mirrorMeta(boardId, doc)
    const notify = this.options.onContentChange
    if (notify) {
      for (const root of [storiesMap(doc), patternsMap(doc), membersMap(doc)]) root.observeDeep(() => notify(boardId))
    }
    if (bus && streamFrom !== null) {
      bus.join(boardId, streamFrom, {
        update: (u) => room.receiveRemote(u),
        awareness: (u, from) => room.receiveRemoteAwareness(u, from),
      })
    }
    return room
  }

  private mirrorMeta(boardId: string, doc: Y.Doc): void {
    // The board list reads relational records; keep title, scale and element in step.
    metaMap(doc).observe(() => {
      const meta = BoardMeta.safeParse(metaMap(doc).toJSON())
      if (!meta.success) return
      const { title, scale, element } = meta.data
      this.options.storage.boards.update(boardId, { title, scale, element }).catch((e: unknown) => {
        this.options.log.warn('board_meta_mirror_failed', { board: boardId, error: (e as Error).message })
      })
    })
  }

  /**
   * Keeps loaded rooms within the memory budget before a room of `storedBytes` loads: unloads the
   * idlest rooms nobody is connected to; refuses the load if live rooms alone leave no room. A
   * board larger than the whole budget still loads when nothing else is loaded.
   */
  private async makeRoomFor(boardId: string, storedBytes: number): Promise<void> {
    const max = this.options.maxLoadedBytes
    if (max === undefined) return
    const estimate = (bytes: number) => bytes * HEAP_PER_STORED_BYTE
    const others = () => [...this.loaded.values()].filter((r) => r.boardId !== boardId)
    const used = () => others().reduce((n, r) => n + estimate(r.storedBytes), 0)
    const need = estimate(storedBytes)
    if (used() + need <= max) return
    const idle = others().filter((r) => r.size === 0).sort((a, b) => a.lastActive - b.lastActive)
    for (const room of idle) {
      if (used() + need <= max) break
      this.cancelUnload(room.boardId)
      await this.unload(room)
      this.options.log.info('room_unloaded_for_memory', { board: room.boardId })
    }
    if (used() + need > max && others().length > 0) {
      this.options.log.warn('rooms_full', { board: boardId, loaded: others().length })
      throw new RoomsFull()
    }
  }

  private scheduleUnload(room: Room): void {
    this.cancelUnload(room.boardId)
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room.boardId)
      if (room.size > 0) return
      void this.unload(room)
    }, this.options.unloadAfterMs)
    timer.unref()
    this.unloadTimers.set(room.boardId, timer)
  }

  private async unload(room: Room): Promise<void> {
    if (this.dropped.has(room)) return
    // A draft room that holds no draft is not kept (deleted drafts' ids would stay in its history).
    if (parseRoom(room.boardId)?.draftOf && storiesMap(room.doc).size === 0) {
      if (this.loaded.get(room.boardId) === room) await this.drop(room.boardId, CLOSE.goingAway, 'no drafts')
      return
    }
    // Forget first: a join from now on loads afresh from storage, which already holds everything.
    this.forget(room)
    room.compact()
    await room.idle()
    room.doc.destroy()
  }

  private forget(room: Room): void {
    if (this.loaded.get(room.boardId) !== room) return
    this.loaded.delete(room.boardId)
    this.open.delete(room.boardId)
    this.options.bus?.leave(room.boardId)
  }

  private cancelUnload(boardId: string): void {
    const timer = this.unloadTimers.get(boardId)
    if (timer) clearTimeout(timer)
    this.unloadTimers.delete(boardId)
  }
}
