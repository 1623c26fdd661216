// One open board: its Y.Doc, the connections on it, and the pipeline every message goes through.
// Messages are queued and processed in batches, one batch at a time: updates are checked and
// applied, the accepted ones are committed to storage, and only then does anyone receive them
// (write before broadcast), merged into one frame per recipient without their own changes.
import * as Y from 'yjs'
import { canWrite, type Access } from '../../shared/access/access.ts'
import { CLOSE } from '../../shared/protocol/closeCodes.ts'
import { refusalNoticeMs, SYNC, WRITE_REFUSED } from '../../shared/protocol/messages.ts'
import { ROOT, SERVER_ROOTS, storiesMap } from '../../shared/model/layout.ts'
import { parseRoom, readSession, type SessionState } from '../../shared/model/facilitation.ts'
import { atLeast } from '../../shared/access/roles.ts'
import type { Log } from '../log.ts'
import type { DocStore } from '../storage/types.ts'
import { AwarenessRelay } from './awarenessRelay.ts'
import { encodePermissionDenied, encodeSync, parseFrame, type Incoming } from './frames.ts'
import type { Principal, SyncSocket } from './socket.ts'
import { checkUpdate } from './updateCheck.ts'
import { ClientIds, type Ownership } from './clientIds.ts'
import { StoryGuard } from '../ethics/storyGuard.ts'
import { AnswerBudget, ANSWER_BUDGET_FLOOR_BYTES } from './answerBudget.ts'
import { watchReadOnly, type BoardReadOnly } from './readOnly.ts'

export type RoomLimits = {
  maxAwarenessStateBytes: number
  maxClientIdsPerConnection: number
  /** Compact the stored log into a snapshot after this many appended batches. */
  compactEvery: number
  /** Close a connection whose unsent bytes exceed this (it has stopped reading). */
  maxBufferedBytes: number
}

export type ConnectionStats = { droppedWrites: number; rejected: Record<string, number> }

type Connection = {
  id: string
  socket: SyncSocket
  access: Access
  principal: Principal
  clients: Set<number>
  stats: ConnectionStats
  open: boolean
  /** When this connection was last told a write of its was refused (0: never). */
  refusalNoticeAt: number
  /**
   * What is on its way to the connection in answer to a sync step 1: its greeting (the whole
   * board) or an answer queued or still being sent. A step 1 meanwhile asks for nothing it will
   * not get: every connection is sent the whole board and every change after it ([H10]).
   */
  sending: 'greeting' | 'answer' | null
  answers: AnswerBudget
  /** The hash of the key this connection proves its client ids with (clientKeys.ts), if any. */
  key: string | null
}

type Job =
  | { kind: 'join'; conn: Connection }
  | { kind: 'message'; conn: Connection; message: Incoming }
  | { kind: 'compact' }
  | { kind: 'server'; change: (doc: Y.Doc) => void; reason: string; done: (error?: Error) => void }
  | { kind: 'remote'; update: Uint8Array }
  | { kind: 'catchUp' }

export type RoomStats = {
  connections: number
  droppedWrites: number
  rejected: Record<string, number>
  storedBatches: number
}

export type RoomConnection = {
  readonly id: string
  receive(frame: Uint8Array): void
  leave(): void
  readonly stats: ConnectionStats
}

const LOCKABLE_ROOTS: ReadonlySet<string> = new Set([ROOT.stories, ROOT.patterns, ROOT.members])
const PRIVATE_ROOTS: ReadonlySet<string> = new Set([ROOT.stories])

const ANONYMOUS_FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['author'])

function neutralPresence(state: Record<string, unknown>): Record<string, unknown> {
  const user = state.user
  if (user === null || typeof user !== 'object') return state
  return { ...state, user: { ...(user as Record<string, unknown>), name: NEUTRAL_NAME } }
}

/** The sender id of changes the server makes itself; no connection has it. */
const SERVER = 'server'
const REMOTE = 'remote'
/** `created`: story ids the update added, and the person whose connection sent it. */
type Accepted = { from: string; update: Uint8Array; created?: { userId: string; storyIds: string[] } }

