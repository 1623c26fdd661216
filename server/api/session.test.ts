// Facilitation enforced on the wire: private writing never leaks a byte, reveal moves drafts in,
// locks refuse participants' writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { draftRoom, readSession } from '../../shared/model/facilitation.ts'
import { readBoard } from '../../shared/model/readBoard.ts'
import { CLOSE } from '../../shared/protocol/closeCodes.ts'
import { createStory } from '../../shared/ops/story.ts'
import { ApiClient } from '../testing/apiClient.ts'
import { connectClient, roomHolds, startServer, synced, waitFor, type TestClient, type TestServer } from '../testing/harness.ts'
import { openRaw, type RawSocket } from '../testing/rawSocket.ts'

const local = { kind: 'local' } as const
const CANARY = 'CANARY-draft-91c2e'

describe('facilitation', () => {
  let server: TestServer
  const clients: TestClient[] = []
  const raws: RawSocket[] = []
  const connect = (room: string, token: string | undefined) => {
    const c = connectClient(server.wsUrl, room, token ? { token } : {})
    clients.push(c)
    return c
  }
  async function participant(boardId: string, name: string) {
    const invite = await server.owner.request<{ token: string }>('POST', `/api/boards/${boardId}/invites`, { role: 'contributor' })
    const api = new ApiClient(server.url)
    const res = await api.request<{ user: { id: string } }>('POST', `/api/invites/${invite.body.token}/accept`, { displayName: name })
    return { api, id: res.body.user.id }
  }
  const session = (boardId: string, body: unknown, api = server.owner) =>
    api.request<{ revealed: number; error?: { code: string } }>('POST', `/api/boards/${boardId}/session`, body)
  /** Until the server's copy of `room` holds `n` stories. */
  const stored = async (room: string, n: number) => {
    await roomHolds(server, room, (d) => d.getMap('stories').size === n)
  }
  const hasCanary = (frames: Uint8Array[]) => frames.some((f) => Buffer.from(f).includes(Buffer.from(CANARY)))

  beforeAll(async () => {
    server = await startServer({ authorize: 'roles' })
  })
  afterAll(async () => {
    for (const c of clients) c.destroy()
    for (const r of raws) r.ws.close()
    await server.close()
  })

  it('[P1] during private writing another participant\'s socket receives no byte of a draft; after reveal both see it', async () => {
    const boardId = await server.createBoard('Team reflection')
    const a = await participant(boardId, 'Ana')
    const b = await participant(boardId, 'Ben')
    expect((await session(boardId, { action: 'start', templateId: 'team-reflection' })).status).toBe(200)

    // Ben watches everything he is allowed to open: the board and his own drafts, raw.
    const benBoard = openRaw(`${server.wsUrl}/${boardId}?token=${b.api.token}`)
    const benDrafts = openRaw(`${server.wsUrl}/${draftRoom(boardId, b.id)}?token=${b.api.token}`)
    raws.push(benBoard, benDrafts)
    await Promise.all([benBoard.opened, benDrafts.opened])
    const benView = connect(boardId, b.api.token)
    await synced(benView)
    expect(readSession(benView.doc)).toMatchObject({ templateId: 'team-reflection', private: true, phaseIndex: 0 })

    const anaDrafts = connect(draftRoom(boardId, a.id), a.api.token)
    const anaBoard = connect(boardId, a.api.token)
    await Promise.all([synced(anaDrafts), synced(anaBoard)])
    createStory(anaDrafts.doc, { pos: { x: 10, y: 10 }, text: `${CANARY} my private story` }, local)
    // Writing a new story straight into the board is refused during private writing.
    createStory(anaBoard.doc, { pos: { x: 20, y: 20 }, text: `${CANARY} forced into the board` }, local)
    const room = await server.lw.rooms.peek(boardId)
    await waitFor(() => (room?.stats().rejected.private_phase ?? 0) >= 1)
    // Ana's draft is stored before anyone could be told of it; nobody else can open it.
    await waitFor(() => server.lw.rooms.isOpen(draftRoom(boardId, a.id)))
    for (const token of [b.api.token, server.owner.token]) {
      const spy = openRaw(`${server.wsUrl}/${draftRoom(boardId, a.id)}?token=${token}`)
      expect((await spy.closed).code).toBe(CLOSE.forbidden)
      expect(spy.bytes()).toBe(0)
    }
    // Ben's presence tick proves his sockets are live and caught up.
    benView.provider.awareness.setLocalStateField('pointer', { x: 1, y: 1 })
    createStory(benView.doc, { pos: { x: 0, y: 0 }, text: 'ignored' }, local)
    await waitFor(() => (room?.stats().rejected.private_phase ?? 0) >= 2)
    expect(hasCanary(benBoard.frames)).toBe(false)
    expect(hasCanary(benDrafts.frames)).toBe(false)
    expect(readBoard(benView.doc).stories.map((s) => s.text)).toEqual(['ignored']) // his own, refused by the server

    // Moving on to a shared phase reveals the drafts into the board.
    const next = await session(boardId, { action: 'phase', index: 1 })
    expect(next.body.revealed).toBe(1)
    await waitFor(() => readBoard(benView.doc).stories.some((s) => s.text.includes('my private story')))
    await waitFor(() => readBoard(anaBoard.doc).stories.some((s) => s.text.includes('my private story')))
    await waitFor(() => readBoard(anaDrafts.doc).stories.length === 0)
  })

  it('[P2] a locked board refuses a participant\'s forced write on the server; facilitators still edit; unlock restores', async () => {
    const boardId = await server.createBoard('Locked')
    const a = await participant(boardId, 'Ana')
    const facilitator = connect(boardId, server.owner.token)
    await synced(facilitator)
    expect((await session(boardId, { action: 'lock', on: true })).status).toBe(200)
    expect((await session(boardId, { action: 'lock', on: false }, a.api)).status).toBe(403)
    const forced = connect(boardId, a.api.token)
    await synced(forced)
    await waitFor(() => readSession(forced.doc)?.locked === true)
    createStory(forced.doc, { pos: { x: 0, y: 0 }, text: 'while locked' }, local)
    createStory(facilitator.doc, { pos: { x: 0, y: 0 }, text: 'facilitator note' }, local)
    const room = await server.lw.rooms.peek(boardId)
    await waitFor(() => (room?.stats().rejected.locked ?? 0) >= 1)
    const observer = connect(boardId, server.owner.token)
    await waitFor(() => readBoard(observer.doc).stories.some((s) => s.text === 'facilitator note'))
    expect(readBoard(observer.doc).stories.map((s) => s.text)).not.toContain('while locked')
    await session(boardId, { action: 'lock', on: false })
    const fresh = connect(boardId, a.api.token)
    await synced(fresh)
    createStory(fresh.doc, { pos: { x: 0, y: 0 }, text: 'after unlock' }, local)
    await waitFor(() => readBoard(observer.doc).stories.some((s) => s.text === 'after unlock'))
  })

  it('[P3] locked items refuse participants\' edits to them only; the timer runs, pauses and extends', async () => {
    const boardId = await server.createBoard('Item locks')
    const a = await participant(boardId, 'Ana')
    const f = connect(boardId, server.owner.token)
    await synced(f)
    const made = createStory(f.doc, { pos: { x: 0, y: 0 }, text: 'agreed wording' }, local)
    const other = createStory(f.doc, { pos: { x: 300, y: 0 }, text: 'open' }, local)
    if (!made.ok || !other.ok) throw new Error('stories')
    await roomHolds(server, boardId, (d) => d.getMap('stories').size === 2)
    const locked = await session(boardId, { action: 'lock', on: true, items: [made.value.id] })
    expect(locked.status, JSON.stringify(locked.body)).toBe(200)
    const p = connect(boardId, a.api.token)
    await synced(p)
    await waitFor(() => (readSession(p.doc)?.lockedItems ?? []).includes(made.value.id))
    const storyMap = (doc: typeof p.doc, id: string) => doc.getMap<Y.Map<unknown>>('stories').get(id)
    storyMap(p.doc, made.value.id)?.set('colour', '#000000')
    // A refused update leaves a gap in that client's clock, so a well-behaved second participant
    // shows that unlocked items stay editable.
    const b = await participant(boardId, 'Ben')
    const q = connect(boardId, b.api.token)
    await synced(q)
    storyMap(q.doc, other.value.id)?.set('colour', '#111111')
    const room = await server.lw.rooms.peek(boardId)
    await waitFor(() => (room?.stats().rejected.locked ?? 0) >= 1, 3000).catch(() => {
      throw new Error(`rejections: ${JSON.stringify(room?.stats())}`)
    })
    await waitFor(() => storyMap(f.doc, other.value.id)?.get('colour') === '#111111')
    expect(storyMap(f.doc, made.value.id)?.get('colour')).not.toBe('#000000')

    await session(boardId, { action: 'start', templateId: 'team-reflection' })
    await session(boardId, { action: 'timer', op: 'start' })
    await session(boardId, { action: 'timer', op: 'pause' })
    const extended = await server.owner.request<{ session: { timer: { durationMs: number; startedAt: string | null } } }>('POST', `/api/boards/${boardId}/session`, { action: 'timer', op: 'extend', ms: 60_000 })
    expect(extended.body.session.timer).toMatchObject({ durationMs: 16 * 60_000, startedAt: null })
    expect((await session(boardId, { action: 'start', templateId: 'nope' })).status).toBe(404)
    expect((await session(boardId, { action: 'phase', index: 99 })).status).toBe(400)
  })

  it('[P6] reveal places drafts written at the same spot side by side, not on top of each other', async () => {
    const boardId = await server.createBoard('Same spot')
    const people = [await participant(boardId, 'Ana'), await participant(boardId, 'Ben')]
    await session(boardId, { action: 'start', templateId: 'team-reflection' })
    const facilitator = connect(boardId, server.owner.token)
    await synced(facilitator)
    createStory(facilitator.doc, { pos: { x: 0, y: 0 }, text: 'already here' }, local)
    for (const [i, p] of people.entries()) {
      const drafts = connect(draftRoom(boardId, p.id), p.api.token)
      await synced(drafts)
      createStory(drafts.doc, { pos: { x: 0, y: 0 }, text: `draft ${i}` }, local)
      await stored(draftRoom(boardId, p.id), 1)
    }
    await stored(boardId, 1)
    expect((await session(boardId, { action: 'reveal' })).body.revealed).toBe(2)
    await waitFor(() => readBoard(facilitator.doc).stories.length === 3)
    const boxes = readBoard(facilitator.doc).stories.map((s) => ({ ...s.pos, ...s.size }))
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h).toBe(false)
      }
    }
  })

  it('[P5] every member reads the session and the server clock; nobody else does', async () => {
    const boardId = await server.createBoard('Clock')
    const a = await participant(boardId, 'Ana')
    const read = (api: ApiClient) => api.request<{ session: { templateId: string } | null; now: number }>('GET', `/api/boards/${boardId}/session`)
    const before = Date.now()
    const idle = await read(a.api)
    expect(idle.status).toBe(200)
    expect(idle.body.session).toBeNull()
    expect(idle.body.now).toBeGreaterThanOrEqual(before)
    await session(boardId, { action: 'start', templateId: 'team-reflection' })
    expect((await read(a.api)).body.session?.templateId).toBe('team-reflection')
    const stranger = new ApiClient(server.url)
    await stranger.signUp(`stranger-${Date.now()}@example.org`)
    expect((await read(stranger)).status).toBe(403)
    expect((await new ApiClient(server.url).request('GET', `/api/boards/${boardId}/session`)).status).toBe(401)
    expect((await a.api.request('GET', '/api/boards/nope!/session')).status).toBe(404)
  })

  it('[P4] follow me names the leading client for everyone; only facilitators set it; bad input changes nothing', async () => {
    const boardId = await server.createBoard('Follow')
    const a = await participant(boardId, 'Ana')
    const p = connect(boardId, a.api.token)
    await synced(p)
    expect((await session(boardId, { action: 'follow', clientId: p.doc.clientID }, a.api)).status).toBe(403)
    expect((await session(boardId, { action: 'follow', clientId: -1 })).status).toBe(400)
    expect((await session(boardId, { action: 'follow', clientId: 'me' })).status).toBe(400)
    expect(readSession(p.doc)).toBeNull()
    expect((await session(boardId, { action: 'follow', clientId: 4242 })).status).toBe(200)
    await waitFor(() => readSession(p.doc)?.follow?.clientId === 4242)
    expect(readSession(p.doc)?.follow?.name).toBeTruthy()
    await session(boardId, { action: 'spotlight', patternId: 'pattern-1' })
    await session(boardId, { action: 'cursors', hidden: true })
    await waitFor(() => readSession(p.doc)?.hideCursors === true)
    expect(readSession(p.doc)).toMatchObject({ spotlight: 'pattern-1', follow: { clientId: 4242 } })
    // Attention set before a method starts carries on into it.
    expect((await session(boardId, { action: 'start', templateId: 'team-reflection' })).status).toBe(200)
    await waitFor(() => (readSession(p.doc)?.phases.length ?? 0) > 0)
    expect(readSession(p.doc)).toMatchObject({ spotlight: 'pattern-1', hideCursors: true, follow: { clientId: 4242 } })
    expect((await session(boardId, { action: 'follow', clientId: null })).status).toBe(200)
    await waitFor(() => readSession(p.doc)?.follow === null)
  })
})
