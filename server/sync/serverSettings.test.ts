// Board settings (meta: title, scale, element, schema version) are the server's: a member's socket
// cannot change them, and a board whose stored settings are newer than the code, or invalid,
// loads read-only with a clear answer instead of failing. Real sockets, real SQLite.
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { metaMap } from '../../shared/model/layout.ts'
import { readBoard } from '../../shared/model/readBoard.ts'
import { createStory } from '../../shared/ops/story.ts'
import { WRITE_REFUSED } from '../../shared/protocol/messages.ts'
import { ApiClient, uniqueEmail } from '../testing/apiClient.ts'
import {
  connectClient,
  startServer,
  synced,
  waitFor,
  type TestClient,
  type TestServer,
} from '../testing/harness.ts'
import { openRaw } from '../testing/rawSocket.ts'
import { waitForRejection } from '../testing/rejections.ts'

const local = { kind: 'local' } as const

describe('server-only board settings', () => {
  let server: TestServer
  let contributor: ApiClient
  let contributorEmail: string
  const clients: TestClient[] = []
  const connect = (board: string, token: string) => {
    const c = connectClient(server.wsUrl, board, { token })
    clients.push(c)
    return c
  }
  const unloaded = (board: string) =>
    waitFor(() => !server.lw.rooms.isOpen(board), 5000, 'room unload')

  beforeAll(async () => {
    server = await startServer({ authorize: 'roles' })
    contributor = new ApiClient(server.url)
    contributorEmail = uniqueEmail('contributor')
    await contributor.signUp(contributorEmail, 'Casey')
  })
  afterAll(async () => {
    for (const c of clients) c.destroy()
    await server.close()
  })

  async function boardWithContributor() {
    const board = await server.createBoard('Benefits team')
    expect(
      (
        await server.owner.request('POST', `/api/boards/${board}/members`, {
          email: contributorEmail,
          role: 'contributor',
        })
      ).status,
    ).toBe(201)
    return board
  }

  for (const [key, value] of [
    ['schemaVersion', 99],
    ['scale', 'region'],
    ['title', 'Renamed by a contributor'],
    ['element', 'experiment'],
    ['anonymous', false],
  ] as const) {
    it(`[H20] a contributor's write of meta.${key} is refused whole; the board and its record keep theirs`, async () => {
      const board = await boardWithContributor()
      const c = connect(board, contributor.token!)
      await synced(c)
      const before = await server.lw.rooms.read(board, (d) => metaMap(d).toJSON())
      c.doc.transact(() => metaMap(c.doc).set(key, value), local)
      await waitForRejection(server, board, 'server_only')
      expect(await server.lw.rooms.read(board, (d) => metaMap(d).toJSON())).toEqual(before)
      const record = await server.storage.boards.get(board)
      expect(record).toMatchObject({ title: 'Benefits team', scale: 'team' })
      c.destroy()
      await unloaded(board)
      // Reloaded from storage, it opens and takes writes as before.
      const again = connect(board, contributor.token!)
      await synced(again)
      createStory(again.doc, { pos: { x: 0, y: 0 }, text: 'Still here' }, local)
      await waitFor(
        async () => (await server.lw.rooms.read(board, (d) => readBoard(d).stories.length)) === 1,
        5000,
        'the write',
      )
    })
  }

  /** Writes meta into the stored board as an older or newer version of the code could have. */
  async function storeMeta(board: string, values: Record<string, unknown>) {
    const loaded = await server.storage.docs.load(board)
    const doc = new Y.Doc()
    if (loaded.snapshot) Y.applyUpdateV2(doc, loaded.snapshot)
    for (const u of loaded.updates) Y.applyUpdateV2(doc, u)
    const before = Y.encodeStateVector(doc)
    doc.transact(() => {
      for (const [k, v] of Object.entries(values)) metaMap(doc).set(k, v)
    })
    await server.storage.docs.append(board, [Y.encodeStateAsUpdateV2(doc, before)])
  }

  it('[H21] a board stored by a newer version opens read-only: sockets get the board, writes are refused with schema_too_new, export works, settings answer 409', async () => {
    const board = await boardWithContributor()
    await server.lw.rooms.read(board, () => true)
    await unloaded(board)
    await storeMeta(board, { schemaVersion: 99 })

    const raw = openRaw(`${server.wsUrl}/${board}?token=${contributor.token}`)
    const c = connect(board, contributor.token!)
    await synced(c)
    expect(readBoard(c.doc).meta?.title).toBe('Benefits team')
    createStory(c.doc, { pos: { x: 0, y: 0 }, text: 'Not taken' }, local)
    await waitForRejection(server, board, 'schema_too_new')
    await waitFor(
      () =>
        Buffer.concat(raw.frames).includes(Buffer.from(`${WRITE_REFUSED}schema_too_new`)) ||
        c.provider.wsconnected,
      5000,
      'the board stays open',
    )
    expect(await server.lw.rooms.read(board, (d) => readBoard(d).stories.length)).toBe(0)
    raw.ws.close()

    const exported = await server.owner.request('GET', `/api/boards/${board}/export/json`)
    expect(exported.status).toBe(200)
    const patched = await server.owner.request<{ error: { code: string } }>(
      'PATCH',
      `/api/boards/${board}`,
      { title: 'New title' },
    )
    expect(patched.status).toBe(409)
    expect(patched.body.error.code).toBe('schema_too_new')
  })

  it('[H21] a board whose stored settings are invalid opens read-only until an owner sets them again', async () => {
    const board = await boardWithContributor()
    await server.lw.rooms.read(board, () => true)
    await unloaded(board)
    await storeMeta(board, { scale: 'galaxy' })

    const c = connect(board, contributor.token!)
    await synced(c)
    createStory(c.doc, { pos: { x: 0, y: 0 }, text: 'Not yet' }, local)
    await waitForRejection(server, board, 'invalid_meta')
    expect(await server.lw.rooms.read(board, (d) => readBoard(d).stories.length)).toBe(0)
    c.destroy()

    expect(
      (await server.owner.request('PATCH', `/api/boards/${board}`, { scale: 'team' })).status,
    ).toBe(200)
    const fresh = connect(board, contributor.token!)
    await synced(fresh)
    createStory(fresh.doc, { pos: { x: 0, y: 0 }, text: 'Taken now' }, local)
    await waitFor(
      async () => (await server.lw.rooms.read(board, (d) => readBoard(d).stories.length)) === 1,
      5000,
      'the write after the repair',
    )
  })
})
