// kill -9 durability: the real server runs as a child process while stock y-websocket clients
// write continuously; at a seeded moment it is killed with SIGKILL and restarted on the same
// DATA_DIR and port. Write before broadcast means anything a client *received* was stored first,
// so the restarted server must hand all of it out again. Every client is destroyed before the
// restart, so nothing can be re-uploaded from a client's memory: only storage can pass the test.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { storiesMap } from '../../shared/model/layout.ts'
import { readBoard } from '../../shared/model/readBoard.ts'
import { createStory, moveStories } from '../../shared/ops/story.ts'
import { openSqliteStorage } from '../storage/sqlite.ts'
import { ApiClient, uniqueEmail } from '../testing/apiClient.ts'
import { freePort, startInstance, type InstanceProcess } from '../testing/processes.ts'
import { missingFrom, sameSnapshot, storedDoc } from '../testing/docState.ts'
import { connectClient, synced, waitFor, type TestClient } from '../testing/harness.ts'
import { streamOf, testSeed, type Rng } from '../testing/seed.ts'
import { onReceivedUpdate } from '../testing/wire.ts'

const SEED = testSeed(20261126)
const ROUNDS = 5
const WRITERS = 3
const local = { kind: 'local' } as const

type Writer = { client: TestClient; rng: Rng; made: number; timer?: NodeJS.Timeout }

/** One edit: a new story now and then, otherwise a committed move of one to three stories. */
function edit(w: Writer, prefix: string): void {
  const ids = [...storiesMap(w.client.doc).keys()]
  if (ids.length < 12 || w.rng.chance(0.3)) {
    const id = `${prefix}-s${w.made++}`
    createStory(
      w.client.doc,
      { id, pos: { x: w.rng.int(4000), y: w.rng.int(3000) }, text: id },
      local,
    )
  } else {
    const moves = w.rng
      .some(ids, 3)
      .map((id) => ({ id, pos: { x: w.rng.int(4000), y: w.rng.int(3000) } }))
    moveStories(w.client.doc, { moves }, local)
  }
}

describe('[D1] kill -9 durability of the sync server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lw-durability-'))
  let server: InstanceProcess | null = null
  const clients: TestClient[] = []
  let passed = false

  afterAll(async () => {
    for (const c of clients) c.destroy()
    await server?.kill9()
    // A failed run keeps its SQLite file for a post-mortem.
    if (passed) rmSync(dataDir, { recursive: true, force: true })
    else console.error(`durability data kept in ${dataDir} (seed ${SEED})`)
  })

  it(`everything any client received before SIGKILL is there after a restart (seed ${SEED})`, async () => {
    const port = await freePort()
    const start = () => startInstance(port, { DATA_DIR: dataDir, COMPACT_EVERY: '20' })
    server = await start()
    const owner = new ApiClient(server.url)
    await owner.signUp(uniqueEmail('durable'), 'Owner')
    const boardId = await owner.createBoard('Durability')
    const connect = (s: InstanceProcess) => {
      const c = connectClient(s.wsUrl, boardId, { token: owner.token! })
      clients.push(c)
      return c
    }
    const rng = streamOf(SEED, 0)
    const context = (round: number) => `seed ${SEED}, round ${round}`

    for (let round = 1; round <= ROUNDS; round++) {
      const live: InstanceProcess = server
      const writers: Writer[] = Array.from({ length: WRITERS }, (_, i) => ({
        client: connect(live),
        rng: streamOf(SEED, round * 10 + i + 1),
        made: 0,
      }))
      const observer = connect(live)
      const everyone = [
        ...writers.map((w, i) => ({ who: `writer ${i}`, c: w.client })),
        { who: 'observer', c: observer },
      ]
      // Every update the server sent to anyone, byte for byte.
      const received: Array<{ who: string; update: Uint8Array }> = []
      for (const { who, c } of everyone)
        onReceivedUpdate(c.provider, (update) => received.push({ who, update }))
      await Promise.all(everyone.map(({ c }) => synced(c, 30_000)))

      let observed = 0
      observer.doc.on('update', (_u: Uint8Array, origin: unknown) => {
        if (origin === observer.provider) observed++
      })
      writers.forEach((w, i) => {
        w.timer = setInterval(() => edit(w, `r${round}w${i}`), 2 + i)
      })
      // The kill lands after a seeded number of broadcasts has reached the observer.
      const killAfter = 5 + rng.int(30)
      await waitFor(
        () => observed >= killAfter,
        30_000,
        `${killAfter} updates at the observer (${context(round)})`,
      )
      await live.kill9()
      for (const w of writers) clearInterval(w.timer)

      // The observer never writes, so every story it has reached it from the server.
      const seenIds = [...storiesMap(observer.doc).keys()]
      for (const { c } of everyone) c.destroy()

      server = await start()
      const loader = connect(server)
      await synced(loader, 30_000)
      const missing = received.flatMap(({ who, update }) =>
        missingFrom(loader.doc, update).map((m) => `${who}: ${m}`),
      )
      expect(missing.slice(0, 10), `received before the kill but lost (${context(round)})`).toEqual(
        [],
      )
      const reloaded = new Set(readBoard(loader.doc).stories.map((s) => s.id))
      expect(
        seenIds.filter((id) => !reloaded.has(id)),
        `stories lost (${context(round)})`,
      ).toEqual([])
      expect(seenIds.length).toBeGreaterThan(0)
      expect(readBoard(loader.doc).problems).toEqual([])
      loader.destroy()
    }

    // Last, the file itself, opened in this process after one more kill: the same document.
    const last = server
    const loader = connect(last)
    await synced(loader, 30_000)
    await last.kill9()
    const storage = await openSqliteStorage({ dataDir })
    try {
      const stored = await storedDoc(storage, boardId)
      expect(sameSnapshot(stored, loader.doc), `seed ${SEED}`).toBe(true)
      expect(stored.store.pendingStructs).toBeNull()
      expect(stored.store.pendingDs).toBeNull()
    } finally {
      await storage.close()
    }
    passed = true
    // Six server start-ups dominate: about 25 s on an idle 2-core machine, far more under load.
  }, 180_000)
})
