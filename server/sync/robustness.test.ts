// Malformed and hostile frames against a live board. Three honest stock providers keep editing
// while one raw socket sends more than 10,000 bad frames of twelve kinds. The server must stay up,
// never drop an honest client, store nothing the attacker sent, keep honest presence honest, and
// count every refusal under its code. Seeded: TEST_SEED=<n> replays or explores.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ROOT, storiesMap } from '../../shared/model/layout.ts'
import { readBoard } from '../../shared/model/readBoard.ts'
import {
  createStory,
  deleteStories,
  moveStories,
  updateStoryFields,
} from '../../shared/ops/story.ts'
import { CLOSE } from '../../shared/protocol/closeCodes.ts'
import * as attack from '../testing/attacks.ts'
import {
  ATTACKER,
  attackerPresence,
  type Structural,
  type Attack,
  type AttackKind,
  type Presence,
} from '../testing/attacks.ts'
import { sameSnapshot, stateVector, storedDoc } from '../testing/docState.ts'
import {
  connectClient,
  startServer,
  synced,
  waitFor,
  type TestClient,
  type TestServer,
} from '../testing/harness.ts'
import { openRaw, type RawSocket } from '../testing/rawSocket.ts'
import { streamOf, testSeed, type Rng } from '../testing/seed.ts'
import { awarenessFrame, step1Frame, syncCounter, syncFrame } from '../testing/wire.ts'
import type { Log } from '../log.ts'
import type { Room } from './room.ts'

const SEED = testSeed(1009)
const MAX_FRAME = 64 * 1024
const CHUNK = 250
const AWARENESS = 'foreign_or_invalid_awareness'
const local = { kind: 'local' } as const

type Honest = {
  name: string
  client: TestClient
  rng: Rng
  made: number
  disconnects: number
  /** Presence this client saw that it should never see: forged names, removed peers, odd states. */
  violations: string[]
  timer?: NodeJS.Timeout
}

function connectHonest(server: TestServer, boardId: string, name: string, rng: Rng): Honest {
  const client = connectClient(server.wsUrl, boardId)
  const h: Honest = { name, client, rng, made: 0, disconnects: 0, violations: [] }
  client.provider.on('status', ({ status }: { status: string }) => {
    if (status === 'disconnected') h.disconnects++
  })
  client.provider.on('connection-close', () => h.disconnects++)
  client.provider.awareness.setLocalState({
    user: { name, colour: '#2a9d8f' },
    cursor: { x: 0, y: 0 },
  })
  return h
}

/** Watches what `h` sees of everyone's presence: honest names only, nobody removed, objects only. */
function watchPresence(h: Honest, honestNames: () => Map<number, string>): void {
  const awareness = h.client.provider.awareness
  awareness.on(
    'change',
    ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      const names = honestNames()
      for (const id of [...added, ...updated]) {
        const state: unknown = awareness.getStates().get(id)
        if (state === null || typeof state !== 'object' || Array.isArray(state))
          h.violations.push(`${id}: not an object`)
        const expected = names.get(id)
        const name = (state as { user?: { name?: unknown } } | undefined)?.user?.name
        if (expected !== undefined && name !== expected)
          h.violations.push(`${id}: name ${String(name)}, expected ${expected}`)
      }
      for (const id of removed) if (names.has(id)) h.violations.push(`${id}: removed`)
    },
  )
}

function honestEdit(h: Honest): void {
  const doc = h.client.doc
  const ids = [...storiesMap(doc).keys()]
  if (h.made < 20 || h.rng.chance(0.1)) {
    const id = `${h.name}-${h.made++}`
    createStory(
      doc,
      { id, pos: { x: h.rng.int(3000), y: h.rng.int(2000) }, text: `${h.name} story ${h.made}` },
      local,
    )
  } else {
    const moves = h.rng
      .some(ids, 2)
      .map((id) => ({ id, pos: { x: h.rng.int(3000), y: h.rng.int(2000) } }))
    moveStories(doc, { moves }, local)
  }
  if (h.rng.chance(0.2))
    h.client.provider.awareness.setLocalStateField('cursor', {
      x: h.rng.int(3000),
      y: h.rng.int(2000),
    })
}

/** The attacker's socket: every chunk ends with a sync step 1, whose reply proves the chunk was processed. */
class Attacker {
  raw!: RawSocket
  private count: ReturnType<typeof syncCounter> = () => 0
  private expected = 0
  private presenceClock = 0
  private connections = 0
  /** This connection's own presence id (a fresh one per connection: see [R3]). */
  presence = 0
  readonly closes: number[] = []
  sent = 0