/** Board settings the room enforces on every message. */
export type RoomPolicy = { anonymous: boolean }

/** A Yjs (v1) update with no structs and no deletions. */
const EMPTY_UPDATE = new Uint8Array([0, 0])

/** In anonymous mode presence carries this name, whatever a client sends. */
export const NEUTRAL_NAME = 'Participant'

/** How the room reaches the same board on other instances (absent on a single instance). */
export type RoomBus = {
  publishUpdate(update: Uint8Array): void
  publishAwareness(update: Uint8Array): void
}

/** Presence from another instance that is not renewed for this long is dropped. */
const REMOTE_PRESENCE_TTL_MS = 35_000

export type RoomDeps = {
  bus?: RoomBus
  policy: RoomPolicy
  boardId: string
  doc: Y.Doc
  docs: DocStore
  /** The room's document holds every stored update up to this sequence number. */
  lastSeq: number
  limits: RoomLimits
  log: Log
  onEmpty(room: Room): void
  /** A committed batch failed to persist: the room must be dropped and reloaded. */
  onBroken(room: Room): void
  /**
   * Records who created stories (withdrawal rights), after their batch is stored. Absent for rooms
   * that are not a board's shared document (private drafts, restricted content).
   */
  recordAuthors?: (userId: string, storyIds: string[]) => Promise<void>
  /**
   * A board's shared document, whose meta must be valid for anyone to write. Absent for draft
   * and restricted rooms, which hold no meta.
   */
  checksMeta?: boolean
  /** Stored by a newer version of Learning Wall: loaded unmigrated, and nobody writes to it. */
  schemaTooNew?: string
  /** The board's stored bytes when it was loaded. */
  storedBytes?: number
}

export class Room {
  readonly boardId: string
  readonly doc: Y.Doc
  private readonly connections = new Map<string, Connection>()
  private readonly clientIds = new ClientIds((client) => this.keys.get(client))
  /**
   * Client ids and the hashes of the keys that first wrote them ([H12]), as stored (read before
   * the first join) and as recorded here. Not kept for a person's draft room: only they open it.
   */
  private keys = new Map<number, string>()
  private keysLoaded = false
  /** Keys recorded by this batch, stored before its updates. */
  private newKeys: Array<[number, string]> = []
  private readonly awareness: AwarenessRelay
  private inbox: Job[] = []
  private pumping = false
  private awarenessScheduled = false
  private lastSeq: number
  private batchesSinceCompaction = 0
  private nextConnection = 1
  private broken = false
  private totals = { droppedWrites: 0, rejected: {} as Record<string, number>, storedBatches: 0 }
  /** Story ids the update being applied added to the `stories` root (filled by an observer). */
  private added: string[] = []
  /** Authorship writes in flight, one after another; `idle()` waits for them. */
  private authorWrites: Promise<void> = Promise.resolve()
  /** The size of the whole board as last sent in a greeting: the step 1 answer budget's scale. */
  private fullStateBytes = 0

  /** The facilitated session, read from the document whenever it changes (also via other instances). */
  private session: SessionState | null
  /** Withdrawn stories and restricted placeholders: what no client may write (research ethics). */
  private readonly guard: StoryGuard

  constructor(private readonly deps: RoomDeps) {
    this.boardId = deps.boardId
    this.doc = deps.doc
    this.session = readSession(deps.doc)
    deps.doc.getMap(ROOT.session).observe(() => (this.session = readSession(deps.doc)))
    this.guard = new StoryGuard(deps.boardId, deps.doc)
    if (deps.recordAuthors) {
      // Only the keys a client's update adds: the observer runs once per transaction that touches
      // the root's own keys, not for edits inside a story.
      storiesMap(deps.doc).observe((event, tr) => {
        if ((tr.origin as { kind?: string } | null)?.kind !== 'connection') return
        for (const [key, change] of event.keys) if (change.action === 'add') this.added.push(key)
      })
    }
    this.lastSeq = deps.lastSeq
    this.storedBytes = deps.storedBytes ?? 0
    this.awareness = new AwarenessRelay(deps.limits.maxAwarenessStateBytes)
    watchReadOnly(deps.doc, deps, (reason) => (this.readOnly = reason))
  }

