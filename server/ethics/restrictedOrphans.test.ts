// A restricted story deleted from the board takes its content out of the restricted room too;
// a story being restricted (content first, then the placeholder) is never mistaken for one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { storiesMap } from '../../shared/model/layout.ts'
import { restrictedRoom } from '../../shared/model/restricted.ts'
import { createStory, deleteStories } from '../../shared/ops/story.ts'
import { connectClient, startServer, synced, waitFor, type TestClient, type TestServer } from '../testing/harness.ts'

const local = { kind: 'local' } as const

describe('restricted content of deleted stories', () => {
  let server: TestServer
  const clients: TestClient[] = []
  const inRestricted = (board: string, id: string) => server.lw.rooms.read(restrictedRoom(board), (d) => storiesMap(d).has(id))

  beforeAll(async () => {
    server = await startServer({ authorize: 'roles' })
  })
  afterAll(async () => {
    for (const c of clients) c.destroy()
    await server.close()
  })

  it('deleting the placeholder deletes the content; restricting a story keeps it', async () => {
    const board = await server.createBoard('Probation team', 'team')
    const created = await server.owner.request<{ id: string }>('POST', `/api/boards/${board}/stories`, {
      pos: { x: 0, y: 0 },
      text: 'CANARY-orphan-71c2 offending detail',
      fields: { sensitivity: 'restricted' },
    })
    expect(created.status).toBe(201)
    const id = created.body.id
    expect(await inRestricted(board, id)).toBe(true)

    const c = connectClient(server.wsUrl, board, { token: server.owner.token! })
    clients.push(c)
    await synced(c)
    // A working story restricted through the server: content first, then the placeholder.
    const working = createStory(c.doc, { pos: { x: 300, y: 0 }, text: 'Kept while restricted' }, local)
    if (!working.ok) throw new Error('story')
    const restricted = await server.owner.request('PUT', `/api/boards/${board}/stories/${working.value.id}/sensitivity`, { sensitivity: 'restricted' })
    expect(restricted.status).toBe(200)

    await waitFor(() => storiesMap(c.doc).has(id))
    expect(deleteStories(c.doc, { ids: [id] }, local).ok).toBe(true)
    await waitFor(async () => !(await inRestricted(board, id)), 15_000, 'the content gone from the restricted room')
    // The story restricted meanwhile still has its content.
    expect(await inRestricted(board, working.value.id)).toBe(true)
  })
})
