// Withdrawal when scaled out: two instances over real PostgreSQL and Redis. The story is written
// through one instance and withdrawn through the other; afterwards neither instance's live
// document, nor PostgreSQL's stored log, snapshot and versions, nor the Redis update stream that
// carried it between the instances holds a byte of it.
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { storiesMap } from '../../shared/model/layout.ts'
import { createPattern } from '../../shared/ops/pattern.ts'
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

  it('[E15][E8] raised and shared across instances, edited and saved in versions: no wording reaches the higher or peer board\'s rows or streams, and after the withdrawal none is anywhere', async () => {
    const wordings = [0, 1, 2].map((n) => `CANARY-scale-ebr-${n}-7a0c we lost the flat (${n})`)
    const team = await a.createBoard('Outreach team', 'team')
    const org = await a.createBoard('City', 'organisation')
    const peer = await a.createBoard('Other outreach team', 'team')
    expect((await a.owner.request('POST', `/api/boards/${team}/links`, { otherBoardId: org, kind: 'vertical' })).status).toBe(201)
    expect((await a.owner.request('POST', `/api/boards/${team}/links`, { otherBoardId: peer, kind: 'horizontal' })).status).toBe(201)
    const bOwner = await b.owner.request<{ user: { email: string } }>('GET', '/api/auth/me')
    for (const board of [team, org, peer]) {
      expect((await a.owner.request('POST', `/api/boards/${board}/members`, { email: bOwner.body.user.email, role: 'facilitator' })).status).toBe(201)
    }
    const author = connectClient(a.wsUrl, team, { token: a.owner.token! })
    clients.push(author)
    await synced(author)
    const consent = { givenBy: 'tenant', covers: ['board', 'linkedBoards', 'quotes'], date: '2026-11-20' }
    const made = createStory(author.doc, { pos: { x: 0, y: 0 }, text: wordings[0]!, fields: { consent } }, local)
    if (!made.ok) throw new Error('story')
    const pattern = createPattern(author.doc, { name: 'Evictions', area: { x: 0, y: 0, w: 400, h: 300 }, storyIds: [made.value.id] }, local)
    if (!pattern.ok) throw new Error('pattern')
    await waitFor(async () => (await b.lw.rooms.read(team, (d) => d.getMap('members').size)) === 1, 10_000, 'pattern on the other instance')
    // Raised and shared through the other instance, read there and here.
    const raised = await b.owner.request<{ condition: { id: string } }>('POST', `/api/boards/${team}/patterns/${pattern.value.id}/raise`, { targetBoardId: org, kind: 'barrier' })
    expect(raised.status).toBe(201)
    const shared = await b.owner.request<{ share: { id: string } }>('POST', `/api/boards/${team}/patterns/${pattern.value.id}/share`, { targetBoardId: peer })
    expect(shared.status).toBe(201)
    const quotes = async (server: TestServer) =>
      (await server.owner.request<{ quotes: Array<{ text: string }> }>('GET', `/api/conditions/${raised.body.condition.id}/quotes`)).body.quotes.map((q) => q.text)
    expect(await quotes(a)).toEqual([wordings[0]])
    const stream = async (board: string) => Buffer.concat((await redis.xrangeBuffer(`lw:board:${board}:updates`, '-', '+')).flatMap(([, fields]) => fields))
    const rows = async (board: string) => {
      const stored = await a.storage.docs.load(board)
      const versions: Uint8Array[] = []
      for (const v of await a.storage.versions.list(board)) versions.push((await a.storage.versions.load(board, v.id))!.stateV2)
      return Buffer.concat([...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates, ...versions])
    }
    for (const [n, w] of wordings.entries()) {
      if (n > 0) {
        const fragment = author.doc.getMap<Y.Map<unknown>>('stories').get(made.value.id)!.get('text') as Y.XmlFragment
        author.doc.transact(() => {
          fragment.delete(0, fragment.length)
          const p = new Y.XmlElement('paragraph')
          p.insert(0, [new Y.XmlText(w)])
          fragment.insert(0, [p])
        }, local)
        await waitFor(async () => (await quotes(b)).includes(w), 10_000, 'the edit reached the other instance')
      }
      for (const board of [org, peer]) expect((await b.owner.request('POST', `/api/boards/${board}/versions`, { name: `v${n}` })).status).toBe(201)
    }
    // The search sees the wordings where they are: the team board's stream and rows.
    expect((await stream(team)).includes(Buffer.from(wordings[0]!))).toBe(true)
    for (const board of [org, peer]) {
      for (const w of wordings) {
        expect((await rows(board)).includes(Buffer.from(w)), `${w} in ${board}'s rows`).toBe(false)
        expect((await stream(board)).includes(Buffer.from(w)), `${w} in ${board}'s stream`).toBe(false)
      }
    }

    expect((await a.owner.request('POST', `/api/boards/${team}/stories/${made.value.id}/withdraw`)).status).toBe(200)
    for (const board of [team, org, peer]) {
      for (const w of wordings) {
        expect((await rows(board)).includes(Buffer.from(w)), `${w} in ${board}'s rows`).toBe(false)
        expect((await stream(board)).includes(Buffer.from(w)), `${w} in ${board}'s stream`).toBe(false)
      }
    }
    expect(await quotes(b)).toEqual([])
    expect((await b.owner.request<{ quotes: unknown[] }>('GET', `/api/shares/${shared.body.share.id}/quotes`)).body.quotes).toEqual([])
  })

  it('[E18] a board stored in the old layout, loaded by one instance, keeps no copied quote in PostgreSQL, its versions or its Redis stream', async () => {
    const quote = 'CANARY-scale-old-b71e the bailiffs came on a Sunday'
    const org = await a.createBoard('Old city board', 'organisation')
    const old = new Y.Doc()
    const stored = await a.storage.docs.load(org)
    if (stored.snapshot) Y.applyUpdateV2(old, stored.snapshot)
    for (const u of stored.updates) Y.applyUpdateV2(old, u)
    const updates: Uint8Array[] = []
    old.on('updateV2', (u: Uint8Array) => updates.push(u))
    const evidence = { stories: 1, supports: 1, counterExamples: 0, working: 1, confidential: 0, restricted: 0, tellerRoles: 0, outcomes: {}, quotes: [quote] }
    old.transact(() => {
      old.getMap('meta').set('schemaVersion', 1)
      old.getMap('conditions').set('cond-old', {
        id: 'cond-old', kind: 'barrier', name: 'Evictions', summary: '', note: '', evidence,
        source: { boardId: 'elsewhere', title: 'Team', scale: 'team', patternId: 'p' },
        status: 'raised', declineReason: null, responses: [], raisedAt: '2026-01-01T00:00:00.000Z', raisedBy: 'Sam',
      })
    })
    const update = Y.mergeUpdatesV2(updates)
    // As an earlier version left it: in the log, in a saved version and in the board's stream.
    await a.storage.docs.append(org, [update])
    await a.storage.versions.save({ id: `v${Date.now()}`, boardId: org, kind: 'named', name: 'old', createdBy: null, createdAt: new Date().toISOString() }, Y.encodeStateAsUpdateV2(old))
    await redis.xadd(`lw:board:${org}:updates`, '*', 'i', 'old-instance', 'u', Buffer.from(update))
    const stream = async () => Buffer.concat((await redis.xrangeBuffer(`lw:board:${org}:updates`, '-', '+')).flatMap(([, fields]) => fields))
    expect((await stream()).includes(Buffer.from(quote))).toBe(true)

    expect(await b.lw.rooms.read(org, (d) => JSON.stringify(d.getMap('conditions').toJSON()))).not.toContain(quote)
    const after = await a.storage.docs.load(org)
    const versions: Uint8Array[] = []
    for (const v of await a.storage.versions.list(org)) versions.push((await a.storage.versions.load(org, v.id))!.stateV2)
    expect(Buffer.concat([...(after.snapshot ? [after.snapshot] : []), ...after.updates, ...versions]).includes(Buffer.from(quote))).toBe(false)
    expect((await stream()).includes(Buffer.from(quote))).toBe(false)
    // The other instance, loading it now, reads the migrated board.
    expect(await a.lw.rooms.read(org, (d) => JSON.stringify(d.getMap('conditions').toJSON()))).not.toContain(quote)
  })
})