  /**
   * The board's stored size (V2: snapshot and log), kept up to date as batches are stored and the
   * log compacted: what the loaded-rooms budget estimates this room's memory from (Rooms).
   */
  storedBytes: number
  /** When anything last happened here: the loaded-rooms budget unloads the idlest rooms first. */
  lastActive = Date.now()

  /** Why nobody may write to this board now, or null. */
  private readOnly: BoardReadOnly | null = null

  get size(): number {
    return this.connections.size
  }

  setPolicy(policy: RoomPolicy): void {
    this.deps.policy = policy
  }

  stats(): RoomStats {
    return { connections: this.connections.size, ...this.totals, rejected: { ...this.totals.rejected } }
  }

  /**
   * Reads the stored keys of this room's client ids: before the first join, and before every join
   * when other instances record keys too ([H12]).
   */
  async loadClientKeys(): Promise<void> {
    if (!this.keyed || (this.keysLoaded && !this.deps.bus)) return
    const stored = new Map(await this.deps.docs.clientKeys(this.boardId))
    for (const [client, key] of this.keys) if (!stored.has(client)) stored.set(client, key)
    this.keys = stored
    this.keysLoaded = true
  }

  private get keyed(): boolean {
    return parseRoom(this.boardId)?.draftOf == null
  }

  /** `key`: the hash of the connection's client key (clientKeys.ts), null without one. */
  join(socket: SyncSocket, access: Access, principal: Principal, key: string | null = null): RoomConnection {
    const conn: Connection = {
      id: `${this.boardId}:${this.nextConnection++}`,
      socket,
      access,
      principal,
      clients: new Set(),
      stats: { droppedWrites: 0, rejected: {} },
      open: true,
      refusalNoticeAt: 0,
      sending: 'greeting',
      answers: new AnswerBudget(() => Math.max(this.fullStateBytes, ANSWER_BUDGET_FLOOR_BYTES)),
      key: this.keyed ? key : null,
    }
    this.connections.set(conn.id, conn)
    this.enqueue({ kind: 'join', conn })
    return {
      id: conn.id,
      stats: conn.stats,
      receive: (frame) => this.receive(conn, frame),
      leave: () => this.leave(conn),
    }
  }

  /** Changes what live connections may do (e.g. a role changed); `none` closes them. */
  setAccess(match: (principal: Principal) => boolean, access: Access, closeCode: number = CLOSE.forbidden): void {
    for (const conn of this.connections.values()) {
      if (!match(conn.principal)) continue
      if (access === 'none') {
        conn.socket.close(closeCode, 'access ended')
        this.leave(conn)
      } else conn.access = access
    }
  }

  /** Closes every connection, e.g. at shutdown. */
  closeAll(code: number, reason: string): void {
    for (const conn of [...this.connections.values()]) {
      conn.socket.close(code, reason)
      this.leave(conn)
    }
  }

  /** An update another instance stored and published: applied and sent on, not stored again. */
  receiveRemote(update: Uint8Array): void {
    this.enqueue({ kind: 'remote', update })
  }

  receiveRemoteAwareness(update: Uint8Array, instanceId: string): void {
    try {
      this.awareness.acceptRemote(update, instanceId)
      this.scheduleAwareness()
    } catch (e) {
      this.deps.log.warn('remote_awareness_rejected', { board: this.boardId, error: (e as Error).message })
    }
  }

  /** Reads from storage whatever this room may have missed (other instances' updates). */
  catchUp(): void {
    this.enqueue({ kind: 'catchUp' })
  }