  constructor(
    private readonly url: string,
    private readonly room: Room,
  ) {}

  async connect(): Promise<void> {
    this.raw = openRaw(this.url)
    await this.raw.opened
    this.count = syncCounter(this.raw)
    this.expected = 1 // the greeting
    await waitFor(() => this.count('step2') >= this.expected, 5000, 'attacker greeting')
    // Claim a presence id of its own, for the bad-JSON attacks on an id it owns.
    this.presence = attackerPresence(this.connections++)
    this.raw.ws.send(
      awarenessFrame([{ ...this.nextPresence(), state: '{"user":{"name":"attacker"}}' }]),
    )
  }

  nextPresence(): Presence {
    return { client: this.presence, clock: ++this.presenceClock }
  }

  send(frame: Uint8Array | string): void {
    this.raw.ws.send(frame, { binary: typeof frame !== 'string' })
    this.sent++
  }

  /** Waits until the server has processed everything sent so far; false if it closed the socket instead. */
  async settle(): Promise<boolean> {
    this.raw.ws.send(step1Frame(Y.encodeStateVector(this.room.doc)))
    this.expected++
    const open = () => this.raw.ws.readyState === this.raw.ws.OPEN
    await waitFor(
      () => this.count('step2') >= this.expected || !open(),
      10_000,
      'attacker sentinel',
    )
    return open()
  }

  /** A frame past the cap: the socket is closed with 1009; then a fresh one. */
  async oversized(rng: Rng): Promise<void> {
    const payload = new Uint8Array(MAX_FRAME + 1 + rng.int(4096))
    rng.fill(payload)
    this.send(syncFrame(2, payload))
    const { code } = await this.raw.closed
    this.closes.push(code)
    await this.connect()
  }
}

const delta = (after: Record<string, number>, before: Record<string, number>) => {
  const d: Record<string, number> = {}
  for (const [code, n] of Object.entries(after))
    if (n - (before[code] ?? 0) > 0) d[code] = n - (before[code] ?? 0)
  return d
}

/** A few hundred distinct frames of one kind, drawn from at random: generating each is the slow part. */
function pool(rng: Rng, size: number, make: () => Attack): () => Attack {
  const frames = Array.from({ length: size }, make)
  return () => rng.pick(frames)
}

