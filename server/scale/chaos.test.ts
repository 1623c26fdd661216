// Chaos for scale-out: three real server instances (child processes) over one PostgreSQL database
// and a private redis-server, stock y-websocket clients on each instance editing one board without
// pause, while a seeded schedule kills instances with SIGKILL (restarting them on the same port;
// their clients reconnect on their own) and restarts Redis once (it keeps nothing), with one more
// instance dying during that outage and starting again before Redis is back. At every kill, what the dead instance's clients had received
// must already be stored (write before broadcast). After the writers stop, every client, every
// instance and a fresh load from the database must hold the same document, and nothing any client
// received or created may be missing from the database.
//
// Replay or explore: CHAOS_SEED=<n> npx vitest run server/scale/chaos.test.ts
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { storiesMap } from '../../shared/model/layout.ts'
import { readBoard } from '../../shared/model/readBoard.ts'
import { createStory, moveStories } from '../../shared/ops/story.ts'
import { mulberry32, type Rng } from '../../shared/testing/prng.ts'
import { openPostgresStorage } from '../storage/postgres.ts'
import type { Storage } from '../storage/types.ts'
import { parseFrame } from '../sync/frames.ts'
import { ApiClient, uniqueEmail } from '../testing/apiClient.ts'
import { connectClient, waitFor, type TestClient } from '../testing/harness.ts'
import { createTestDatabase } from '../testing/postgresDb.ts'
import {
  freePort,
  hasRedisServer,
  killAllProcesses,
  startInstance,
  startRedisServer,
  type InstanceProcess,
  type Proc,
} from '../testing/processes.ts'

const HAS_REDIS = hasRedisServer()
if (!HAS_REDIS) console.warn('[C1, C2] skipped: `redis-server` is not installed (the CI image has it; .ci/run starts one)')

function seedFromEnv(fallback: number): number {
  const raw = process.env.CHAOS_SEED
  if (raw === undefined || raw === '') return fallback
  const seed = Number(raw)
  if (!Number.isSafeInteger(seed)) throw new Error(`CHAOS_SEED must be an integer, got ${raw}`)
  return seed
}

const SEED = seedFromEnv(20260511)
const INSTANCES = 3
const CLIENTS_PER_INSTANCE = 2
/** One edit somewhere every this many ms while the chaos runs. */
const EDIT_EVERY_MS = 10
const local = { kind: 'local' } as const

type Event =
  /** With `stallMs`, the kill lands while the database has held every append for that long. */
  | { kind: 'kill'; gapMs: number; targets: number[]; downMs: number; stallMs: number }
  /** Redis killed and restarted empty; `alsoKill` dies during the outage and restarts during it. */
  | { kind: 'redis'; gapMs: number; downMs: number; alsoKill: number }

/**
 * The whole schedule, fixed by the seed: instance kills (one or two instances at a time; gaps
 * measured from the previous event, so restarts overlap later kills; the first and some others
 * while the database stalls every append, so that accepted updates are waiting to be stored
 * exactly when the instance dies), then one Redis restart
 * with an instance dying during the outage. The writers stop as Redis comes back, so what that
 * instance stored but could not publish reaches the others only through the catch-up from
 * storage, not through a compaction (which reads storage too) that later writes would trigger.
 */
function makeSchedule(rng: Rng): Event[] {
  const kills = 4 + rng.int(3)
  const events: Event[] = []
  for (let i = 0; i < kills; i++) {
    const targets = rng.chance(0.25) ? rng.shuffle([0, 1, 2]).slice(0, 2) : [rng.int(INSTANCES)]
    const stallMs = i === 0 || rng.chance(0.4) ? 150 + rng.int(350) : 0
    events.push({ kind: 'kill', gapMs: 300 + rng.int(1200), targets, downMs: rng.int(1000), stallMs })
  }
  events.push({ kind: 'redis', gapMs: 300 + rng.int(1200), downMs: 500 + rng.int(1500), alsoKill: rng.int(INSTANCES) })
  return events
}

type Writer = {
  name: string
  instance: number
  client: TestClient
  /** Every document update the server sent this client (sync step 2 and update frames), raw. */
  received: Uint8Array[]
  /** Story ids that arrived from the server. */
  seen: Set<string>
  /** Story ids this client created. */
  created: string[]
  edits: number
}