  /** Re-announces local presence to other instances and drops presence they stopped renewing. */
  refreshPresence(): void {
    this.awareness.sweepRemote(REMOTE_PRESENCE_TTL_MS)
    const local = this.awareness.localSnapshot()
    if (local) this.deps.bus?.publishAwareness(local)
    this.scheduleAwareness()
  }

  /** Resolves when everything queued so far has been processed. */
  async idle(): Promise<void> {
    for (;;) {
      while (this.pumping || this.inbox.length) await new Promise((r) => setImmediate(r))
      const writes = this.authorWrites
      await writes
      if (writes === this.authorWrites && !this.pumping && !this.inbox.length) return
    }
  }

  compact(): void {
    this.enqueue({ kind: 'compact' })
  }

  /**
   * A change made by the server itself (board settings, cross-board operations): applied in the
   * same pipeline as client updates, so it is stored before anyone receives it.
   */
  serverChange(change: (doc: Y.Doc) => void, reason: string): Promise<void> {
    return new Promise((resolve, reject) =>
      this.enqueue({ kind: 'server', change, reason, done: (e) => (e ? reject(e) : resolve()) }),
    )
  }

  private receive(conn: Connection, frame: Uint8Array): void {
    if (!conn.open) return
    const parsed = parseFrame(frame)
    if (!parsed.ok) return this.reject(conn, parsed.error.code)
    const message = parsed.value
    switch (message.kind) {
      case 'awareness':
        return this.receiveAwareness(conn, message.update)
      case 'queryAwareness': {
        const frame = this.awareness.snapshotFrame()
        if (frame) this.send(conn, frame)
        return
      }
      case 'auth':
        return
      case 'step2':
      case 'update':
        if (!canWrite(conn.access)) {
          // Observers' writes are dropped and counted; an empty handshake reply is not a write.
          if (message.update.length > 2) {
            this.countDropped(conn)
            this.noticeRefusal(conn, 'read_only')
          }
          return
        }
        return this.enqueue({ kind: 'message', conn, message })
      case 'step1':
        // One answer at a time ([H10]). A stock client's first step 1 usually crosses the greeting,
        // which answers it: not a refusal. Another one while an answer is still on its way is.
        if (conn.sending === 'answer') return this.reject(conn, 'step1_while_answering')
        if (conn.sending === 'greeting') return
        conn.sending = 'answer'
        return this.enqueue({ kind: 'message', conn, message })
    }
  }

  private receiveAwareness(conn: Connection, update: Uint8Array): void {
    try {
      const result = this.awareness.accept(
        update,
        conn.id,
        (client) => this.presenceOwnership(conn, client),
        () => conn.clients.size < this.deps.limits.maxClientIdsPerConnection,
        this.deps.policy.anonymous ? neutralPresence : undefined,
      )
      for (const client of result.claimed) this.claim(conn, client)
      if (result.rejected) this.reject(conn, 'foreign_or_invalid_awareness', result.rejected)
      if (result.accepted) this.scheduleAwareness()
    } catch {
      this.reject(conn, 'malformed_awareness')
    }
  }

  private holderOf(conn: Connection) {
    return { connection: conn.id, principal: conn.principal.id, key: conn.key }
  }

  private ownership(conn: Connection, client: number): Ownership {
    return this.clientIds.ownership(this.holderOf(conn), client)
  }

  /**
   * Presence never takes an id from a live connection: a stock client echoes every entry it
   * receives, and with one session as the key of many documents its echo of a peer's entry would
   * otherwise take the peer's id (whose next write is then refused). A key takes its id back by
   * writing.
   */
  private presenceOwnership(conn: Connection, client: number): Ownership {
    const owner = this.ownership(conn, client)
    const holder = this.clientIds.holder(client)
    return owner === 'free' && holder !== null && holder !== conn.id ? 'other' : owner
  }

