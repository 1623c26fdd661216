// The reveal when scaled out: two instances over real PostgreSQL and Redis. A participant's draft
// copy is connected to one instance and the facilitator reveals through the other; afterwards no
// stored row, no Redis key and no stream entry is named after the participant or holds a draft.
import { Redis } from 'ioredis'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { draftRoom } from '../../shared/model/facilitation.ts'
import { storiesMap } from '../../shared/model/layout.ts'
import { readBoard } from '../../shared/model/readBoard.ts'
import { createStory } from '../../shared/ops/story.ts'
import { ApiClient, uniqueEmail } from '../testing/apiClient.ts'
import { connectClient, roomHolds, synced, waitFor, type TestClient, type TestServer } from '../testing/harness.ts'
import { createTestDatabase } from '../testing/postgresDb.ts'
import { startScaledInstance, TEST_REDIS_URL } from '../testing/scaledOut.ts'

const DRAFT = 'CANARY-draft-scale-8d1 written alone first'
const local = { kind: 'local' } as const

describe('reveal across instances', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>
  let a: TestServer
  let b: TestServer
  let redis: Redis
  const clients: TestClient[] = []

  beforeAll(async () => {
    db = await createTestDatabase()
    a = await startScaledInstance(db.url, { authorize: 'roles' })
    b = await startScaledInstance(db.url, { authorize: 'roles' })
    redis = new Redis(TEST_REDIS_URL)
  })
  afterAll(async () => {
    for (const c of clients) c.destroy()
    redis?.disconnect()
    await a?.close()
    await b?.close()
    await db?.drop()
  })

  /** Every Redis key naming `needle`, and every stream entry holding it. */
  async function inRedis(needle: string): Promise<string[]> {
    const found: string[] = []
    for (const key of await redis.keys('lw:*')) {
      if (key.includes(needle)) found.push(key)
      if ((await redis.type(key)) !== 'stream') continue
      const entries = await redis.xrangeBuffer(key, '-', '+')
      if (Buffer.concat(entries.flatMap(([, fields]) => fields)).includes(Buffer.from(needle))) found.push(`${key} (entry)`)
    }
    return found
  }
  /** Rows of the document tables (PostgreSQL) named after `needle` or holding it. */
  async function inDocuments(needle: string): Promise<number> {
    const client = new pg.Client({ connectionString: db.url })
    await client.connect()
    try {
      let n = 0
      for (const table of ['doc_updates', 'doc_snapshots']) {
        const rows = await client.query<{ board_id: string; data: Buffer }>(`select board_id, data from ${table}`)
        n += rows.rows.filter((r) => r.board_id.includes(needle) || r.data.includes(Buffer.from(needle))).length
      }
      return n
    } finally {
      await client.end()
    }
  }

  it('[E20] [E21] a draft copy on one instance, the reveal through the other: no row, key or stream entry keeps the writer or the draft', async () => {
    const board = await a.owner.createBoard('Anonymous circle', 'team', { anonymous: true })
    const ann = new ApiClient(b.url)
    const annId = (await ann.signUp(uniqueEmail('ann'), 'Ann')).id
    const invite = await a.owner.request<{ token: string }>('POST', `/api/boards/${board}/invites`, { role: 'contributor' })
    expect((await ann.request('POST', `/api/invites/${invite.body.token}/accept`, {})).status).toBe(200)
    expect((await a.owner.request('POST', `/api/boards/${board}/session`, { action: 'start', templateId: 'team-reflection' })).status).toBe(200)

    const room = draftRoom(board, annId)
    const drafts = connectClient(b.wsUrl, room, { token: ann.token! })
    const watcher = connectClient(a.wsUrl, board, { token: a.owner.token! })
    clients.push(drafts, watcher)
    await Promise.all([synced(drafts), synced(watcher)])
    createStory(drafts.doc, { pos: { x: 0, y: 0 }, text: DRAFT }, local)
    await roomHolds(b, room, (d) => storiesMap(d).size === 1)
    // Seen where it rests before the reveal: the searches are real.
    expect(await inDocuments(`~draft~${annId}`)).toBeGreaterThan(0)
    expect((await inRedis(`~draft~${annId}`)).length).toBeGreaterThan(0)
    expect(await inRedis(DRAFT)).not.toEqual([])

    expect((await a.owner.request('POST', `/api/boards/${board}/session`, { action: 'phase', index: 1 })).status).toBe(200)
    await waitFor(() => readBoard(watcher.doc).stories.some((s) => s.text === DRAFT), 10_000, 'the draft on the board')
    await waitFor(() => storiesMap(drafts.doc).size === 0, 10_000, 'the draft copy emptied')
    // The participant's page closes its drafts once private writing ends.
    drafts.destroy()

    await waitFor(async () => (await inDocuments(`~draft~${annId}`)) === 0, 10_000, 'no stored draft room')
    await waitFor(async () => (await inRedis(`~draft~${annId}`)).length === 0, 10_000, 'no Redis key of the draft room')
    expect(await a.storage.docs.roomsWithPrefix(`${board}~draft~`)).toEqual([])
    expect(await inRedis(annId)).toEqual([])
    // The story itself is on the board, in the board's stream: the search still sees it there, and
    // in no draft room's stream (other runs' boards may share this Redis).
    const holding = await inRedis(DRAFT)
    expect(holding).toContain(`lw:board:${board}:updates (entry)`)
    expect(holding.filter((k) => k.includes('~draft~'))).toEqual([])
  })
})
