// Withdrawal that really erases, over real sockets and a real SQLite file: the canary is looked for
// in the raw bytes of the database and its WAL, saved versions, the board it was raised to,
// exports and the server's log; a stale offline client that reconnects does not bring it back.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { exportBoard } from '../../shared/export/exportBoard.ts'
import { readConditions } from '../../shared/model/condition.ts'
import { storiesMap } from '../../shared/model/layout.ts'
import { readWithdrawn } from '../../shared/model/withdrawal.ts'
import { createPattern } from '../../shared/ops/pattern.ts'
import { createStory } from '../../shared/ops/story.ts'
import { newId } from '../../shared/model/ids.ts'
import { ApiClient, uniqueEmail } from '../testing/apiClient.ts'
import { connectClient, roomHolds, startServer, synced, waitFor, type TestClient, type TestServer } from '../testing/harness.ts'
import { jsonLog } from '../log.ts'
import { waitForRejection } from '../testing/rejections.ts'

const CANARY = 'CANARY-wd-93e1 my son was taken into care'
const local = { kind: 'local' } as const
const consent = { givenBy: 'parent', covers: ['board', 'linkedBoards', 'quotes'], date: '2026-11-20' }

describe('withdrawal', () => {
  let server: TestServer
  const logLines: string[] = []
  const clients: TestClient[] = []
  const connect = (room: string, token = server.owner.token!) => {
    const c = connectClient(server.wsUrl, room, { token })
    clients.push(c)
    return c
  }
  const rawDatabase = () => {
    const file = join(server.dataDir, 'learning-wall.sqlite')
    const wal = `${file}-wal`
    return Buffer.concat([readFileSync(file), ...(existsSync(wal) ? [readFileSync(wal)] : [])])
  }
  const inDatabase = (text: string) => rawDatabase().includes(Buffer.from(text))

  beforeAll(async () => {
    server = await startServer({ authorize: 'roles', log: jsonLog((line) => logLines.push(line)) })
  })
  afterAll(async () => {
    for (const c of clients) c.destroy()
    await server.close()
  })

  it('[E8] after withdrawal the canary is in no stored byte, version, linked board, export or log line; a stale client cannot restore it', async () => {
    const team = await server.createBoard('Family support team', 'team')
    const org = await server.createBoard('County council', 'organisation')
    expect((await server.owner.request('POST', `/api/boards/${team}/links`, { otherBoardId: org, kind: 'vertical' })).status).toBe(201)
    const author = connect(team)
    await synced(author)
    const made = createStory(author.doc, { pos: { x: 5, y: 5 }, text: CANARY, fields: { tellerRole: 'parent', consent } }, local)
    const other = createStory(author.doc, { pos: { x: 300, y: 5 }, text: 'Another story that stays' }, local)
    if (!made.ok || !other.ok) throw new Error('stories')
    const id = made.value.id
    const pattern = createPattern(author.doc, { name: 'Care proceedings', area: { x: 0, y: 0, w: 600, h: 300 }, storyIds: [id, other.value.id] }, local)
    if (!pattern.ok) throw new Error('pattern')
    await roomHolds(server, team, (d) => d.getMap('members').size === 2)

    // The story travels: raised onto the council board (quoted there by reference), saved in a named version, compacted.
    const raised = await server.owner.request<{ condition: { id: string } }>('POST', `/api/boards/${team}/patterns/${pattern.value.id}/raise`, { targetBoardId: org, kind: 'barrier' })
    expect(raised.status).toBe(201)
    const quotes = async () => (await server.owner.request<{ quotes: Array<{ text: string }> }>('GET', `/api/conditions/${raised.body.condition.id}/quotes`)).body.quotes.map((q) => q.text)
    expect(await quotes()).toEqual([CANARY])
    const state = await server.lw.rooms.read(team, (d) => Y.encodeStateAsUpdateV2(d))
    await server.storage.versions.save({ id: newId(), boardId: team, kind: 'named', name: 'End of workshop', createdBy: null, createdAt: new Date().toISOString() }, state)
    await server.lw.rooms.compactStored(team)
    expect(inDatabase(CANARY)).toBe(true)

    // A second person holds a copy and goes offline.
    const stale = connect(team)
    await synced(stale)
    expect(storiesMap(stale.doc).has(id)).toBe(true)
    stale.provider.disconnect()

    // Only the author, facilitators and owners may withdraw.
    const contributor = new ApiClient(server.url)
    const email = uniqueEmail('contributor')
    await contributor.signUp(email, 'Robin')
    await server.owner.request('POST', `/api/boards/${team}/members`, { email, role: 'contributor' })
    expect((await contributor.request('POST', `/api/boards/${team}/stories/${id}/withdraw`)).status).toBe(403)
    expect((await server.owner.request('POST', `/api/boards/${team}/stories/nosuchstory/withdraw`)).status).toBe(404)

    const withdrawn = await server.owner.request<{ withdrawn: boolean; boards: number; versions: number }>('POST', `/api/boards/${team}/stories/${id}/withdraw`)
    expect(withdrawn.status).toBe(200)
    // Only the board itself is rewritten: the council board never held the story's words.
    expect(withdrawn.body).toMatchObject({ withdrawn: true, boards: 1 })
    // The named version, and any automatic one saved while the story was there.
    expect(withdrawn.body.versions).toBeGreaterThanOrEqual(1)

    // Live documents: gone, a mark without content stays; the other story and the card stay.
    await waitFor(() => !storiesMap(author.doc).has(id), 5000, 'live removal')
    expect(await server.lw.rooms.read(team, (d) => readWithdrawn(d).map((w) => w.id))).toEqual([id])
    expect(await server.lw.rooms.read(team, (d) => storiesMap(d).has(other.value.id))).toBe(true)
    expect(await quotes()).toEqual([])
    expect(await server.lw.rooms.read(org, (d) => readConditions(d).length)).toBe(1)

    // Stored bytes: the database file and its WAL (after the checkpoint), every saved version, both boards.
    expect(inDatabase(CANARY)).toBe(false)
    for (const board of [team, org]) {
      for (const v of await server.storage.versions.list(board)) {
        const loaded = await server.storage.versions.load(board, v.id)
        expect(Buffer.from(loaded!.stateV2).includes(Buffer.from(CANARY))).toBe(false)
      }
    }
    const exported = await server.lw.rooms.read(team, (d) => JSON.stringify(exportBoard(d, { anonymous: false, ballots: [], exportedAt: '' })))
    expect(exported).not.toContain(CANARY)
    expect(exported).toContain('Another story that stays')

    // The stale client reconnects: it loses the story rather than restoring it.
    stale.provider.connect()
    await waitFor(() => !storiesMap(stale.doc).has(id), 5000, 'stale copy updated')
    // A client that writes the story back under its id is refused.
    const hostile = connect(team)
    await synced(hostile)
    createStory(hostile.doc, { id, pos: { x: 5, y: 5 }, text: CANARY }, local)
    await waitForRejection(server, team, 'withdrawn')
    expect(await server.lw.rooms.read(team, (d) => storiesMap(d).has(id))).toBe(false)
    await server.lw.rooms.compactStored(team)
    await server.storage.scrub?.()
    expect(inDatabase(CANARY)).toBe(false)

    const audit = await server.owner.request<{ entries: Array<{ action: string }> }>('GET', `/api/boards/${team}/audit`)
    expect(audit.body.entries.some((e) => e.action === 'story.withdrawn')).toBe(true)
    expect(JSON.stringify(audit.body)).not.toContain(CANARY)
    expect(logLines.length).toBeGreaterThan(0)
    expect(logLines.join('\n')).not.toContain(CANARY)
  })

  it('[E9] a restricted story withdrawn by its author leaves neither document, nor the restricted room’s history', async () => {
    const board = await server.createBoard('Youth justice team', 'team')
    const author = new ApiClient(server.url)
    const email = uniqueEmail('author')
    await author.signUp(email, 'Sam')
    await server.owner.request('POST', `/api/boards/${board}/members`, { email, role: 'contributor' })
    const secret = 'CANARY-wd-restricted-1f0c'
    const created = await author.request<{ id: string }>('POST', `/api/boards/${board}/stories`, { pos: { x: 0, y: 0 }, text: secret, fields: { sensitivity: 'restricted' } })
    expect(created.status).toBe(201)
    expect(inDatabase(secret)).toBe(true)
    // The author cannot read it back (contributor), but may withdraw it.
    const res = await author.request('POST', `/api/boards/${board}/stories/${created.body.id}/withdraw`)
    expect(res.status).toBe(200)
    expect(await server.lw.rooms.read(board, (d) => storiesMap(d).has(created.body.id))).toBe(false)
    expect(await server.lw.rooms.read(`${board}~restricted`, (d) => storiesMap(d).has(created.body.id))).toBe(false)
    expect(inDatabase(secret)).toBe(false)
  })

  it('[E10][E8] withdrawal reaches boards restored from saved versions of the board, and boards restored from those, each auditing it', async () => {
    const secret = 'CANARY-wd-restored-5b2e'
    const board = await server.createBoard('Housing first team', 'team')
    const c = connect(board)
    await synced(c)
    const made = createStory(c.doc, { pos: { x: 0, y: 0 }, text: secret }, local)
    if (!made.ok) throw new Error('story')
    await waitFor(() => inDatabase(secret), 5000, 'stored')
    const restoreFrom = async (from: string) => {
      const saved = await server.owner.request<{ version: { id: string } }>('POST', `/api/boards/${from}/versions`, { name: 'End of workshop' })
      expect(saved.status).toBe(201)
      const restored = await server.owner.request<{ board: { id: string } }>('POST', `/api/boards/${from}/versions/${saved.body.version.id}/restore`, {})
      expect(restored.status).toBe(201)
      return restored.body.board.id
    }
    const child = await restoreFrom(board)
    const grandchild = await restoreFrom(child)
    for (const b of [child, grandchild]) expect(await server.lw.rooms.read(b, (d) => storiesMap(d).has(made.value.id))).toBe(true)

    const res = await server.owner.request<{ boards: number }>('POST', `/api/boards/${board}/stories/${made.value.id}/withdraw`)
    expect(res.status).toBe(200)
    expect(res.body.boards).toBe(3)
    for (const b of [board, child, grandchild]) {
      expect(await server.lw.rooms.read(b, (d) => storiesMap(d).has(made.value.id))).toBe(false)
      expect(await server.lw.rooms.read(b, (d) => readWithdrawn(d).map((w) => w.id))).toEqual([made.value.id])
      // Each board the withdrawal rewrote records it: ids and counts only.
      const audit = await server.owner.request<{ entries: Array<{ action: string; details: Record<string, unknown> }> }>('GET', `/api/boards/${b}/audit`)
      expect(audit.body.entries.filter((e) => e.action === 'story.withdrawn' && e.details.storyId === made.value.id)).toHaveLength(1)
      expect(JSON.stringify(audit.body)).not.toContain(secret)
    }
    expect(inDatabase(secret)).toBe(false)
  })
})