  private claim(conn: Connection, client: number): void {
    // A key takes its id back from whoever holds it (a squatter, or this client's own connection
    // the server has not yet seen close): that one keeps nothing of it, presence included.
    const previous = this.clientIds.holder(client)
    if (previous !== null && previous !== conn.id) {
      this.connections.get(previous)?.clients.delete(client)
      this.awareness.remove([client], previous)
      this.scheduleAwareness()
    }
    this.clientIds.claim(this.holderOf(conn), client)
    conn.clients.add(client)
  }

  /** The first content written with an id by a connection with a key binds the id to the key. */
  private bindKeys(conn: Connection, clients: Iterable<number>): void {
    if (conn.key === null) return
    for (const client of clients) {
      if (this.keys.has(client)) continue
      this.keys.set(client, conn.key)
      this.newKeys.push([client, conn.key])
    }
  }

  private leave(conn: Connection): void {
    if (!conn.open) return
    conn.open = false
    this.connections.delete(conn.id)
    this.clientIds.release(this.holderOf(conn), conn.clients)
    this.awareness.remove(conn.clients, conn.id)
    this.scheduleAwareness()
    if (this.connections.size === 0) this.deps.onEmpty(this)
  }

  private enqueue(job: Job): void {
    this.lastActive = Date.now()
    this.inbox.push(job)
    if (!this.pumping) {
      this.pumping = true
      setImmediate(() => void this.pump())
    }
  }

  private async pump(): Promise<void> {
    try {
      while (this.inbox.length && !this.broken) {
        const batch = this.inbox
        this.inbox = []
        await this.process(batch)
      }
    } catch (e) {
      this.breakRoom(e)
    } finally {
      this.pumping = false
    }
  }

  private async process(batch: Job[]): Promise<void> {
    const accepted: Accepted[] = []
    const replies: Array<() => void> = []
    const serverJobs: Array<(error?: Error) => void> = []
    // Updates already stored elsewhere (another instance, or storage itself): sent on, not stored.
    const relayed: Accepted[] = []
    let compact = false
    let catchUp = false
    for (const job of batch) {
      if (job.kind === 'compact') {
        compact = true
        continue
      }
      if (job.kind === 'catchUp') {
        catchUp = true
        continue
      }
      if (job.kind === 'remote') {
        const update = this.applyStored(() => Y.applyUpdate(this.doc, job.update, { kind: 'remote', source: 'instance' }))
        if (update) relayed.push({ from: REMOTE, update })
        continue
      }
      if (job.kind === 'server') {
        // A board of a newer schema takes no change, not even the server's: it would not know
        // what it writes into. Bad settings can be set again (that is how the board recovers).
        if (this.readOnly?.code === 'schema_too_new') {
          job.done(this.readOnly)
          continue
        }
        const update = this.runServerChange(job.change, job.reason)
        if (update) accepted.push({ from: SERVER, update })
        serverJobs.push(job.done)
        continue
      }
      const conn = job.conn
      if (!conn.open) continue
      if (job.kind === 'join') {
        replies.push(() => this.greet(conn))
        continue
      }
      const message = job.message
      if (message.kind === 'step1') {
        replies.push(() => this.answerStep1(conn, message.stateVector))
      } else if (message.kind === 'step2' || message.kind === 'update') {
        if (!canWrite(conn.access)) {
          this.countDropped(conn)
          this.noticeRefusal(conn, 'read_only')
        } else {
          const became = this.apply(conn, message.update)
          if (became) accepted.push({ from: conn.id, update: became, created: this.takeCreated(conn) })
        }
      }
    }
    if (catchUp) relayed.push(...(await this.readMissed()))
    if (accepted.length) {
      let seq: number
      try {
        // Keys first: content stored without its key would be anybody's after a restart.
        const keys = this.newKeys.splice(0)
        if (keys.length) await this.deps.docs.recordClientKeys(this.boardId, keys)
        const stored = accepted.map((a) => Y.convertUpdateFormatV1ToV2(a.update))
        seq = await this.deps.docs.append(this.boardId, stored)
        for (const u of stored) this.storedBytes += u.length
      } catch (e) {
        for (const done of serverJobs) done(e as Error)
        throw e
      }
      // Alone, this room is the board's only writer; with other instances only a read from
      // storage can say that nothing before `seq` is missing.
      if (!this.deps.bus) this.lastSeq = seq
      this.totals.storedBatches++
      this.batchesSinceCompaction++
      const merged = accepted.length === 1 ? accepted[0]!.update : Y.mergeUpdates(accepted.map((a) => a.update))
      this.deps.bus?.publishUpdate(merged)
    }
    if (accepted.length || relayed.length) this.broadcast([...accepted, ...relayed])
    for (const done of serverJobs) done()
    for (const reply of replies) reply()
    if (accepted.length) this.recordAuthors(accepted)
    if (compact || this.batchesSinceCompaction >= this.deps.limits.compactEvery) await this.compactNow()
  }