/**
 * A stock y-websocket client whose socket keeps a copy of every update frame the server sends.
 * Raw frames, not the doc's `update` events: those are re-encoded by the client and can carry
 * its own deletions (a key overwrite it lost), which are the client's writes, not the server's.
 */
function connectRecording(wsUrl: string, boardId: string, token: string, received: Uint8Array[]): TestClient {
  class RecordingSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols)
      this.on('message', (data: WebSocket.RawData) => {
        const bytes = Array.isArray(data) ? new Uint8Array(Buffer.concat(data)) : new Uint8Array(data)
        const frame = parseFrame(bytes)
        if (frame.ok && (frame.value.kind === 'step2' || frame.value.kind === 'update')) received.push(frame.value.update)
      })
    }
  }
  return connectClient(wsUrl, boardId, { token }, RecordingSocket)
}

function watch(w: Writer): void {
  const { doc, provider } = w.client
  storiesMap(doc).observe((event) => {
    if (event.transaction.origin !== provider) return
    for (const [id, change] of event.changes.keys) if (change.action === 'add') w.seen.add(id)
  })
}

function edit(w: Writer, rng: Rng): void {
  const doc = w.client.doc
  const ids = [...storiesMap(doc).keys()].sort()
  if (ids.length < 8 || rng.chance(0.3)) {
    const id = `chaos-${w.name}-${w.created.length}`
    createStory(doc, { id, pos: { x: rng.int(4000), y: rng.int(3000) }, text: id }, local)
    w.created.push(id)
  } else {
    const moves = rng.some(ids, 3).map((id) => ({ id, pos: { x: rng.int(4000), y: rng.int(3000) } }))
    moveStories(doc, { moves }, local)
  }
  w.edits++
}

const stateVector = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString('base64')
/** A short description of what a doc holds, for failure messages. */
const stories = (doc: Y.Doc) => `${storiesMap(doc).size} stories, state ${JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(doc))])}`
const pending = (doc: Y.Doc) => doc.store.pendingStructs !== null || doc.store.pendingDs !== null

async function storedDoc(storage: Storage, boardId: string): Promise<Y.Doc> {
  const stored = await storage.docs.load(boardId)
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdateV2(doc, stored.snapshot)
  for (const u of stored.updates) Y.applyUpdateV2(doc, u)
  return doc
}

/** What of `update` `doc` lacks: structs past its state, deletions it has not made. */
function missingFrom(doc: Y.Doc, update: Uint8Array): string[] {
  const sv = Y.decodeStateVector(Y.encodeStateVector(doc))
  const { structs, ds } = Y.decodeUpdate(update)
  const missing: string[] = []
  for (const s of structs) {
    if (s instanceof Y.Skip) continue
    const have = sv.get(s.id.client) ?? 0
    if (s.id.clock + s.length > have) missing.push(`struct ${s.id.client}:${s.id.clock}+${s.length} (has ${have})`)
  }
  for (const [client, ranges] of ds.clients) {
    for (const r of ranges) {
      for (let clock = r.clock; clock < r.clock + r.len; ) {
        if (clock >= (sv.get(client) ?? 0)) {
          missing.push(`delete ${client}:${clock}`)
          break
        }
        const item = Y.getItem(doc.store, Y.createID(client, clock))
        if (!item.deleted) {
          missing.push(`delete ${client}:${clock}`)
          break
        }
        clock = item.id.clock + item.length
      }
    }
  }
  return missing
}

