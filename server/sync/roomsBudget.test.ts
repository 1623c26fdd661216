// The loaded-rooms memory budget (issue 15): loaded boards are estimated from their stored size;
// past the budget the idlest rooms nobody is connected to unload first, and when every loaded room
// is live a new load is refused (socket 1013, HTTP 503). Real sockets, real SQLite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStories } from '../../shared/ops/story.ts'
import { CLOSE } from '../../shared/protocol/closeCodes.ts'
import {
  connectClient,
  startServer,
  synced,
  waitFor,
  type TestClient,
  type TestServer,
} from '../testing/harness.ts'
import { openRaw } from '../testing/rawSocket.ts'
import { HEAP_PER_STORED_BYTE } from './rooms.ts'
import { ApiClient } from '../testing/apiClient.ts'

const server_ = { kind: 'server', reason: 'test' } as const

describe('loaded rooms within a memory budget', () => {
  let server: TestServer
  const clients: TestClient[] = []
  const boards: string[] = []
  /** The boards' owner (sessions are stored, so it outlives the first server). */
  let token = ''
  const storedSize = async (storage: TestServer['storage'], board: string) => {
    const s = await storage.docs.load(board)
    return (s.snapshot?.length ?? 0) + s.updates.reduce((n, u) => n + u.length, 0)
  }

  beforeAll(async () => {
    // First a server without a budget to write three boards of about the same size.
    const dataDir = (await import('node:fs')).mkdtempSync(
      (await import('node:path')).join((await import('node:os')).tmpdir(), 'lw-budget-'),
    )
    const writer = await startServer({ dataDir })
    for (const name of ['A', 'B', 'C']) {
      const id = await writer.createBoard(`Board ${name}`)
      await writer.lw.rooms.change(
        id,
        (doc) =>
          void createStories(
            doc,
            {
              stories: Array.from({ length: 200 }, (_, i) => ({
                pos: { x: i, y: 0 },
                text: `Story ${i} of ${name}: waited for a decision`,
              })),
            },
            server_,
          ),
        'test',
      )
      boards.push(id)
    }
    token = writer.owner.token!
    await writer.lw.rooms.closeAll()
    const size = Math.max(...(await Promise.all(boards.map((b) => storedSize(writer.storage, b)))))
    await writer.close()
    // The budget fits two of them; rooms stay loaded a minute after their last person leaves.
    const config = {
      roomsMemoryBytes: Math.floor(size * HEAP_PER_STORED_BYTE * 2.5),
      roomUnloadMs: 60_000,
    }
    server = await startServer({ dataDir, authorize: 'roles', config })
  })
  afterAll(async () => {
    for (const c of clients) c.destroy()
    await server.close()
  })

  it('[H27] the idlest room nobody is connected to unloads first; a load with every room live is refused with 1013 and 503', async () => {
    const [a, b, c] = boards as [string, string, string]
    const open = async (board: string) => {
      const client = connectClient(server.wsUrl, board, { token })
      clients.push(client)
      await synced(client)
      return client
    }
    // A then B are loaded and left idle: both fit.
    ;(await open(a)).destroy()
    // B's last activity is later than A's: the clock has moved on since A's.
    const aActive = (await server.lw.rooms.peek(a))!.lastActive
    await waitFor(() => Date.now() > aActive, 1000, 'the clock to move on')
    ;(await open(b)).destroy()
    await waitFor(async () => (await server.lw.rooms.peek(b))?.size === 0, 5000, 'B idle')
    expect(server.lw.rooms.isOpen(a) && server.lw.rooms.isOpen(b)).toBe(true)

    // C needs room: A, idle the longest, unloads; B stays.
    const onC = await open(c)
    expect(server.lw.rooms.isOpen(a)).toBe(false)
    expect(server.lw.rooms.isOpen(b)).toBe(true)

    // B and C both live: A does not fit, and nothing can make room.
    const onB = await open(b)
    const refused = openRaw(`${server.wsUrl}/${a}?token=${token}`)
    expect((await refused.closed).code).toBe(CLOSE.tryAgainLater)
    const exported = await new ApiClient(server.url).request<{ error: { code: string } }>(
      'GET',
      `/api/boards/${a}/export/json`,
      undefined,
      { authorization: `Bearer ${token}` },
    )
    expect(exported.status).toBe(503)
    expect(exported.body.error.code).toBe('instance_busy')

    // Someone leaves: their room can make way, and A loads again.
    onB.destroy()
    await waitFor(async () => (await server.lw.rooms.peek(b))?.size === 0, 5000, 'B idle again')
    await open(a)
    expect(server.lw.rooms.isOpen(b)).toBe(false)
    expect(server.lw.rooms.isOpen(c)).toBe(true)
    onC.destroy()
  })
})