  /** The stories the update just applied added, if its sender is a person (a board member). */
  private takeCreated(conn: Connection): Accepted['created'] {
    const storyIds = this.added
    this.added = []
    // A principal without a board role is not a person (an open test server's shared 'guest').
    if (storyIds.length === 0 || conn.principal.role === undefined) return undefined
    return { userId: conn.principal.id, storyIds }
  }

  /**
   * Stores who created the batch's stories, after the batch is durable and sent: off the path
   * to the other participants. Never on an anonymous board. A failure is logged; the story
   * stays, and only its author loses the right to withdraw it themselves.
   */
  private recordAuthors(accepted: Accepted[]): void {
    const record = this.deps.recordAuthors
    if (!record || this.deps.policy.anonymous) return
    const byPerson = new Map<string, string[]>()
    for (const a of accepted) if (a.created) byPerson.set(a.created.userId, [...(byPerson.get(a.created.userId) ?? []), ...a.created.storyIds])
    if (byPerson.size === 0) return
    this.authorWrites = this.authorWrites.then(async () => {
      for (const [userId, storyIds] of byPerson) {
        try {
          await record(userId, storyIds)
        } catch (e) {
          this.deps.log.warn('story_authors_not_recorded', { board: this.boardId, stories: storyIds.length, error: (e as Error).message })
        }
      }
    })
  }