/** Holds every append (INSERT into the update log) until released; reads are not blocked. */
async function stallAppends(url: string): Promise<{ release(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query('BEGIN')
  await client.query('LOCK TABLE doc_updates IN EXCLUSIVE MODE')
  return {
    async release() {
      await client.query('COMMIT')
      await client.end()
    },
  }
}


describe.skipIf(!HAS_REDIS)('[C1] chaos: three instances, instance kills and a Redis restart', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>> | null = null
  let storage: Storage | null = null
  let redis: Proc | null = null
  const instances: Array<InstanceProcess | null> = []
  const clients: TestClient[] = []
  const timeline: string[] = []
  const t0 = Date.now()
  const note = (line: string) => timeline.push(`${String(Date.now() - t0).padStart(6)} ms  ${line}`)

  afterAll(async () => {
    for (const c of clients) c.destroy()
    // Every process this file started, including one that was still starting when a test failed.
    await killAllProcesses()
    await storage?.close()
    await db?.drop()
  })

  it(`converges and loses nothing (seed ${SEED}; replay with CHAOS_SEED=${SEED})`, async ({ onTestFailed }) => {
    onTestFailed(() => {
      const outputs = instances.map((p, i) => `--- instance ${i} (port ${p?.port ?? '?'}) ---\n${p?.output().slice(-3000) ?? '(down)'}`)
      console.error(
        [`[C1] FAILED with CHAOS_SEED=${SEED}`, 'timeline:', ...timeline, ...outputs, `--- redis ---\n${redis?.output().slice(-2000) ?? '(down)'}`].join('\n'),
      )
    })
    const rng = mulberry32(SEED)
    const schedule = makeSchedule(rng)
    note(`schedule ${JSON.stringify(schedule)}`)

    const redisPort = await freePort()
    redis = await startRedisServer(redisPort)
    db = await createTestDatabase('lw_chaos')
    // Migrate once here, so the instances never race each other creating the schema.
    storage = await openPostgresStorage({ url: db.url, poolSize: 2 })
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      ROOM_UNLOAD_MS: String(3_600_000),
      // Compact now and then, so snapshots written by one instance race catch-up reads by the
      // others; not so often that compaction (which reads storage too) hides a missing catch-up.
      COMPACT_EVERY: '100',
    }
    const ports = await Promise.all(Array.from({ length: INSTANCES }, () => freePort()))
    // Recorded one by one, so afterAll kills whichever started even if another did not.
    await Promise.all(ports.map(async (p, i) => (instances[i] = await startInstance(p, env))))
    note(`instances up on ${ports.join(', ')}, redis on ${redisPort}`)

    const api = new ApiClient(instances[0]!.url)
    await api.signUp(uniqueEmail('chaos'), 'Chaos')
    const boardId = await api.createBoard('Chaos', 'team')
    const token = api.token!

    const writers: Writer[] = []
    for (let i = 0; i < INSTANCES; i++) {
      for (let k = 0; k < CLIENTS_PER_INSTANCE; k++) {
        const received: Uint8Array[] = []
        const client = connectRecording(instances[i]!.wsUrl, boardId, token, received)
        clients.push(client)
        const w: Writer = { name: `i${i}c${k}`, instance: i, client, received, seen: new Set(), created: [], edits: 0 }
        watch(w)
        writers.push(w)
      }
    }
    await waitFor(() => writers.every((w) => w.client.provider.synced), 10_000, 'first sync')

    const notStoredAtKill: string[] = []
    const whose = (missing: string[]) =>
      [...new Set(missing.map((m) => Number(/(\d+):/.exec(m)?.[1])))]
        .map((id) => writers.find((w) => w.client.doc.clientID === id)?.name ?? `unknown ${id}`)
        .join(', ')
    const writeRng = mulberry32(SEED ^ 0x5eed)
    const ticker = setInterval(() => edit(writeRng.pick(writers), writeRng), EDIT_EVERY_MS)
    const chaosStart = Date.now()
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
    // An instance is restarted in the background while the schedule goes on; it is killed again
    // only once it is up. The instance killed during the Redis outage restarts during it too, so
    // it starts without Redis (see also [C2]) while the others ride the outage out.
    const restarting: Array<Promise<void>> = ports.map(() => Promise.resolve())
    const restartErrors: unknown[] = []
    // Write before broadcast: what the dead instance's clients received is stored already.
    // (Their providers are offline now, so nothing of theirs can be re-uploaded meanwhile.)
    const checkStored = (targets: number[], now: Y.Doc) => {
      for (const w of writers.filter((w) => targets.includes(w.instance))) {
        const missing = missingFrom(now, Y.mergeUpdates(w.received))
        if (missing.length) {
          const line = `${w.name} at ${Date.now() - t0} ms: ${missing.slice(0, 5).join(', ')} (of ${whose(missing)})`
          notStoredAtKill.push(line)
          note(`NOT STORED ${line}`)
        }
      }
      now.destroy()
    }
    const kill = async (targets: number[], downMs: number, stallMs = 0) => {
      await Promise.all(targets.map((i) => restarting[i]!))
      // A stalled database: appends wait on a table lock (reads go on), so every instance holds
      // accepted updates it has not stored yet. None of them may have reached a client.
      const stall = stallMs ? await stallAppends(db!.url) : null
      try {
        if (stall) await sleep(stallMs)
        await Promise.all(targets.map((i) => instances[i]!.kill9()))
        note(`killed instance(s) ${targets.join(', ')}${stall ? ` after a ${stallMs} ms database stall` : ''}; down ${downMs} ms`)
        checkStored(targets, await storedDoc(storage!, boardId))
      } finally {
        await stall?.release()
      }
      for (const i of targets) {
        restarting[i] = (async () => {
          await sleep(downMs)
          instances[i] = await startInstance(ports[i]!, env)
          note(`restarted instance ${i}`)
        })().catch((e: unknown) => void restartErrors.push(e))
      }
    }
    try {
      for (const event of schedule) {
        await sleep(event.gapMs)
        if (event.kind === 'kill') {
          await kill(event.targets, event.downMs, event.stallMs)
          continue
        }
        await Promise.all(restarting)
        await waitFor(() => writers.every((w) => w.client.provider.wsconnected && w.client.provider.synced), 20_000, 'all online')
        await redis.kill9()
        note(`redis killed; down ${event.downMs} ms`)
        await sleep(event.downMs / 2)
        // One story from each of its clients, stored but (Redis being away) published to nobody;
        // its queue for Redis dies with it, so the others can only read them from storage.
        const last = writers.filter((w) => w.instance === event.alsoKill)
        for (const w of last) {
          const id = `chaos-${w.name}-outage`
          createStory(w.client.doc, { id, pos: { x: 1, y: 1 }, text: id }, local)
          w.created.push(id)
        }
        await waitFor(
          async () => {
            const now = await storedDoc(storage!, boardId)
            const stored = last.every((w) => storiesMap(now).has(`chaos-${w.name}-outage`))
            now.destroy()
            return stored
          },
          10_000,
          'the outage stories to be stored',
          200,
        )
        note(`stored ${last.map((w) => `chaos-${w.name}-outage`).join(', ')} while Redis is down`)
        await kill([event.alsoKill], 0)
        // It is up again (and its clients back on it) before Redis returns: it started without it.
        await restarting[event.alsoKill]
        await sleep(event.downMs / 2)
        redis = await startRedisServer(redisPort)
        note('redis restarted (empty)')
      }
    } finally {
      clearInterval(ticker)
    }
    const chaosMs = Date.now() - chaosStart
    note(`writers stopped after ${writers.reduce((n, w) => n + w.edits, 0)} edits`)
    await Promise.all(restarting)
    if (restartErrors.length) throw restartErrors[0]

    // Quiet: every client connected and synced, every doc the same, and the database the same.
    const quietStart = Date.now()
    const latest: { doc: Y.Doc | null } = { doc: null }
    await waitFor(
      async () => {
        if (!writers.every((w) => w.client.provider.wsconnected && w.client.provider.synced)) return false
        const sv = stateVector(writers[0]!.client.doc)
        if (!writers.every((w) => !pending(w.client.doc) && stateVector(w.client.doc) === sv)) return false
        latest.doc?.destroy()
        latest.doc = await storedDoc(storage!, boardId)
        return stateVector(latest.doc) === sv
      },
      20_000,
      () => {
        const db = latest.doc ? `database ${stories(latest.doc)}` : 'database not read'
        const each = writers.map((w) => {
          const p = w.client.provider
          return `${w.name}: ${p.wsconnected ? 'connected' : 'offline'}${p.synced ? ', synced' : ''}${pending(w.client.doc) ? ', PENDING' : ''}, ${stories(w.client.doc)}`
        })
        return `clients and database to converge; ${db}; ${each.join('; ')}`
      },
      // Each check reads the board from the database: not too often.
      200,
    )
    const convergeMs = Date.now() - quietStart
    note(`converged in ${convergeMs} ms`)
    const fromDb = latest.doc!

    expect(notStoredAtKill, 'received by a client but not stored when its instance died').toEqual([])
    const board = readBoard(fromDb)
    const storedIds = new Set(board.stories.map((s) => s.id))
    expect(pending(fromDb)).toBe(false)
    expect(board.problems).toEqual([])
    for (const w of writers) {
      const doc = w.client.doc
      expect(stateVector(doc), w.name).toBe(stateVector(fromDb))
      expect(Y.equalSnapshots(Y.snapshot(doc), Y.snapshot(fromDb)), `${w.name}: same deletions`).toBe(true)
      expect(readBoard(doc), w.name).toEqual(board)
      // Nothing received is missing from storage, and nothing written was lost.
      expect(missingFrom(fromDb, Y.mergeUpdates(w.received)), `${w.name}: received but not stored`).toEqual([])
      expect([...w.seen].filter((id) => !storedIds.has(id)), `${w.name}: stories seen but not stored`).toEqual([])
      expect(w.created.filter((id) => !storedIds.has(id)), `${w.name}: stories created but not stored`).toEqual([])
    }

    // Every instance serves the same state to someone who joins now.
    const late = instances.map((p) => {
      const c = connectClient(p!.wsUrl, boardId, { token })
      clients.push(c)
      return c
    })
    await waitFor(() => late.every((c) => c.provider.synced && stateVector(c.doc) === stateVector(fromDb)), 10_000, 'late joiners')
    for (const c of late) expect(readBoard(c.doc)).toEqual(board)

    const stats = await storage.docs.stats(boardId)
    console.log(
      `[C1] seed ${SEED}: ${writers.reduce((n, w) => n + w.edits, 0)} edits, ${board.stories.length} stories, ` +
        `chaos ${chaosMs} ms, converged ${convergeMs} ms after quiet; ` +
        `updates received per client ${writers.map((w) => w.received.length).join('/')}; ` +
        `stored: snapshot ${stats.snapshotBytes} B + ${stats.logCount} log rows\n${timeline.join('\n')}`,
    )
  }, 240_000)
})

