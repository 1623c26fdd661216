// Anonymous mode, checked where it matters: the name a guest types, their presence and their
// stories leave no trace of who they are in the raw database bytes, the documents or the log.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { draftRoom } from '../../shared/model/facilitation.ts'
import { patternsMap, storiesMap } from '../../shared/model/layout.ts'
import { readBoard } from '../../shared/model/readBoard.ts'
import { createPattern } from '../../shared/ops/pattern.ts'
import { createStory } from '../../shared/ops/story.ts'
import { keepsActor } from '../auth/audit.ts'
import { jsonLog } from '../log.ts'
import { ApiClient, uniqueEmail } from '../testing/apiClient.ts'
import { connectClient, roomHolds, startServer, synced, waitFor, type TestClient, type TestServer } from '../testing/harness.ts'
import { openRaw, type RawSocket } from '../testing/rawSocket.ts'
import { waitForRejection } from '../testing/rejections.ts'

const CANARY_NAME = 'Canaryname Qx7Vuller'
const local = { kind: 'local' } as const

describe('anonymous mode', () => {
  let server: TestServer
  const logLines: string[] = []
  const clients: TestClient[] = []
  const raws: RawSocket[] = []

  beforeAll(async () => {
    server = await startServer({ authorize: 'roles', log: jsonLog((line) => logLines.push(line)) })
  })
  afterAll(async () => {
    for (const c of clients) c.destroy()
    for (const r of raws) r.ws.close()
    await server.close()
  })

  const connect = (room: string, token: string | undefined) => {
    const c = connectClient(server.wsUrl, room, token ? { token } : {})
    clients.push(c)
    return c
  }
  async function invite(boardId: string, role: string): Promise<string> {
    const res = await server.owner.request<{ token: string }>('POST', `/api/boards/${boardId}/invites`, { role })
    expect(res.status).toBe(201)
    return res.body.token
  }
  /** The database file and its write-ahead log after a checkpoint, as bytes. */
  async function rawDatabase(): Promise<Buffer> {
    await server.storage.scrub?.()
    const file = join(server.dataDir, 'learning-wall.sqlite')
    return Buffer.concat([readFileSync(file), ...(existsSync(`${file}-wal`) ? [readFileSync(`${file}-wal`)] : [])])
  }
  /**
   * Every stored row outside the tables that hold people themselves (users, sessions, memberships)
   * and the audit entries about access (which name members, as memberships do), with each column
   * as bytes, named by table.
   */
  function storedRows(): Array<{ table: string; bytes: Buffer }> {
    const db = new SQLite(join(server.dataDir, 'learning-wall.sqlite'), { readonly: true })
    try {
      const tables = db.prepare("select name from sqlite_master where type = 'table'").all() as Array<{ name: string }>
      const rows: Array<{ table: string; bytes: Buffer }> = []
      for (const { name } of tables) {
        if (['users', 'sessions', 'memberships'].includes(name)) continue
        for (const row of db.prepare(`select * from "${name}"`).all() as Array<Record<string, unknown>>) {
          if (name === 'audit_log' && keepsActor(String(row.action))) continue
          const cells = Object.values(row).map((v) => (Buffer.isBuffer(v) ? v : Buffer.from(String(v))))
          rows.push({ table: name, bytes: Buffer.concat(cells) })
        }
      }
      expect(rows.length).toBeGreaterThan(10)
      return rows
    } finally {
      db.close()
    }
  }

  it('[E10] an anonymous author’s display name appears nowhere in stored data or logs, and no author id enters the documents', async () => {
    const board = await server.owner.createBoard('Tenants’ voices', 'place', { anonymous: true })
    const invite = await server.owner.request<{ token: string }>('POST', `/api/boards/${board}/invites`, { role: 'contributor' })
    expect(invite.status).toBe(201)
    const guest = new ApiClient(server.url)
    const joined = await guest.request<{ user: { id: string; displayName: string } }>('POST', `/api/invites/${invite.body.token}/accept`, {
      displayName: CANARY_NAME,
      organisation: 'Tenants union',
    })
    expect(joined.status).toBe(201)
    const guestId = joined.body.user.id
    expect(joined.body.user.displayName).toBe('Participant')
    // Renaming oneself later does not store a name either.
    expect((await guest.request('PATCH', '/api/auth/me', { displayName: CANARY_NAME })).status).toBe(200)

    const c = connectClient(server.wsUrl, board, { token: guest.token! })
    clients.push(c)
    const watcher = connectClient(server.wsUrl, board, { token: server.owner.token! })
    clients.push(watcher)
    await Promise.all([synced(c), synced(watcher)])
    c.provider.awareness.setLocalStateField('user', { name: CANARY_NAME, colour: '#123456' })
    await waitFor(() => [...watcher.provider.awareness.getStates().values()].some((s) => (s.user as { name?: string } | undefined)?.name === 'Participant'), 5000, 'neutral presence')
    expect(JSON.stringify([...watcher.provider.awareness.getStates().values()])).not.toContain(CANARY_NAME)

    const story = createStory(c.doc, { pos: { x: 0, y: 0 }, text: 'We were moved three times in a year' }, local)
    if (!story.ok) throw new Error('story')
    await waitFor(() => storiesMap(watcher.doc).has(story.value.id), 5000, 'story')
    const restricted = await guest.request<{ id: string }>('POST', `/api/boards/${board}/stories`, { pos: { x: 0, y: 200 }, text: 'A restricted account', fields: { sensitivity: 'restricted' } })
    expect(restricted.status).toBe(201)
    // A client that writes an author anyway is refused whole.
    const named = connectClient(server.wsUrl, board, { token: guest.token! })
    clients.push(named)
    await synced(named)
    createStory(named.doc, { pos: { x: 0, y: 400 }, text: 'signed', author: CANARY_NAME }, local)
    await waitForRejection(server, board, 'forbidden_key')

    for (const room of [board, `${board}~restricted`]) {
      const stored = await server.storage.docs.load(room)
      const bytes = Buffer.concat([...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates])
      expect(bytes.length).toBeGreaterThan(0)
      expect(bytes.includes(Buffer.from(guestId))).toBe(false)
      expect(bytes.includes(Buffer.from(CANARY_NAME))).toBe(false)
    }
    await server.storage.scrub?.()
    const file = join(server.dataDir, 'learning-wall.sqlite')
    const raw = Buffer.concat([readFileSync(file), ...(existsSync(`${file}-wal`) ? [readFileSync(`${file}-wal`)] : [])])
    expect(raw.includes(Buffer.from('Tenants union'))).toBe(true) // the bytes are readable: the search is real
    expect(raw.includes(Buffer.from(CANARY_NAME))).toBe(false)
    expect(logLines.join('\n')).not.toContain(CANARY_NAME)
    expect(logLines.join('\n')).not.toContain(invite.body.token)
    // The restricted story's audit entry names nobody (the audit writer decides, not the route).
    const entries = await server.storage.audit.list({ boardId: board })
    expect(entries.find((e) => e.action === 'story.restricted_created')).toMatchObject({ actorId: null })
  })

  it('[E20] [E21] [E22] a whole anonymous session (drafts by two people, reveal, votes, a saved version, exports by an account and a guest) stores no contributor id, email or name outside the people tables', async () => {
    const board = await server.owner.createBoard('Kitchen table', 'team', { anonymous: true })
    const ann = new ApiClient(server.url)
    const annEmail = uniqueEmail('annrealname')
    const annUser = await ann.signUp(annEmail, 'Annrealname Kovacs')
    expect((await ann.request('POST', `/api/invites/${await invite(board, 'contributor')}/accept`, {})).status).toBe(200)
    const guest = new ApiClient(server.url)
    const typed = 'Canaryguest Wexford'
    const joined = await guest.request<{ user: { id: string } }>('POST', `/api/invites/${await invite(board, 'contributor')}/accept`, { displayName: typed, organisation: 'Residents' })
    expect(joined.status).toBe(201)
    const guestId = joined.body.user.id
    const watcher = new ApiClient(server.url)
    expect((await watcher.request('POST', `/api/invites/${await invite(board, 'observer')}/accept`, { displayName: 'Watcher' })).status).toBe(201)
    const people = [
      { name: 'ann', api: ann, needles: [annUser.id, annEmail, 'Annrealname'] },
      { name: 'guest', api: guest, needles: [guestId, typed] },
    ]

    const facilitator = connect(board, server.owner.token)
    await synced(facilitator)
    const pattern = createPattern(facilitator.doc, { name: 'Being listened to', area: { x: 0, y: 0, w: 400, h: 300 } }, local)
    if (!pattern.ok) throw new Error('pattern')
    await roomHolds(server, board, (d) => patternsMap(d).has(pattern.value.id))
    const session = (body: unknown) => server.owner.request<{ revealed: number }>('POST', `/api/boards/${board}/session`, body)
    expect((await session({ action: 'start', templateId: 'team-reflection' })).status).toBe(200)
    const texts = ['Drafted by the first person Jq4', 'Drafted by the second person Jq4', 'And a second thought Jq4']
    const drafts = people.map((p) => connect(draftRoom(board, p.api === ann ? annUser.id : guestId), p.api.token))
    for (const d of drafts) await synced(d)
    createStory(drafts[0]!.doc, { pos: { x: 0, y: 0 }, text: texts[0]! }, local)
    createStory(drafts[1]!.doc, { pos: { x: 0, y: 0 }, text: texts[1]! }, local)
    createStory(drafts[1]!.doc, { pos: { x: 300, y: 0 }, text: texts[2]! }, local)
    await roomHolds(server, draftRoom(board, annUser.id), (d) => storiesMap(d).size === 1)
    await roomHolds(server, draftRoom(board, guestId), (d) => storiesMap(d).size === 2)
    // The search sees a draft room's name in the database before the reveal.
    expect((await rawDatabase()).includes(Buffer.from(`~draft~${annUser.id}`))).toBe(true)

    const observer = openRaw(`${server.wsUrl}/${board}?token=${watcher.token}`)
    raws.push(observer)
    await observer.opened
    const observed = connect(board, watcher.token)
    await synced(observed)
    // The raw observer is in the room (with the facilitator and the synced observer) before the reveal.
    await waitFor(async () => ((await server.lw.rooms.peek(board))?.size ?? 0) === 3, 5000, 'three sockets in the board room')
    const before = observer.frames.length
    expect((await session({ action: 'phase', index: 1 })).status).toBe(200)
    await waitFor(() => readBoard(observed.doc).stories.length === 3, 5000, 'the revealed stories')
    await waitFor(() => observer.frames.slice(before).some((f) => texts.every((t) => Buffer.from(f).includes(Buffer.from(t)))), 5000, 'the reveal frame')
    // [E21] one frame carries every person's drafts: none arrives alone.
    const carrying = observer.frames.slice(before).filter((f) => texts.some((t) => Buffer.from(f).includes(Buffer.from(t))))
    expect(carrying).toHaveLength(1)

    // Votes, a saved version, exports by an account and by a guest.
    expect((await server.owner.request('POST', `/api/boards/${board}/vote/open`, { votesPerPerson: 2 })).status).toBe(201)
    for (const p of people) expect((await p.api.request('POST', `/api/boards/${board}/vote/cast`, { patternId: pattern.value.id, delta: 1 })).status).toBe(200)
    expect((await server.owner.request('POST', `/api/boards/${board}/vote/close`)).status).toBe(200)
    expect((await ann.request('POST', `/api/boards/${board}/versions`, { name: 'After the round' })).status).toBe(201)
    const exportAs = (api: ApiClient, path: string) => fetch(`${server.url}/api/boards/${board}/export/${path}`, { headers: { authorization: `Bearer ${api.token}` } })
    expect((await exportAs(ann, 'json')).status).toBe(200)
    expect((await exportAs(guest, 'stories.csv')).status).toBe(200)
    expect((await exportAs(guest, 'report.md')).status).toBe(200)

    // [E20] the reveal deleted the draft rooms; the providers still connected to them reconnect to a
    // fresh room and sync what they hold (deleted drafts), which stays only until they leave.
    await waitFor(() => drafts.every((d) => d.provider.synced && storiesMap(d.doc).size === 0), 5000, 'draft copies emptied')
    for (const d of drafts) d.destroy()
    await waitFor(async () => (await server.storage.docs.roomsWithPrefix(`${board}~draft~`)).length === 0, 5000, 'no stored draft room')

    const raw = await rawDatabase()
    for (const id of [annUser.id, guestId]) expect(raw.includes(Buffer.from(`~draft~${id}`))).toBe(false)
    expect(raw.includes(Buffer.from(typed))).toBe(false)
    const rows = storedRows()
    expect(rows.some((r) => r.bytes.includes(Buffer.from(texts[0]!)))).toBe(true) // the search reads the stories
    for (const p of people) {
      for (const needle of p.needles) {
        const found = rows.filter((r) => r.bytes.includes(Buffer.from(needle))).map((r) => r.table)
        expect(found, `${p.name}: ${needle}`).toEqual([])
      }
    }
    const audit = await server.owner.request<{ entries: Array<{ action: string; actorId: string | null }> }>('GET', `/api/boards/${board}/audit`)
    const actions = audit.body.entries.map((e) => e.action)
    for (const a of ['version.saved', 'board.exported', 'vote.closed', 'session.phase']) expect(actions).toContain(a)
    for (const e of audit.body.entries) if (!keepsActor(e.action)) expect(e, e.action).toMatchObject({ actorId: null })
    const owner = await server.owner.request<{ user: { id: string } }>('GET', '/api/auth/me')
    expect(audit.body.entries.find((e) => e.action === 'invite.created')?.actorId).toBe(owner.body.user.id)
    const logged = logLines.join('\n')
    for (const p of people) for (const needle of p.needles) expect(logged, `${p.name}: ${needle} in the log`).not.toContain(needle)
  })

  it('[E21] the reveal places drafts in random order, not grouped or ordered by writer', async () => {
    const board = await server.owner.createBoard('Order', 'team', { anonymous: true })
    expect((await server.owner.request('POST', `/api/boards/${board}/session`, { action: 'start', templateId: 'team-reflection' })).status).toBe(200)
    // Eight contributors' draft rooms, one draft each, written the way the room writes them; in
    // draft-room order (the order of their names) the drafts would be 0 to 7.
    const ids: string[] = []
    for (let i = 0; i < 8; i++) {
      const res = await new ApiClient(server.url).request<{ user: { id: string } }>('POST', `/api/invites/${await invite(board, 'contributor')}/accept`, { displayName: `Writer ${i}` })
      ids.push(res.body.user.id)
    }
    const writers = [...ids].sort()
    for (const [i, w] of writers.entries()) {
      await server.lw.rooms.change(draftRoom(board, w), (doc) => void createStory(doc, { id: `story-of-${i}`, pos: { x: 0, y: 0 }, text: `draft ${i}` }, local), 'test drafts')
    }
    expect((await server.owner.request('POST', `/api/boards/${board}/session`, { action: 'reveal' })).status).toBe(200)
    const order = await server.lw.rooms.read(board, (doc) =>
      readBoard(doc)
        .stories.sort((a, b) => (a.z < b.z ? -1 : a.z > b.z ? 1 : 0))
        .map((s) => Number(s.id.slice('story-of-'.length))),
    )
    expect([...order].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    // In writer order by chance once in 40,320 runs.
    expect(order).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    expect(await server.storage.docs.roomsWithPrefix(`${board}~draft~`)).toEqual([])
  })
})