  /** Applies stored content and returns the update that it actually added, if any. */
  private applyStored(apply: () => void): Uint8Array | null {
    const updates: Uint8Array[] = []
    const collect = (u: Uint8Array) => updates.push(u)
    this.doc.on('update', collect)
    try {
      apply()
    } finally {
      this.doc.off('update', collect)
    }
    return updates.length === 0 ? null : updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)
  }

  private async readMissed(): Promise<Accepted[]> {
    const missed = await this.deps.docs.loadSince(this.boardId, this.lastSeq)
    const origin = { kind: 'remote', source: 'storage' } as const
    const update = this.applyStored(() => {
      if (missed.snapshot) Y.applyUpdateV2(this.doc, missed.snapshot, origin)
      for (const u of missed.updates) Y.applyUpdateV2(this.doc, u, origin)
    })
    this.lastSeq = Math.max(this.lastSeq, missed.lastSeq)
    return update ? [{ from: REMOTE, update }] : []
  }

  /**
   * Applies a checked update and returns what the document became through it (null: refused, or
   * nothing new). Anything that would apply partially or leave pending structs is refused.
   */
  private apply(conn: Connection, update: Uint8Array): Uint8Array | null {
    const session = this.session
    const steering = conn.principal.role !== undefined && atLeast(conn.principal.role, 'facilitator')
    const check = checkUpdate(this.doc, update, (client) => this.ownership(conn, client), {
      // Anonymous mode stores no author at all: an update that writes one is refused whole.
      forbiddenKeys: this.deps.policy.anonymous ? ANONYMOUS_FORBIDDEN_KEYS : undefined,
      serverOnlyRoots: SERVER_ROOTS,
      lockedKeys:
        session && session.lockedItems.length && !steering
          ? { roots: LOCKABLE_ROOTS, keys: new Set(session.lockedItems) }
          : undefined,
      noNewEntriesIn: session?.private && !steering ? PRIVATE_ROOTS : undefined,
      ...this.guard.options(),
    })
    if (!check.ok) {
      this.refuseWrite(conn, check.error.code)
      return null
    }
    if (!check.value.hasNewContent) return null
    if (this.readOnly) {
      this.countDropped(conn)
      this.refuseWrite(conn, this.readOnly.code)
      return null
    }
    if (session?.locked && !steering) {
      // A locked board: only facilitators edit. Refused, counted, never applied. (A handshake
      // reply with nothing new is not a write and is not refused: that would loop a reload.)
      this.countDropped(conn)
      this.refuseWrite(conn, 'locked')
      return null
    }
    for (const client of check.value.authors) {
      if (this.ownership(conn, client) === 'free') {
        if (conn.clients.size >= this.deps.limits.maxClientIdsPerConnection) {
          this.refuseWrite(conn, 'too_many_client_ids')
          return null
        }
        this.claim(conn, client)
      }
    }
    // Updates relayed from other instances may wait for each other; only a new wait is an error.
    const waitingBefore = this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null
    this.added = []
    let became: Uint8Array | null
    try {
      // Server-canonical history: what is stored, sent and streamed is what the document became
      // (Yjs encodes the transaction after garbage collection), never the client's bytes, which
      // may carry content the document integrated as deleted (a losing concurrent write, text
      // typed next to garbage-collected content).
      became = this.applyStored(() => Y.applyUpdate(this.doc, update, { kind: 'connection', connectionId: conn.id }))
    } catch (e) {
      // The check should make this unreachable; if not, the doc may hold a partial update.
      throw new Error(`update passed the check but failed to apply: ${(e as Error).message}`)
    }
    if (!waitingBefore && (this.doc.store.pendingStructs || this.doc.store.pendingDs)) {
      throw new Error('update passed the check but left pending structs')
    }
    this.bindKeys(conn, check.value.authors)
    return became
  }

  private runServerChange(change: (doc: Y.Doc) => void, reason: string): Uint8Array | null {
    const updates: Uint8Array[] = []
    const collect = (u: Uint8Array) => updates.push(u)
    this.doc.on('update', collect)
    try {
      this.doc.transact(() => change(this.doc), { kind: 'server', reason })
    } finally {
      this.doc.off('update', collect)
    }
    return updates.length === 0 ? null : updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)
  }

  private broadcast(accepted: Accepted[]): void {
    const senders = new Set(accepted.map((a) => a.from))
    const merged = (exclude: string | null) => {
      const updates = accepted.filter((a) => a.from !== exclude).map((a) => a.update)
      if (updates.length === 0) return null
      return encodeSync(SYNC.update, updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates))
    }
    const all = merged(null)
    for (const conn of this.connections.values()) {
      if (!senders.has(conn.id)) {
        if (all) this.send(conn, all)
      } else if (senders.size > 1) {
        const frame = merged(conn.id)
        if (frame) this.send(conn, frame)
      }
    }
  }

  private greet(conn: Connection): void {
    if (canWrite(conn.access)) this.send(conn, encodeSync(SYNC.step1, Y.encodeStateVector(this.doc)))
    const board = Y.encodeStateAsUpdate(this.doc)
    this.fullStateBytes = board.length
    this.send(conn, encodeSync(SYNC.step2, board), () => {
      if (conn.sending === 'greeting') conn.sending = null
    })
    const presence = this.awareness.snapshotFrame()
    if (presence) this.send(conn, presence)
  }

  /**
   * Answers a sync step 1 within the connection's budget ([H10]): a state vector that covers the
   * board gets an empty update (the greeting carried every deletion, and every change since was
   * sent on), anything else what it lacks if the budget allows, and nothing otherwise (counted).
   */
  private answerStep1(conn: Connection, stateVector: Uint8Array): void {
    const done = () => {
      if (conn.sending === 'answer') conn.sending = null
    }
    let theirs: Map<number, number>
    try {
      theirs = Y.decodeStateVector(stateVector)
    } catch {
      done()
      return this.reject(conn, 'malformed_state_vector')
    }
    if (this.covers(theirs)) return this.send(conn, encodeSync(SYNC.step2, EMPTY_UPDATE), done)
    if (!conn.answers.allows()) {
      done()
      return this.reject(conn, 'step1_over_budget')
    }
    let update: Uint8Array
    try {
      update = Y.encodeStateAsUpdate(this.doc, stateVector)
    } catch {
      done()
      return this.reject(conn, 'malformed_state_vector')
    }
    conn.answers.spend(update.length)
    this.send(conn, encodeSync(SYNC.step2, update), done)
  }

  /** Whether a state vector has every struct the board has. */
  private covers(theirs: Map<number, number>): boolean {
    for (const client of this.doc.store.clients.keys()) {
      if ((theirs.get(client) ?? 0) < Y.getState(this.doc.store, client)) return false
    }
    return true
  }

  private scheduleAwareness(): void {
    if (this.awarenessScheduled) return
    this.awarenessScheduled = true
    setImmediate(() => {
      this.awarenessScheduled = false
      const flushed = this.awareness.flush()
      if (!flushed) return
      const { frameFor, local } = flushed
      if (local) this.deps.bus?.publishAwareness(local)
      for (const conn of this.connections.values()) {
        const frame = frameFor(conn.id)
        if (frame) this.send(conn, frame)
      }
    })
  }

  private send(conn: Connection, frame: Uint8Array, sent?: () => void): void {
    if (!conn.open) return
    if ((conn.socket.bufferedAmount ?? 0) > this.deps.limits.maxBufferedBytes) {
      conn.socket.close(CLOSE.tryAgainLater, 'too far behind')
      this.leave(conn)
      return
    }
    try {
      conn.socket.send(frame, sent)
    } catch {
      this.leave(conn)
    }
  }

  private async compactNow(): Promise<void> {
    this.batchesSinceCompaction = 0
    if (this.deps.bus) {
      // The snapshot may only cover what this document holds: read what other instances stored.
      const missed = await this.readMissed()
      if (missed.length) this.broadcast(missed)
    }
    if (this.lastSeq === 0) return
    const snapshot = Y.encodeStateAsUpdateV2(this.doc)
    await this.deps.docs.compact(this.boardId, snapshot, this.lastSeq)
    this.storedBytes = snapshot.length
  }

  private reject(conn: Connection, code: string, n = 1): void {
    conn.stats.rejected[code] = (conn.stats.rejected[code] ?? 0) + n
    this.totals.rejected[code] = (this.totals.rejected[code] ?? 0) + n
  }

  /** A refused update: counted, and its writer told so it can start again from the board's copy. */
  private refuseWrite(conn: Connection, code: string): void {
    this.reject(conn, code)
    this.noticeRefusal(conn, code)
  }

  private noticeRefusal(conn: Connection, code: string): void {
    const now = Date.now()
    // Throttled: a flood of bad frames gets one short answer a second, not an echo each.
    if (now - conn.refusalNoticeAt < refusalNoticeMs) return
    conn.refusalNoticeAt = now
    this.send(conn, encodePermissionDenied(WRITE_REFUSED + code))
  }

  private countDropped(conn: Connection): void {
    conn.stats.droppedWrites++
    this.totals.droppedWrites++
  }

  private breakRoom(e: unknown): void {
    // Storage failed or the doc may hold something unstored: nobody may receive it. Close every
    // connection (they reconnect and resync from storage) and let the registry reload the room.
    this.broken = true
    this.deps.log.error('room_broken', { board: this.boardId, error: (e as Error).message })
    for (const conn of [...this.connections.values()]) {
      conn.socket.close(CLOSE.internalError, 'board reloading')
      conn.open = false
    }
    this.connections.clear()
    this.deps.onBroken(this)
  }
}