describe('[R] malformed frames against a live board', () => {
  let server: TestServer
  const clients: TestClient[] = []
  /** Errors the server logged (a broken room logs `room_broken` with the reason). */
  const errors: string[] = []
  const log: Log = {
    info() {},
    warn() {},
    error: (event, fields) => errors.push(`${event} ${JSON.stringify(fields)}`),
  }

  beforeAll(async () => {
    server = await startServer({ config: { maxFrameBytes: MAX_FRAME }, log })
  })
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy()
    errors.length = 0
  })
  afterAll(async () => {
    await server.close()
  })

  it(`[R1] 10,000+ bad frames: server up, honest clients connected and identical, nothing stored (seed ${SEED})`, async () => {
    const rng = streamOf(SEED, 0)
    const boardId = await server.createBoard('Under attack')
    const honest = ['alice', 'bob', 'carol'].map((name, i) =>
      connectHonest(server, boardId, name, streamOf(SEED, i + 1)),
    )
    clients.push(...honest.map((h) => h.client))
    const honestNames = () => new Map(honest.map((h) => [h.client.doc.clientID, h.name]))
    for (const h of honest) watchPresence(h, honestNames)
    await Promise.all(honest.map((h) => synced(h.client)))
    const room = (await server.lw.rooms.peek(boardId))!
    expect(room).toBeDefined()
    // The board's own ids (creation, migrations) before anyone writes.
    const allowedClients = new Set([
      ...stateVector(room.doc).keys(),
      ...honest.map((h) => h.client.doc.clientID),
    ])
    honest.forEach((h, i) => {
      h.timer = setInterval(() => honestEdit(h), 6 + i)
    })
    await waitFor(() => honest.every((h) => h.made >= 5), 10_000, 'honest edits under way')

    const attacker = new Attacker(`${server.wsUrl}/${boardId}`, room)
    await attacker.connect()
    const victims = () => honest.map((h) => h.client.doc.clientID)
    const generators: Record<AttackKind, [count: number, next: () => Attack]> = {
      random_bytes: [2000, () => attack.randomBytes(rng)],
      truncated_update: [1200, pool(rng, 200, () => attack.truncatedUpdate(rng))],
      bit_flipped_update: [1200, pool(rng, 300, () => attack.bitFlippedUpdate(rng))],
      unknown_message_type: [1000, () => attack.unknownMessageType(rng)],
      huge_varint: [1000, () => attack.hugeVarint(rng)],
      bad_awareness_json: [800, () => attack.badAwarenessJson(rng, attacker.nextPresence())],
      forged_client_id: [
        600,
        () => {
          const victim = rng.pick(victims())
          return attack.forgedUpdate(rng, victim, Y.getState(room.doc.store, victim))
        },
      ],
      forged_awareness: [
        600,
        () => attack.forgedAwareness(rng, victims(), attacker.nextPresence()),
      ],
      missing_dependency: [1000, pool(rng, 200, () => attack.missingDependency(rng))],
      unknown_root: [800, pool(rng, 200, () => attack.unknownRoot(rng))],
      text_frame: [500, () => attack.textFrame(rng)],
      structural_update: [300, () => attack.refusedStructural(rng)],
    }
    const kinds = rng.shuffle(Object.keys(generators) as AttackKind[])
    const health: number[] = []
    const failures: string[] = []

    for (const [index, kind] of kinds.entries()) {
      // Halfway through, frames past the cap: closed with 1009, and the attacker comes back.
      if (index === Math.floor(kinds.length / 2))
        for (let i = 0; i < 3; i++) await attacker.oversized(rng)
      const [count, next] = generators[kind]
      const before = room.stats().rejected
      const exact: Record<string, number> = {}
      let mustReject = 0
      let mayReject = 0
      let allExact = true
      for (let sent = 0; sent < count; sent += CHUNK) {
        for (let i = sent; i < Math.min(count, sent + CHUNK); i++) {
          const a = next()
          attacker.send(a.frame)
          if (a.codes.length === 1 && a.mustReject)
            exact[a.codes[0]!] = (exact[a.codes[0]!] ?? 0) + 1
          else allExact = false
          if (a.codes.some((c) => c !== AWARENESS)) {
            mayReject++
            if (a.mustReject) mustReject++
          }
        }
        expect(await attacker.settle(), `the attacker's socket stays open (${kind})`).toBe(true)
        health.push((await fetch(`${server.url}/healthz`)).status)
      }
      const counted = delta(room.stats().rejected, before)
      const { [AWARENESS]: awareness = 0, ...other } = counted
      const otherTotal = Object.values(other).reduce((n, v) => n + v, 0)
      const context = `${kind}: counted ${JSON.stringify(counted)}, expected ${JSON.stringify(exact)}`
      if (exact[AWARENESS] !== undefined && awareness < exact[AWARENESS]) failures.push(context)
      const { [AWARENESS]: _, ...exactOther } = exact
      if (allExact && JSON.stringify(sorted(other)) !== JSON.stringify(sorted(exactOther)))
        failures.push(context)
      if (!allExact && (otherTotal < mustReject || otherTotal > mayReject))
        failures.push(`${context} (between ${mustReject} and ${mayReject})`)
    }
    expect(failures, `rejection counts (seed ${SEED})`).toEqual([])
    expect(attacker.sent).toBeGreaterThanOrEqual(10_000)
    expect(attacker.closes).toEqual([CLOSE.messageTooBig, CLOSE.messageTooBig, CLOSE.messageTooBig])
    expect(health.every((s) => s === 200)).toBe(true)

    // Honest clients: never disconnected, presence never forged, and in the end identical.
    for (const h of honest) clearInterval(h.timer)
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    expect(errors).toEqual([])
    expect(
      honest.map((h) => h.disconnects),
      `seed ${SEED}`,
    ).toEqual([0, 0, 0])
    expect(honest.flatMap((h) => h.violations).slice(0, 5), `seed ${SEED}`).toEqual([])
    expect(await server.lw.rooms.peek(boardId), 'the room was never broken and reloaded').toBe(room)
    await waitFor(
      () => honest.every((h) => sameSnapshot(h.client.doc, room.doc)),
      10_000,
      'honest clients converge',
    )
    const fresh = connectClient(server.wsUrl, boardId)
    clients.push(fresh)
    await synced(fresh)
    const board = readBoard(fresh.doc)
    expect(board.problems).toEqual([])
    expect(board.stories.length).toBeGreaterThanOrEqual(60)
    for (const h of honest) {
      expect(sameSnapshot(h.client.doc, fresh.doc)).toBe(true)
      expect(readBoard(h.client.doc)).toEqual(board)
    }

    // Storage: exactly what the honest clients have, nothing pending, no foreign roots or ids.
    const stored = await storedDoc(server.storage, boardId)
    expect(stored.store.pendingStructs).toBeNull()
    expect(stored.store.pendingDs).toBeNull()
    expect(
      [...stored.share.keys()].filter((k) => !(Object.values(ROOT) as string[]).includes(k)),
    ).toEqual([])
    const storedClients = [...stateVector(stored).keys()]
    expect(storedClients.filter((c) => !allowedClients.has(c))).toEqual([])
    expect(storedClients.filter((c) => (Object.values(ATTACKER) as number[]).includes(c))).toEqual(
      [],
    )
    expect(sameSnapshot(stored, fresh.doc)).toBe(true)
    attacker.raw.ws.close()
  })

  it(`[R2] a forged presence entry for an honest client never reaches another honest client (seed ${SEED})`, async () => {
    const rng = streamOf(SEED, 100)
    const boardId = await server.createBoard('Impersonation')
    const alice = connectHonest(server, boardId, 'alice', streamOf(SEED, 101))
    const bob = connectHonest(server, boardId, 'bob', streamOf(SEED, 102))
    clients.push(alice.client, bob.client)
    const names = () => new Map([alice, bob].map((h) => [h.client.doc.clientID, h.name]))
    watchPresence(alice, names)
    watchPresence(bob, names)
    const seenBy = (h: Honest, id: number) =>
      h.client.provider.awareness.getStates().get(id) as
        { user?: { name?: string }; n?: number } | undefined
    await waitFor(
      () =>
        seenBy(bob, alice.client.doc.clientID)?.user?.name === 'alice' &&
        seenBy(alice, bob.client.doc.clientID)?.user?.name === 'bob',
    )
    const room = (await server.lw.rooms.peek(boardId))!
    const before = room.stats().rejected[AWARENESS] ?? 0

    const attacker = new Attacker(`${server.wsUrl}/${boardId}`, room)
    await attacker.connect()
    const victims = [alice.client.doc.clientID, bob.client.doc.clientID]
    let forged = 0
    for (let i = 0; i < 300; i++) {
      const a = attack.forgedAwareness(rng, victims, attacker.nextPresence())
      forged += a.forged
      attacker.send(a.frame)
    }
    // The attacker's own last entry is the marker: once Bob has it, he has had everything before it.
    attacker.send(
      awarenessFrame([
        { ...attacker.nextPresence(), state: '{"user":{"name":"attacker"},"n":-1}' },
      ]),
    )
    await waitFor(() => seenBy(bob, attacker.presence)?.n === -1, 5000, 'marker at bob')

    expect(seenBy(bob, alice.client.doc.clientID)?.user?.name).toBe('alice')
    expect(seenBy(alice, bob.client.doc.clientID)?.user?.name).toBe('bob')
    expect([...alice.violations, ...bob.violations]).toEqual([])
    expect((room.stats().rejected[AWARENESS] ?? 0) - before).toBeGreaterThanOrEqual(forged)
    // The forged clocks did not poison anyone's view: Alice's next change still reaches Bob.
    alice.client.provider.awareness.setLocalStateField('cursor', { x: 4242, y: 1 })
    await waitFor(
      () =>
        (seenBy(bob, alice.client.doc.clientID) as { cursor?: { x: number } })?.cursor?.x === 4242,
    )
    expect(alice.disconnects + bob.disconnects).toBe(0)
    attacker.raw.ws.close()
  })

  // Was a bug: when a connection drops, the server frees its client ids and
  // tells the others it left; a stock y-websocket peer echoes that removal back, and the echo
  // claims the free id for the peer's connection. The dropped client reconnects with the same
  // Y.Doc, and from then on every update it sends is refused as foreign_client_id: it diverges
  // silently. No attacker needed: an ordinary network drop (or a server-side transient close,
  // e.g. 1013 or 4501) among stock clients is enough.
  it(
    "[R3] after a dropped connection, a stock peer's echo does not claim the client id, and the client's edits still apply",
    async () => {
      const boardId = await server.createBoard('Dropped connection')
      const alice = connectHonest(server, boardId, 'alice', streamOf(SEED, 201))
      const bob = connectHonest(server, boardId, 'bob', streamOf(SEED, 202))
      clients.push(alice.client, bob.client)
      await waitFor(
        () => bob.client.provider.awareness.getStates().has(alice.client.doc.clientID),
        5000,
        'bob sees alice',
      )
      const room = (await server.lw.rooms.peek(boardId))!
      alice.client.provider.ws!.close() // the connection drops; the stock provider reconnects by itself
      await waitFor(
        () => !bob.client.provider.awareness.getStates().has(alice.client.doc.clientID),
        5000,
        'bob drops alice',
      )
      await waitFor(() => alice.client.provider.synced, 5000, 'alice back')
      createStory(alice.client.doc, { id: 'after-reconnect', pos: { x: 1, y: 1 } }, local)
      createStory(bob.client.doc, { id: 'marker-from-bob', pos: { x: 2, y: 2 } }, local)
      await waitFor(
        () => storiesMap(alice.client.doc).has('marker-from-bob'),
        5000,
        'marker at alice',
      )
      await room.idle()
      // Today: refused as foreign_client_id, and Bob never sees Alice's story.
      expect(room.stats().rejected.foreign_client_id ?? 0).toBe(0)
      await waitFor(
        () => storiesMap(bob.client.doc).has('after-reconnect'),
        2000,
        "alice's story at bob",
      )
    },
  )

  // An honest race the check must let through: Alice deletes a story while Bob, offline, sets a
  // field it did not have. The server has garbage-collected the story's map (its item now holds
  // ContentDeleted), and Bob's new key names that item as its parent (a key that had a value names
  // the old value instead). Yjs integrates such a child as deleted; the check must not refuse it.
  it('[R5] setting a new field on a story deleted meanwhile is accepted, and the editor keeps syncing', async () => {
    const boardId = await server.createBoard('Delete and move')
    // No presence set: nobody echoes anybody's removal (see [R3]).
    const alice = connectClient(server.wsUrl, boardId)
    const bob = connectClient(server.wsUrl, boardId)
    clients.push(alice, bob)
    await Promise.all([synced(alice), synced(bob)])
    createStory(alice.doc, { id: 'contested', pos: { x: 0, y: 0 } }, local)
    await waitFor(() => storiesMap(bob.doc).has('contested'), 5000, 'story at bob')
    bob.provider.disconnect()
    deleteStories(alice.doc, { ids: ['contested'] }, local)
    expect(
      updateStoryFields(bob.doc, { id: 'contested', fields: { outcome: 'better' } }, local).ok,
    ).toBe(true)
    const room = (await server.lw.rooms.peek(boardId))!
    await waitFor(() => !storiesMap(room.doc).has('contested'), 5000, 'delete at the server')
    bob.provider.connect()
    await synced(bob)
    createStory(bob.doc, { id: 'after-the-race', pos: { x: 1, y: 1 } }, local)
    await waitFor(
      () => storiesMap(alice.doc).has('after-the-race'),
      5000,
      "bob's next story at alice",
    )
    await waitFor(() => sameSnapshot(alice.doc, bob.doc), 5000, 'alice and bob converge')
    expect(room.stats().rejected).toEqual({})
    expect([...storiesMap(bob.doc).keys()]).toEqual(['after-the-race'])
  })

  // Updates that parse, reference nothing the server lacks and touch only board roots, but that
  // Yjs cannot integrate. Before updateCheck refused them, Y.applyUpdate threw or left pending
  // structs, the room's pipeline threw, and the room was dropped: every connection on the board
  // closed with 1011. One small frame from any writer disconnected everybody.
  const structural = async (kind: Structural) => {
    const boardId = await server.createBoard(`Structural ${kind}`)
    const alice = connectHonest(server, boardId, 'alice', streamOf(SEED, 301))
    clients.push(alice.client)
    await synced(alice.client)
    const room = (await server.lw.rooms.peek(boardId))!
    const attacker = new Attacker(`${server.wsUrl}/${boardId}`, room)
    await attacker.connect()
    attacker.send(syncFrame(2, attack.structuralUpdate(kind)))
    const processed = await attacker.settle()
    expect(errors).toEqual([])
    expect(processed, 'the attacker gets an answer, not a closed board').toBe(true)
    expect(alice.disconnects).toBe(0)
    expect(room.stats().rejected.malformed_update).toBe(1)
    expect(await server.lw.rooms.peek(boardId)).toBe(room)
    attacker.raw.ws.close()
  }
  it('[R4] an update with a client split over two sections is refused, and nobody is closed', () =>
    structural('duplicate_sections'))
  it('[R4] an update whose struct refers to a later struct of its client is refused, and nobody is closed', () =>
    structural('forward_reference'))
  // Was a bug: two clients' structs in one update that depend on each other passed the check; Yjs
  // left them pending and the room was dropped (1011 for everyone).
  it(
    '[R6] an update whose structs of two clients depend on each other is refused, and nobody is closed',
    () => structural('dependency_cycle'),
  )
})

function sorted(counts: Record<string, number>): Array<[string, number]> {
  return Object.entries(counts).sort(([a], [b]) => a.localeCompare(b))
}
