// Several stock clients signed in with one session (an integrator's service account, tabs of one
// browser): the session is their client-id key ([H12]), and each echoes the others' presence, as
// the stock provider does. An echo must not take a peer's id: found by the soak benchmark, where
// such echoes made later writes fail with too_many_client_ids and then missing_dependency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { storiesMap } from '../../shared/model/layout.ts'
import { createStory, moveStories } from '../../shared/ops/story.ts'
import {
  connectClient,
  startServer,
  synced,
  waitFor,
  type TestClient,
  type TestServer,
} from '../testing/harness.ts'

const local = { kind: 'local' } as const

describe('one session, many stock clients', () => {
  let server: TestServer
  const clients: TestClient[] = []
  beforeAll(async () => {
    server = await startServer({ authorize: 'roles' })
  })
  afterAll(async () => {
    for (const c of clients) c.destroy()
    await server.close()
  })

  it('[H15] presence echoes never take a live peer’s client id; every write of every client is taken', async () => {
    const board = await server.createBoard('Shared session')
    const open = () => {
      const c = connectClient(server.wsUrl, board, { token: server.owner.token! })
      clients.push(c)
      return c
    }
    const peers = Array.from({ length: 10 }, open)
    await Promise.all(peers.map((c) => synced(c)))
    // A first write binds each client's id to the (shared) key.
    const first = peers.map((c, i) =>
      createStory(c.doc, { pos: { x: i, y: -100 }, text: `first by ${i}` }, local),
    )
    const firstIds = first.map((r) => (r.ok ? r.value.id : ''))
    await waitFor(
      async () =>
        await server.lw.rooms.read(board, (d) => firstIds.every((id) => storiesMap(d).has(id))),
      10_000,
      'first stories',
    )
    for (const [i, c] of peers.entries())
      c.provider.awareness.setLocalStateField('pointer', { x: i, y: i })
    // Everyone has seen everyone's presence (and echoed it back).
    await waitFor(
      () => peers.every((c) => c.provider.awareness.getStates().size === peers.length),
      5000,
      'presence everywhere',
    )
    const ids: string[] = []
    for (let round = 0; round < 8; round++) {
      // People come and go, as in a workshop: one leaves, a new one arrives.
      peers.shift()!.destroy()
      const fresh = open()
      peers.push(fresh)
      await synced(fresh)
      for (const [i, c] of peers.entries())
        c.provider.awareness.setLocalStateField('pointer', { x: round, y: i })
      // The presence has gone round (and been echoed) before anyone writes again.
      await waitFor(
        () =>
          peers.every((c) =>
            [...c.provider.awareness.getStates().values()].every(
              (st) => (st as { pointer?: { x: number } }).pointer?.x === round,
            ),
          ),
        5000,
        'presence round',
      )
      for (const [i, c] of peers.entries()) {
        const made = createStory(
          c.doc,
          { pos: { x: i * 10, y: round * 10 }, text: `round ${round} by ${i}` },
          local,
        )
        if (!made.ok) throw new Error('story')
        ids.push(made.value.id)
        moveStories(
          c.doc,
          { moves: [{ id: made.value.id, pos: { x: i * 10 + 1, y: round * 10 } }] },
          local,
        )
      }
    }
    await waitFor(
      async () =>
        await server.lw.rooms.read(board, (d) => ids.every((id) => storiesMap(d).has(id))),
      10_000,
      'every story at the server',
    )
    const room = await server.lw.rooms.get(board)
    // Echoed presence of others is dropped and counted; no write was refused.
    const { foreign_or_invalid_awareness: echoes, ...refused } = room.stats().rejected
    expect(refused).toEqual({})
    expect(echoes).toBeGreaterThan(0)
    await waitFor(
      () => peers.every((c) => ids.every((id) => storiesMap(c.doc).has(id))),
      10_000,
      'every story at every client',
    )
  })
})