// An instance that (re)starts while Redis is away serves its clients from storage and joins the
// others once Redis is back: the bus never waits for Redis, and its first connection counts as a
// reconnect (rooms catch up from storage). [C1] covers an outage that begins while instances run.
describe.skipIf(!HAS_REDIS)('[C2] an instance that starts while Redis is down', () => {
  it('serves its board, and joins the others once Redis is back', async () => {
    const db = await createTestDatabase('lw_chaos')
    const procs: Proc[] = []
    const clients: TestClient[] = []
    const texts = (doc: Y.Doc) => readBoard(doc).stories.map((s) => s.text).sort()
    try {
      const migrated = await openPostgresStorage({ url: db.url, poolSize: 1 })
      await migrated.close()
      const redisPort = await freePort()
      const env = { DATABASE_URL: db.url, REDIS_URL: `redis://127.0.0.1:${redisPort}` }
      // Nothing listens on redisPort yet: instance a starts and serves a client on its own.
      const a = await startInstance(await freePort(), env)
      procs.push(a)
      const api = new ApiClient(a.url)
      await api.signUp(uniqueEmail('chaos'), 'Chaos')
      const boardId = await api.createBoard('Redis away', 'team')
      const ca = connectClient(a.wsUrl, boardId, { token: api.token! })
      clients.push(ca)
      await waitFor(() => ca.provider.synced, 10_000, 'a serves without Redis')
      createStory(ca.doc, { pos: { x: 1, y: 1 }, text: 'written while Redis was away' }, local)
      // Redis comes up, then instance b, with a client on the same board.
      procs.push(await startRedisServer(redisPort))
      const b = await startInstance(await freePort(), env)
      procs.push(b)
      const cb = connectClient(b.wsUrl, boardId, { token: api.token! })
      clients.push(cb)
      await waitFor(() => cb.provider.synced && texts(cb.doc).includes('written while Redis was away'), 10_000, 'b has what a stored')
      // Live both ways once a's bus is connected.
      createStory(ca.doc, { pos: { x: 2, y: 2 }, text: 'from a' }, local)
      createStory(cb.doc, { pos: { x: 3, y: 3 }, text: 'from b' }, local)
      await waitFor(() => stateVector(ca.doc) === stateVector(cb.doc) && texts(ca.doc).length === 3, 10_000, 'a and b converge')
      expect(texts(cb.doc)).toEqual(['from a', 'from b', 'written while Redis was away'])
      expect(a.output()).not.toMatch(/could not start/)
    } finally {
      for (const c of clients) c.destroy()
      await Promise.all(procs.map((p) => p.kill9()))
      await db.drop()
    }
  }, 120_000)
})
