// The reveal takes drafts as client-written data (issue 15, case 3): what a contributor writes into
// their own draft room passes the same guards as a socket update, and a reveal never throws. Real
// sockets (stock y-websocket clients writing their drafts) and a real SQLite file.
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { storiesMap } from '../../shared/model/layout.ts'
import { readBoard } from '../../shared/model/readBoard.ts'
import { createStory } from '../../shared/ops/story.ts'
import { CLOSE } from '../../shared/protocol/closeCodes.ts'
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
type RevealAnswer = { revealed: number; refused: number; restricted: number; skipped: number }

describe('reveal checks drafts like updates', () => {
  let server: TestServer
  const clients: TestClient[] = []
  const raws: RawSocket[] = []
  beforeAll(async () => {
    server = await startServer({ authorize: 'roles' })
  })
  afterAll(async () => {
    for (const r of raws) r.ws.close()
    for (const c of clients) c.destroy()
    await server.close()
  })

  async function person(board: string, role: string, name: string) {
    const api = new ApiClient(server.url)
    const email = uniqueEmail(name)
    const me = await api.signUp(email, name)
    expect(
      (await server.owner.request('POST', `/api/boards/${board}/members`, { email, role })).status,
    ).toBe(201)
    return { api, id: me.id }
  }
  async function privateBoard() {
    const board = await server.createBoard('Reflection')
    expect(
      (
        await server.owner.request('POST', `/api/boards/${board}/session`, {
          action: 'start',
          templateId: 'team-reflection',
        })
      ).status,
    ).toBe(200)
    expect(
      (
        await server.owner.request('POST', `/api/boards/${board}/session`, {
          action: 'private',
          on: true,
        })
      ).status,
    ).toBe(200)
    return board
  }
  /** The contributor's own draft room through a stock client, as the page opens it. */
  async function drafts(board: string, who: { api: ApiClient; id: string }) {
    const c = connectClient(server.wsUrl, `${board}~draft~${who.id}`, { token: who.api.token! })
    clients.push(c)
    await synced(c)
    return c
  }
  const reveal = (board: string) =>
    server.owner.request<RevealAnswer>('POST', `/api/boards/${board}/session`, { action: 'reveal' })
  const stored = async (room: string) => {
    const s = await server.storage.docs.load(room)
    return Buffer.concat([...(s.snapshot ? [s.snapshot] : []), ...s.updates])
  }

  it('[H25] a withdrawn story written back into a draft does not come back at reveal', async () => {
    const board = await privateBoard()
    const ann = await person(board, 'contributor', 'ann')
    const made = await server.owner.request<{ id: string }>(
      'POST',
      `/api/boards/${board}/stories`,
      { pos: { x: 0, y: 0 }, text: 'CANARY-wd-reveal-11aa', fields: { sensitivity: 'restricted' } },
    )
    expect(made.status).toBe(201)
    const id = made.body.id
    expect(
      (await server.owner.request('POST', `/api/boards/${board}/stories/${id}/withdraw`)).status,
    ).toBe(200)

    const d = await drafts(board, ann)
    createStory(d.doc, { id, pos: { x: 0, y: 0 }, text: 'CANARY-wd-reveal-11aa' }, local)
    createStory(d.doc, { pos: { x: 300, y: 0 }, text: 'An honest draft' }, local)
    await roomHolds(server, `${board}~draft~${ann.id}`, (doc) => storiesMap(doc).size === 2)
    const r = await reveal(board)
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ revealed: 1, refused: 1 })
    const texts = await server.lw.rooms.read(board, (doc) =>
      readBoard(doc).stories.map((s) => s.text),
    )
    expect(texts).toEqual(['An honest draft'])
    expect((await stored(board)).includes(Buffer.from('CANARY-wd-reveal-11aa'))).toBe(false)
  })

  it('[H25] a draft marked restricted becomes a restricted story: no observer receives its text', async () => {
    const board = await privateBoard()
    const ann = await person(board, 'contributor', 'ann')
    const olu = await person(board, 'observer', 'olu')
    const watcher = openRaw(`${server.wsUrl}/${board}?token=${olu.api.token}`)
    raws.push(watcher)
    await waitFor(() => watcher.frames.length >= 1, 5000, 'greeting')

    const d = await drafts(board, ann)
    createStory(
      d.doc,
      {
        pos: { x: 0, y: 0 },
        text: 'CANARY-restricted-draft-5c1e',
        fields: { sensitivity: 'restricted', tellerRole: 'tenant' },
      },
      local,
    )
    await roomHolds(server, `${board}~draft~${ann.id}`, (doc) => storiesMap(doc).size === 1)
    const r = await reveal(board)
    expect(r.body).toMatchObject({ revealed: 1, restricted: 1, refused: 0 })
    const [placeholder] = await server.lw.rooms.read(board, (doc) => readBoard(doc).stories)
    expect(placeholder).toMatchObject({ sensitivity: 'restricted', text: '' })
    // Everyone's copy has heard from the server since: a later change reached the observer.
    await server.owner.request('POST', `/api/boards/${board}/session`, { action: 'end' })
    await waitFor(() => watcher.frames.length >= 3, 5000, 'later frames')
    expect(has(watcher.frames, 'CANARY-restricted-draft-5c1e')).toBe(false)
    expect((await stored(board)).includes(Buffer.from('CANARY-restricted-draft-5c1e'))).toBe(false)
    expect(
      (await stored(`${board}~restricted`)).includes(Buffer.from('CANARY-restricted-draft-5c1e')),
    ).toBe(true)
  })

  it('[H25] a draft whose values are Yjs types where plain values belong is revealed with those reset; the reveal answers and nobody is closed', async () => {
    const board = await privateBoard()
    const ann = await person(board, 'contributor', 'ann')
    const watcher = connectClient(server.wsUrl, board, { token: ann.api.token! })
    clients.push(watcher)
    await synced(watcher)
    let closedWith = 0
    watcher.provider.on(
      'connection-close',
      (e: CloseEvent | null) => (closedWith = e?.code ?? closedWith),
    )

    const d = await drafts(board, ann)
    const made = createStory(d.doc, { pos: { x: 0, y: 0 }, text: 'Tags as a shared array' }, local)
    if (!made.ok) throw new Error('draft')
    d.doc.transact(() => {
      const map = storiesMap(d.doc).get(made.value.id)!
      const tags = new Y.Array<string>()
      map.set('tags', tags)
      tags.push(['debt'])
      map.set('measures', new Y.Map())
    }, local)
    await roomHolds(
      server,
      `${board}~draft~${ann.id}`,
      (doc) => storiesMap(doc).get(made.value.id)?.get('tags') instanceof Y.Array,
    )
    const r = await reveal(board)
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ revealed: 1, refused: 0 })
    const [story] = await server.lw.rooms.read(board, (doc) => readBoard(doc).stories)
    expect(story).toMatchObject({ text: 'Tags as a shared array', tags: [], measures: [] })
    await waitFor(
      () => readBoard(watcher.doc).stories.length === 1,
      5000,
      'the story at the contributor',
    )
    expect(closedWith).toBe(0)
  })

  it('[H26] removing a member closes their draft socket too, and a demoted member’s drafts stay unrevealed', async () => {
    const board = await privateBoard()
    const ann = await person(board, 'contributor', 'ann')
    const ben = await person(board, 'contributor', 'ben')
    const annDrafts = openRaw(`${server.wsUrl}/${board}~draft~${ann.id}?token=${ann.api.token}`)
    raws.push(annDrafts)
    await annDrafts.opened
    const benDrafts = await drafts(board, ben)
    createStory(benDrafts.doc, { pos: { x: 0, y: 0 }, text: 'Written before the demotion' }, local)
    await roomHolds(server, `${board}~draft~${ben.id}`, (doc) => storiesMap(doc).size === 1)

    expect(
      (await server.owner.request('DELETE', `/api/boards/${board}/members/${ann.id}`)).status,
    ).toBe(200)
    expect((await annDrafts.closed).code).toBe(CLOSE.forbidden)
    expect(
      (
        await server.owner.request('PATCH', `/api/boards/${board}/members/${ben.id}`, {
          role: 'observer',
        })
      ).status,
    ).toBe(200)

    const r = await reveal(board)
    // The demoted member's drafts (and the removed member's room, if it was stored in time) stay.
    expect(r.body).toMatchObject({ revealed: 0 })
    expect(r.body.skipped).toBeGreaterThanOrEqual(1)
    expect(await server.lw.rooms.read(board, (doc) => storiesMap(doc).size)).toBe(0)
    expect(
      await server.lw.rooms.read(`${board}~draft~${ben.id}`, (doc) => storiesMap(doc).size),
    ).toBe(1)
  })
})
