// Withdrawal when scaled out: two instances over real PostgreSQL and Redis. The story is written
// through one instance and withdrawn through the other; afterwards neither instance's live
// document, nor PostgreSQL's stored log, snapshot and versions, nor the Redis update stream that
// carried it between the instances holds a byte of it.
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { storiesMap } from '../../shared/model/layout.ts'
import { createStory } from '../../shared/ops/story.ts'
import { connectClient, synced, waitFor, type TestClient, type TestServer } from '../testing/harness.ts'
import { createTestDatabase } from '../testing/postgresDb.ts'
import { startScaledInstance, TEST_REDIS_URL } from '../testing/scaledOut.ts'

const CANARY = 'CANARY-scale-2c5e she sleeps in her car'
const local = { kind: 'local' } as const

describe('withdrawal across instances', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>
  let a: TestServer
  let b: TestServer
  let redis: Redis
  const clients: TestClient[] = []
  const instance = () => startScaledInstance(db.url, { authorize: 'roles' })

  beforeAll(async () => {
    db = await createTestDatabase()
    a = await instance()
    b = await instance()
    redis = new Redis(TEST_REDIS_URL)
  })
  afterAll(async () => {
    for (const c of clients) c.destroy()
    redis?.disconnect()
    await a?.close()
    await b?.close()
    await db?.drop()
  })

  it('[E8] withdrawn through one instance, the story is gone from both, from PostgreSQL and from the Redis stream', async () => {
    const board = await a.createBoard('Street outreach')
    // B's owner account becomes a facilitator of A's board (same database, so the same accounts).
    const bOwner = await b.owner.request<{ user: { id: string; email: string } }>('GET', '/api/auth/me')
    expect((await a.owner.request('POST', `/api/boards/${board}/members`, { email: bOwner.body.user.email, role: 'facilitator' })).status).toBe(201)
    const onA = connectClient(a.wsUrl, board, { token: a.owner.token! })
    const onB = connectClient(b.wsUrl, board, { token: b.owner.token! })
    clients.push(onA, onB)
    await Promise.all([synced(onA), synced(onB)])
    const made = createStory(onA.doc, { pos: { x: 0, y: 0 }, text: CANARY }, local)
    if (!made.ok) throw new Error('story')
    const id = made.value.id
    await waitFor(() => storiesMap(onB.doc).has(id), 10_000, 'story on the other instance')
    const stream = async () => Buffer.concat((await redis.xrangeBuffer(`lw:board:${board}:updates`, '-', '+')).flatMap(([, fields]) => fields))
    expect((await stream()).includes(Buffer.from(CANARY))).toBe(true)

    const res = await b.owner.request('POST', `/api/boards/${board}/stories/${id}/withdraw`)
    expect(res.status).toBe(200)
    await waitFor(() => !storiesMap(onA.doc).has(id) && !storiesMap(onB.doc).has(id), 10_000, 'gone from both instances')
    expect(await a.lw.rooms.read(board, (d) => storiesMap(d).has(id))).toBe(false)

    expect((await stream()).includes(Buffer.from(CANARY))).toBe(false)
    const stored = await b.storage.docs.load(board)
    const bytes = Buffer.concat([...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates])
    expect(bytes.includes(Buffer.from(CANARY))).toBe(false)
    for (const v of await b.storage.versions.list(board)) {
      const loaded = await b.storage.versions.load(board, v.id)
      expect(Buffer.from(loaded!.stateV2).includes(Buffer.from(CANARY))).toBe(false)
    }
    // A compaction by the instance that did not run the withdrawal stores nothing of it either.
    await a.lw.rooms.compactStored(board)
    const again = await a.storage.docs.load(board)
    expect(Buffer.from(again.snapshot ?? new Uint8Array()).includes(Buffer.from(CANARY))).toBe(false)
    expect(Buffer.from(Y.encodeStateAsUpdate(onA.doc)).includes(Buffer.from(CANARY))).toBe(false)
  })
})
