// Integration: the real server on port 0, stock y-websocket providers in Node.
import { SCHEMA_VERSION } from '../../shared/model/migrations.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readBoard } from '../../shared/model/readBoard.ts'
import { createStory, moveStories } from '../../shared/ops/story.ts'
import { connectClient, sameState, startServer, synced, waitFor, type TestClient, type TestServer } from '../testing/harness.ts'

const local = { kind: 'local' } as const

describe('sync server with stock y-websocket clients', () => {
  let server: TestServer
  const clients: TestClient[] = []
  const client = (boardId: string) => {
    const c = connectClient(server.wsUrl, boardId)
    clients.push(c)
    return c
  }

  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(async () => {
    for (const c of clients) c.destroy()
    await server.close()
  })

  it('[Y1] two providers converge on one board, and the board meta arrives from the server', async () => {
    const boardId = await server.createBoard('Benefits team', 'team')
    const a = client(boardId)
    const b = client(boardId)
    await Promise.all([synced(a), synced(b)])
    expect(readBoard(a.doc).meta).toMatchObject({ title: 'Benefits team', scale: 'team', schemaVersion: SCHEMA_VERSION })

    const made = createStory(a.doc, { pos: { x: 10, y: 20 }, text: 'Rent arrears cleared' }, local)
    expect(made.ok).toBe(true)
    const made2 = createStory(b.doc, { pos: { x: 300, y: 20 }, text: 'Waited six weeks' }, local)
    expect(made2.ok).toBe(true)
    await waitFor(() => readBoard(a.doc).stories.length === 2 && readBoard(b.doc).stories.length === 2)
    expect(readBoard(a.doc)).toEqual(readBoard(b.doc))
    expect(sameState(a.doc, b.doc)).toBe(true)
  })

  it('[Y2] a third provider joining later receives the whole state', async () => {
    const boardId = await server.createBoard('Late joiners')
    const a = client(boardId)
    await synced(a)
    for (let i = 0; i < 20; i++) createStory(a.doc, { pos: { x: i * 10, y: 0 }, text: `story ${i}` }, local)
    const id = readBoard(a.doc).stories[0]!.id
    moveStories(a.doc, { moves: [{ id, pos: { x: 999, y: 999 } }] }, local)
    const b = client(boardId)
    await waitFor(() => readBoard(b.doc).stories.length === 20)
    await waitFor(() => sameState(a.doc, b.doc))
    const c = client(boardId)
    await synced(c)
    await waitFor(() => sameState(a.doc, c.doc))
    expect(readBoard(c.doc)).toEqual(readBoard(a.doc))
    expect(readBoard(c.doc).stories.find((s) => s.id === id)?.pos).toEqual({ x: 999, y: 999 })
  })

  it('[Y3] no client receives its own update back', async () => {
    const boardId = await server.createBoard('Echo check')
    const a = client(boardId)
    const b = client(boardId)
    await Promise.all([synced(a), synced(b)])
    let echoes = 0
    a.doc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin === a.provider) echoes++
    })
    for (let i = 0; i < 10; i++) createStory(a.doc, { pos: { x: i, y: i }, text: `mine ${i}` }, local)
    await waitFor(() => readBoard(b.doc).stories.length === 10)
    // b's update arrives at a afterwards: a marker that a's socket has delivered everything before it.
    createStory(b.doc, { pos: { x: 0, y: 0 }, text: 'marker' }, local)
    await waitFor(() => readBoard(a.doc).stories.length === 11)
    expect(echoes).toBe(1)
  })

  it('[Y4] a board reloads from storage after the room is unloaded', async () => {
    const boardId = await server.createBoard('Reload')
    const a = client(boardId)
    await synced(a)
    createStory(a.doc, { pos: { x: 1, y: 2 }, text: 'kept' }, local)
    const expected = Y.encodeStateVector(a.doc)
    await waitFor(() => a.provider.wsconnected)
    // Wait for the server to have it, then leave and let the room unload (50 ms in tests).
    const b = client(boardId)
    await waitFor(() => readBoard(b.doc).stories.length === 1)
    a.destroy()
    b.destroy()
    await waitFor(() => !server.lw.rooms.isOpen(boardId), 3000, 'room unload')
    // Unloading compacts the log into a snapshot.
    await waitFor(async () => (await server.storage.docs.stats(boardId)).logCount === 0, 2000, 'the log compacted')
    const stats = await server.storage.docs.stats(boardId)
    expect(stats).toMatchObject({ logCount: 0 })
    expect(stats.snapshotBytes).toBeGreaterThan(0)
    const c = client(boardId)
    await synced(c)
    expect(readBoard(c.doc).stories.map((s) => s.text)).toEqual(['kept'])
    expect(Y.encodeStateVector(c.doc).length).toBeGreaterThanOrEqual(expected.length)
  })
})
