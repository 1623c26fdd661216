// Two instances in one process, sharing real PostgreSQL and real Redis, clients on each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readBoard } from '../../shared/model/readBoard.ts'
import { createStory, moveStories } from '../../shared/ops/story.ts'
import { connectClient, sameState, synced, waitFor, type TestClient, type TestServer } from '../testing/harness.ts'
import { createTestDatabase } from '../testing/postgresDb.ts'
import { startScaledInstance } from '../testing/scaledOut.ts'
import * as Y from 'yjs'

const local = { kind: 'local' } as const

describe('several instances over PostgreSQL and Redis', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>
  let a: TestServer
  let b: TestServer
  const clients: TestClient[] = []
  const client = (s: TestServer, boardId: string) => {
    const c = connectClient(s.wsUrl, boardId)
    clients.push(c)
    return c
  }
  const instance = () => startScaledInstance(db.url)

  beforeAll(async () => {
    db = await createTestDatabase()
    a = await instance()
    b = await instance()
  })
  afterAll(async () => {
    for (const c of clients) c.destroy()
    await a?.close()
    await b?.close()
    await db?.drop()
  })

  it('[X1] clients on two instances converge on one board, and presence crosses', async () => {
    const boardId = await a.createBoard('Region', 'region')
    const ca = client(a, boardId)
    const cb = client(b, boardId)
    await Promise.all([synced(ca), synced(cb)])
    createStory(ca.doc, { pos: { x: 0, y: 0 }, text: 'from a' }, local)
    createStory(cb.doc, { pos: { x: 5, y: 5 }, text: 'from b' }, local)
    await waitFor(() => readBoard(ca.doc).stories.length === 2 && readBoard(cb.doc).stories.length === 2)
    await waitFor(() => sameState(ca.doc, cb.doc))
    ca.provider.awareness.setLocalStateField('cursor', { x: 1, y: 2 })
    await waitFor(() => (cb.provider.awareness.getStates().get(ca.doc.clientID)?.cursor as { x: number } | undefined)?.x === 1)
  })

  it('[X2] an instance that opens the board later has everything, and a fresh load from the database matches', async () => {
    const boardId = await a.createBoard('Late', 'place')
    const ca = client(a, boardId)
    await synced(ca)
    for (let i = 0; i < 30; i++) createStory(ca.doc, { pos: { x: i, y: i }, text: `s${i}` }, local)
    const id = readBoard(ca.doc).stories[0]!.id
    moveStories(ca.doc, { moves: [{ id, pos: { x: 500, y: 500 } }] }, local)
    const cb = client(b, boardId)
    await waitFor(() => sameState(ca.doc, cb.doc), 5000, 'late instance catches up')
    createStory(cb.doc, { pos: { x: 1, y: 1 }, text: 'back from b' }, local)
    await waitFor(() => sameState(ca.doc, cb.doc))
    const stored = await a.storage.docs.load(boardId)
    const fresh = new Y.Doc()
    if (stored.snapshot) Y.applyUpdateV2(fresh, stored.snapshot)
    for (const u of stored.updates) Y.applyUpdateV2(fresh, u)
    expect(readBoard(fresh)).toEqual(readBoard(ca.doc))
  })
})
