// Story authorship as the server records it, over real sockets (stock y-websocket) and a real
// SQLite file: withdrawal rights follow who created a story, never the document's `author` key;
// anonymous boards record no one.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { draftRoom } from '../../shared/model/facilitation.ts'
import { storiesMap } from '../../shared/model/layout.ts'
import { STORY_KEYS } from '../../shared/model/story.ts'
import { createStory } from '../../shared/ops/story.ts'
import { ApiClient, uniqueEmail } from '../testing/apiClient.ts'
import { connectClient, roomHolds, startServer, synced, type TestClient, type TestServer } from '../testing/harness.ts'

const local = { kind: 'local' } as const

describe('story authorship', () => {
  let server: TestServer
  const clients: TestClient[] = []
  const connect = (room: string, token: string | undefined) => {
    const c = connectClient(server.wsUrl, room, token ? { token } : {})
    clients.push(c)
    return c
  }
  async function member(boardId: string, name: string, role = 'contributor') {
    const api = new ApiClient(server.url)
    const email = uniqueEmail(name.toLowerCase())
    const user = await api.signUp(email, name)
    expect((await server.owner.request('POST', `/api/boards/${boardId}/members`, { email, role })).status).toBe(201)
    return { api, id: user.id }
  }
  /** Until the server's copy of `room` satisfies `holds`. */
  const stored = async (room: string, holds: (doc: Y.Doc) => boolean) => {
    await roomHolds(server, room, holds)
  }
  const mine = async (api: ApiClient, boardId: string) => {
    const res = await api.request<{ storyIds: string[] }>('GET', `/api/boards/${boardId}/stories/mine`)
    expect(res.status).toBe(200)
    return res.body.storyIds
  }
  const storyAuthorRows = (boardId: string) => {
    const db = new SQLite(join(server.dataDir, 'learning-wall.sqlite'), { readonly: true })
    try {
      return db.prepare('SELECT story_id, user_id FROM story_authors WHERE board_id = ?').all(boardId) as Array<{ story_id: string; user_id: string }>
    } finally {
      db.close()
    }
  }

  beforeAll(async () => {
    server = await startServer({ authorize: 'roles' })
  })
  afterAll(async () => {
    for (const c of clients) c.destroy()
    await server.close()
  })

  it('[E11] a contributor withdraws the story they created over their socket; another cannot, even after writing themselves in as its author', async () => {
    const board = await server.createBoard('Money advice team')
    const ann = await member(board, 'Ann')
    const ben = await member(board, 'Ben')
    const olu = await member(board, 'Olu', 'observer')
    const annSocket = connect(board, ann.api.token)
    const benSocket = connect(board, ben.api.token)
    await Promise.all([synced(annSocket), synced(benSocket)])

    const made = createStory(annSocket.doc, { pos: { x: 10, y: 10 }, text: 'Rent arrears after a benefit delay' }, local)
    const bens = createStory(benSocket.doc, { pos: { x: 300, y: 10 }, text: 'A bailiff visit' }, local)
    if (!made.ok || !bens.ok) throw new Error('stories')
    const id = made.value.id
    await stored(board, (d) => storiesMap(d).has(id) && storiesMap(d).has(bens.value.id))
    expect(await mine(ann.api, board)).toEqual([id])
    expect(await mine(ben.api, board)).toEqual([bens.value.id])
    expect(await mine(olu.api, board)).toEqual([])
    expect(storyAuthorRows(board)).toContainEqual({ story_id: id, user_id: ann.id })

    // Ben writes himself in as the author of Ann's story: the document takes it, withdrawal does not.
    storiesMap(benSocket.doc).get(id)!.set(STORY_KEYS.author, ben.id)
    await stored(board, (d) => storiesMap(d).get(id)?.get(STORY_KEYS.author) === ben.id)
    const refused = await ben.api.request<{ error: { code: string } }>('POST', `/api/boards/${board}/stories/${id}/withdraw`)
    expect(refused.status).toBe(403)
    expect(refused.body.error.code).toBe('forbidden')
    expect(await mine(ben.api, board)).toEqual([bens.value.id])
    expect(await server.lw.rooms.read(board, (d) => storiesMap(d).has(id))).toBe(true)
    // An observer cannot withdraw either, author key or not.
    expect((await olu.api.request('POST', `/api/boards/${board}/stories/${id}/withdraw`)).status).toBe(403)

    const withdrawn = await ann.api.request<{ withdrawn: boolean }>('POST', `/api/boards/${board}/stories/${id}/withdraw`)
    expect(withdrawn.status).toBe(200)
    expect(withdrawn.body.withdrawn).toBe(true)
    expect(await server.lw.rooms.read(board, (d) => storiesMap(d).has(id))).toBe(false)
    // Ben's own story is his to withdraw.
    expect((await ben.api.request('POST', `/api/boards/${board}/stories/${bens.value.id}/withdraw`)).status).toBe(200)
    const audit = await server.owner.request<{ entries: Array<{ action: string; details: { byAuthor?: boolean } }> }>('GET', `/api/boards/${board}/audit`)
    expect(audit.body.entries.filter((e) => e.action === 'story.withdrawn').map((e) => e.details.byAuthor)).toEqual([true, true])
  })

  it('[E11] the first creator stays the author: re-adding a story under a known id does not move it', async () => {
    const board = await server.createBoard('Housing team')
    const ann = await member(board, 'Ann')
    const ben = await member(board, 'Ben')
    const annSocket = connect(board, ann.api.token)
    const benSocket = connect(board, ben.api.token)
    await Promise.all([synced(annSocket), synced(benSocket)])
    const made = createStory(annSocket.doc, { pos: { x: 0, y: 0 }, text: 'First' }, local)
    if (!made.ok) throw new Error('story')
    const id = made.value.id
    await stored(board, (d) => storiesMap(d).has(id))
    // Ben deletes it and writes a story of his own under the same id.
    storiesMap(benSocket.doc).delete(id)
    await stored(board, (d) => !storiesMap(d).has(id))
    createStory(benSocket.doc, { id, pos: { x: 0, y: 0 }, text: 'Mine now' }, local)
    await stored(board, (d) => storiesMap(d).has(id))
    expect(await mine(ben.api, board)).toEqual([])
    expect((await ben.api.request('POST', `/api/boards/${board}/stories/${id}/withdraw`)).status).toBe(403)
    expect(await mine(ann.api, board)).toEqual([id])
  })

  it('[E11] revealed drafts are attributed to their writer, restricted stories to their caller', async () => {
    const board = await server.createBoard('Team reflection')
    const ana = await member(board, 'Ana')
    expect((await server.owner.request('POST', `/api/boards/${board}/session`, { action: 'start', templateId: 'team-reflection' })).status).toBe(200)
    const drafts = connect(draftRoom(board, ana.id), ana.api.token)
    await synced(drafts)
    const draft = createStory(drafts.doc, { pos: { x: 10, y: 10 }, text: 'Written alone first' }, local)
    if (!draft.ok) throw new Error('draft')
    await stored(draftRoom(board, ana.id), (d) => storiesMap(d).has(draft.value.id))
    // Writing in a private draft room records nothing: the story is not on the board yet.
    expect(await mine(ana.api, board)).toEqual([])
    const next = await server.owner.request<{ revealed: number }>('POST', `/api/boards/${board}/session`, { action: 'phase', index: 1 })
    expect(next.body.revealed).toBe(1)
    expect(await mine(ana.api, board)).toEqual([draft.value.id])
    // The reveal was the owner's action; the story is still Ana's.
    expect(await mine(server.owner, board)).toEqual([])

    const restricted = await ana.api.request<{ id: string }>('POST', `/api/boards/${board}/stories`, { pos: { x: 0, y: 300 }, text: 'A care order', fields: { sensitivity: 'restricted' } })
    expect(restricted.status).toBe(201)
    expect(await mine(ana.api, board)).toEqual([draft.value.id, restricted.body.id])
    expect((await ana.api.request('POST', `/api/boards/${board}/stories/${draft.value.id}/withdraw`)).status).toBe(200)
  })

  it('[E10] on an anonymous board no authorship is recorded and the author’s id gains no byte in the database', async () => {
    const board = await server.owner.createBoard('Anonymous circle', 'team', { anonymous: true })
    const ann = await member(board, 'Ann')
    const annSocket = connect(board, ann.api.token)
    await synced(annSocket)
    const rawDatabase = async () => {
      await server.storage.scrub?.()
      const file = join(server.dataDir, 'learning-wall.sqlite')
      const wal = `${file}-wal`
      return Buffer.concat([readFileSync(file), ...(existsSync(wal) ? [readFileSync(wal)] : [])])
    }
    const occurrences = (bytes: Buffer, text: string) => {
      let n = 0
      for (let at = bytes.indexOf(text); at !== -1; at = bytes.indexOf(text, at + 1)) n++
      return n
    }
    const before = occurrences(await rawDatabase(), ann.id)

    const made = createStory(annSocket.doc, { pos: { x: 0, y: 0 }, text: 'Told without a name' }, local)
    if (!made.ok) throw new Error('story')
    await stored(board, (d) => storiesMap(d).has(made.value.id))
    expect(await mine(ann.api, board)).toEqual([])
    expect(storyAuthorRows(board)).toEqual([])
    expect(occurrences(await rawDatabase(), ann.id)).toBe(before)
    // Without a record only facilitators and owners may withdraw it.
    expect((await ann.api.request('POST', `/api/boards/${board}/stories/${made.value.id}/withdraw`)).status).toBe(403)
    expect((await server.owner.request('POST', `/api/boards/${board}/stories/${made.value.id}/withdraw`)).status).toBe(200)
  })
})
