// A stale offline copy of a story that was restricted or withdrawn while it was away: what it
// typed must reach no other person and no stored byte. Yjs integrates it as deleted while the raw
// update still carries it, so the room stores and sends what its document became, never the
// client's bytes (server-canonical history), and the copy keeps syncing. Real sockets and SQLite.
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { storiesMap } from '../../shared/model/layout.ts'
import { createStory } from '../../shared/ops/story.ts'
import { STORY_KEYS } from '../../shared/model/story.ts'
import { ApiClient, uniqueEmail } from '../testing/apiClient.ts'
import {
  connectClient,
  roomHolds,
  startServer,
  synced,
  waitFor,
  type TestClient,
  type TestServer,
} from '../testing/harness.ts'
import { openRaw, type RawSocket } from '../testing/rawSocket.ts'

const local = { kind: 'local' } as const
const has = (frames: Uint8Array[], text: string) =>
  Buffer.concat(frames).includes(Buffer.from(text))

describe('stale offline copies', () => {
  let server: TestServer
  let contributor: ApiClient
  let observer: ApiClient
  const clients: TestClient[] = []
  const raws: RawSocket[] = []
  const connect = (room: string, token: string) => {
    const c = connectClient(server.wsUrl, room, { token })
    clients.push(c)
    return c
  }
  const raw = (room: string, token: string) => {
    const r = openRaw(`${server.wsUrl}/${room}?token=${token}`)
    raws.push(r)
    return r
  }
  const storedBytes = async (room: string) => {
    const s = await server.storage.docs.load(room)
    return Buffer.concat([...(s.snapshot ? [s.snapshot] : []), ...s.updates])
  }

  beforeAll(async () => {
    server = await startServer({ authorize: 'roles' })
    contributor = new ApiClient(server.url)
    observer = new ApiClient(server.url)
    await contributor.signUp(uniqueEmail('contributor'), 'Casey')
    await observer.signUp(uniqueEmail('observer'), 'Olu')
  })
  afterAll(async () => {
    for (const r of raws) r.ws.close()
    for (const c of clients) c.destroy()
    await server.close()
  })

  /** A board with a contributor's story, a second (stale) copy of it taken offline, and watchers. */
  async function staleCopyOfStory() {
    const board = await server.createBoard('Money advice')
    for (const [api, role] of [
      [contributor, 'contributor'],
      [observer, 'observer'],
    ] as const) {
      const me = await api.request<{ user: { email: string } }>('GET', '/api/auth/me')
      const added = await server.owner.request('POST', `/api/boards/${board}/members`, {
        email: me.body.user.email,
        role,
      })
      expect(added.status).toBe(201)
    }
    const writer = connect(board, contributor.token!)
    await synced(writer)
    const made = createStory(
      writer.doc,
      { pos: { x: 0, y: 0 }, text: 'Rent arrears letter came late' },
      local,
    )
    if (!made.ok) throw new Error('story')
    const id = made.value.id
    await roomHolds(server, board, (d) => storiesMap(d).has(id))
    const stale = connect(board, contributor.token!)
    await synced(stale)
    await waitFor(() => storiesMap(stale.doc).has(id), 5000, 'the stale copy holds the story')
    stale.provider.disconnect()
    const watchers = {
      contributor: raw(board, contributor.token!),
      observer: raw(board, observer.token!),
    }
    await Promise.all(
      Object.values(watchers).map((w) => waitFor(() => w.frames.length >= 1, 5000, 'greeting')),
    )
    return { board, id, stale, watchers }
  }

  /** Types into the story's text in the stale copy, in the middle of a line and as a new line. */
  function typeOffline(doc: Y.Doc, id: string, canary: string) {
    const text = storiesMap(doc).get(id)!.get(STORY_KEYS.text) as Y.XmlFragment
    const paragraph = text.get(0) as Y.XmlElement
    doc.transact(() => {
      ;(paragraph.get(0) as Y.XmlText).insert(4, `${canary}-inline `)
      const added = new Y.XmlElement('paragraph')
      added.insert(0, [new Y.XmlText(`${canary}-line`)])
      text.insert(text.length, [added])
    }, local)
  }

  /**
   * The stale copy comes back: the server takes what it sent (Yjs keeps the text typed into
   * deleted content as deleted) and the copy goes on syncing: its next story arrives.
   */
  async function reconnectAndKeepWriting(board: string, stale: TestClient) {
    stale.provider.connect()
    const me = stale.doc.clientID
    const sent = Y.getState(stale.doc.store, me)
    await roomHolds(server, board, (d) => Y.getState(d.store, me) >= sent)
    const next = createStory(
      stale.doc,
      { pos: { x: 400, y: 0 }, text: 'Written after coming back' },
      local,
    )
    if (!next.ok) throw new Error('story')
    await roomHolds(server, board, (d) => storiesMap(d).has(next.value.id))
    const room = await server.lw.rooms.get(board)
    expect(room.stats().rejected).toEqual({})
  }

  async function expectNowhere(board: string, canary: string, watchers: Record<string, RawSocket>) {
    await server.lw.rooms.read(board, () => true)
    for (const [who, w] of Object.entries(watchers))
      expect(has(w.frames, canary), `frames to the ${who}`).toBe(false)
    expect((await storedBytes(board)).includes(Buffer.from(canary))).toBe(false)
    expect(
      await server.lw.rooms.read(board, (d) =>
        Buffer.from(Y.encodeStateAsUpdateV2(d)).includes(Buffer.from(canary)),
      ),
    ).toBe(false)
  }

  it('[E12] text a stale copy typed into a story restricted meanwhile reaches nobody and no stored byte', async () => {
    const { board, id, stale, watchers } = await staleCopyOfStory()
    const put = await contributor.request('PUT', `/api/boards/${board}/stories/${id}/sensitivity`, {
      sensitivity: 'restricted',
    })
    expect(put.status).toBe(200)
    const canary = 'CANARY-stale-restricted-3f1a'
    typeOffline(stale.doc, id, canary)
    await reconnectAndKeepWriting(board, stale)
    await expectNowhere(board, canary, watchers)
    expect((await storedBytes(`${board}~restricted`)).includes(Buffer.from(canary))).toBe(false)
  })

  it('[E12] text a stale copy typed into a story withdrawn meanwhile reaches nobody and no stored byte', async () => {
    const { board, id, stale, watchers } = await staleCopyOfStory()
    const out = await contributor.request('POST', `/api/boards/${board}/stories/${id}/withdraw`)
    expect(out.status).toBe(200)
    const canary = 'CANARY-stale-withdrawn-7c2e'
    typeOffline(stale.doc, id, canary)
    await reconnectAndKeepWriting(board, stale)
    await expectNowhere(board, canary, watchers)
  })

  it('[E12] an edit that raced an ordinary delete is taken as Yjs keeps it (deleted), and its text is stored and sent nowhere', async () => {
    const { board, id, stale, watchers } = await staleCopyOfStory()
    const writer = connect(board, contributor.token!)
    await synced(writer)
    writer.doc.transact(() => storiesMap(writer.doc).delete(id), local)
    await roomHolds(server, board, (d) => !storiesMap(d).has(id))
    const canary = 'CANARY-stale-deleted-0b9d'
    typeOffline(stale.doc, id, canary)
    await reconnectAndKeepWriting(board, stale)
    await expectNowhere(board, canary, watchers)
  })

  it('[E12] a concurrent write that lost is stored and sent as what the document kept, not as the client sent it', async () => {
    const { board, id, stale, watchers } = await staleCopyOfStory()
    // Yjs keeps the higher client id's value of two concurrent map writes: the stale copy loses.
    const doc = new Y.Doc()
    doc.clientID = 0xfffffff0
    const provider = new WebsocketProvider(server.wsUrl, board, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      params: { token: contributor.token! },
      disableBc: true,
    })
    const live = { doc, provider, destroy: () => (provider.destroy(), doc.destroy()) }
    clients.push(live)
    await synced(live)
    live.doc.transact(
      () => storiesMap(live.doc).get(id)!.set(STORY_KEYS.tellerRole, 'support worker'),
      local,
    )
    await roomHolds(
      server,
      board,
      (d) => storiesMap(d).get(id)?.get(STORY_KEYS.tellerRole) === 'support worker',
    )
    const canary = 'CANARY-stale-lost-5d0c'
    stale.doc.transact(
      () => storiesMap(stale.doc).get(id)!.set(STORY_KEYS.tellerRole, canary),
      local,
    )
    stale.provider.connect()
    await synced(stale)
    await waitFor(
      () => storiesMap(stale.doc).get(id)?.get(STORY_KEYS.tellerRole) === 'support worker',
      5000,
      'the stale copy converges',
    )
    await roomHolds(server, board, (d) => Y.getState(d.store, stale.doc.clientID) > 0)
    await expectNowhere(board, canary, watchers)
  })
})
