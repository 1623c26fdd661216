// Dot voting, enforced by the server whatever a client sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { patternsMap, voteMap } from '../../shared/model/layout.ts'
import { readVoteSession } from '../../shared/model/vote.ts'
import { createPattern } from '../../shared/ops/pattern.ts'
import { ApiClient } from '../testing/apiClient.ts'
import { connectClient, roomHolds, startServer, synced, waitFor, type TestClient, type TestServer } from '../testing/harness.ts'

const local = { kind: 'local' } as const
const area = { x: 0, y: 0, w: 400, h: 300 }

describe('dot voting', () => {
  let server: TestServer
  const clients: TestClient[] = []
  const connect = (boardId: string, token?: string) => {
    const c = connectClient(server.wsUrl, boardId, token ? { token } : {})
    clients.push(c)
    return c
  }
  async function member(boardId: string, role: string, name: string, organisation = 'Org A') {
    const invite = await server.owner.request<{ token: string }>('POST', `/api/boards/${boardId}/invites`, { role })
    const api = new ApiClient(server.url)
    expect((await api.request('POST', `/api/invites/${invite.body.token}/accept`, { displayName: name, organisation })).status).toBe(201)
    return api
  }
  async function boardWithPatterns(extra: Record<string, unknown> = {}) {
    const boardId = await server.owner.createBoard('Votes', 'team', extra)
    const owner = connect(boardId, server.owner.token)
    await synced(owner)
    const p1 = createPattern(owner.doc, { name: 'Trust first', area }, local)
    const p2 = createPattern(owner.doc, { name: 'Waiting lists', area }, local)
    if (!p1.ok || !p2.ok) throw new Error('patterns')
    // The server has both patterns before anyone votes on them.
    await roomHolds(server, boardId, (d) => patternsMap(d).size >= 2)
    return { boardId, owner, p1: p1.value.id, p2: p2.value.id }
  }
  const cast = (api: ApiClient, boardId: string, patternId: string, delta = 1) =>
    api.request<{ remaining: number; error?: { code: string } }>('POST', `/api/boards/${boardId}/vote/cast`, { patternId, delta })

  beforeAll(async () => {
    server = await startServer({ authorize: 'roles' })
  })
  afterAll(async () => {
    for (const c of clients) c.destroy()
    await server.close()
  })

  it('[V1] members vote and unvote within their allowance and the per-pattern maximum', async () => {
    const { boardId, p1, p2 } = await boardWithPatterns()
    const alice = await member(boardId, 'contributor', 'Alice')
    expect((await cast(alice, boardId, p1)).status).toBe(409) // no vote open yet
    expect((await server.owner.request('POST', `/api/boards/${boardId}/vote/open`, { votesPerPerson: 3, maxPerPattern: 2 })).status).toBe(201)
    expect((await server.owner.request('POST', `/api/boards/${boardId}/vote/open`, {})).status).toBe(409)
    expect((await cast(alice, boardId, p1)).body.remaining).toBe(2)
    expect((await cast(alice, boardId, p1)).body.remaining).toBe(1)
    const third = await cast(alice, boardId, p1)
    expect(third.status).toBe(409)
    expect(third.body.error?.code).toBe('over_pattern_limit')
    expect((await cast(alice, boardId, p2)).body.remaining).toBe(0)
    const over = await cast(alice, boardId, p2)
    expect(over.status).toBe(409)
    expect(over.body.error?.code).toBe('over_limit')
    expect((await cast(alice, boardId, p2, -1)).body.remaining).toBe(1)
    expect((await cast(alice, boardId, p2, -1)).status).toBe(409) // below zero
    expect((await cast(alice, boardId, 'nosuchpattern')).status).toBe(404)
    const mine = await alice.request<{ mine: Record<string, number>; remaining: number }>('GET', `/api/boards/${boardId}/vote`)
    expect(mine.body).toMatchObject({ mine: { [p1]: 2 }, remaining: 1 })
    const watcher = await member(boardId, 'observer', 'Watcher')
    expect((await cast(watcher, boardId, p1)).status).toBe(403)
  })

  it('[V2] a burst of forged votes sent straight to the server spends the allowance exactly once', async () => {
    const { boardId, p1 } = await boardWithPatterns()
    const bob = await member(boardId, 'contributor', 'Bob')
    await server.owner.request('POST', `/api/boards/${boardId}/vote/open`, { votesPerPerson: 3 })
    const results = await Promise.all(Array.from({ length: 12 }, () => cast(bob, boardId, p1)))
    expect(results.filter((r) => r.status === 200)).toHaveLength(3)
    // Fields naming someone else are not part of the request: a vote is always the caller's own.
    const forged = await bob.request('POST', `/api/boards/${boardId}/vote/cast`, { patternId: p1, delta: 1, userId: 'someone-else', count: 99 })
    expect(forged.status).toBe(409)
    expect((await bob.request('POST', `/api/boards/${boardId}/vote/cast`, { patternId: p1, delta: 5 })).status).toBe(400)
  })

  it('[V3] totals stay out of the board until the close, then everyone sees the same totals by organisation', async () => {
    const { boardId, owner, p1, p2 } = await boardWithPatterns()
    const a = await member(boardId, 'contributor', 'A', 'Council')
    const b = await member(boardId, 'contributor', 'B', 'Housing trust')
    const viewer = connect(boardId, a.token)
    await synced(viewer)
    await server.owner.request('POST', `/api/boards/${boardId}/vote/open`, { votesPerPerson: 3 })
    await cast(a, boardId, p1)
    await cast(a, boardId, p1)
    await cast(b, boardId, p1)
    await cast(b, boardId, p2)
    await waitFor(() => readVoteSession(viewer.doc)?.status === 'open')
    expect(readVoteSession(viewer.doc)?.totals).toBeNull()
    const closed = await server.owner.request('POST', `/api/boards/${boardId}/vote/close`, {})
    expect(closed.status).toBe(200)
    await waitFor(() => readVoteSession(viewer.doc)?.status === 'closed')
    await waitFor(() => readVoteSession(owner.doc)?.status === 'closed')
    for (const doc of [viewer.doc, owner.doc]) {
      expect(readVoteSession(doc)).toMatchObject({
        totals: { [p1]: 3, [p2]: 1 },
        byOrganisation: { Council: { [p1]: 2 }, 'Housing trust': { [p1]: 1, [p2]: 1 } },
        voters: 2,
      })
    }
    expect((await cast(a, boardId, p2)).status).toBe(409)
  })

  it('[V4] a client that writes vote results into the document is refused', async () => {
    const { boardId, owner } = await boardWithPatterns()
    const other = connect(boardId, server.owner.token)
    await synced(other)
    voteMap(owner.doc).set('session', { id: 'forged', status: 'closed', totals: { x: 100 } })
    // A legitimate edit afterwards from the other client proves the server processed the forgery.
    createPattern(other.doc, { name: 'marker', area }, local)
    const room = await server.lw.rooms.peek(boardId)
    await waitFor(() => (room?.stats().rejected.server_only ?? 0) >= 1)
    await waitFor(() => [...patternsMap(owner.doc).values()].some((p) => p.get('name') === 'marker'))
    expect(voteMap(other.doc).get('session')).toBeUndefined()
    const stored = await server.storage.docs.load(boardId)
    expect(Buffer.concat([...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates]).includes(Buffer.from('forged'))).toBe(false)
  })

  it('[V5] on an anonymous board who voted for what is erased at the close', async () => {
    const { boardId, p1 } = await boardWithPatterns({ anonymous: true })
    const a = await member(boardId, 'contributor', 'A')
    const opened = await server.owner.request<{ session: { id: string } }>('POST', `/api/boards/${boardId}/vote/open`, {})
    await cast(a, boardId, p1)
    expect(await server.storage.votes.all(opened.body.session.id)).toHaveLength(1)
    await server.owner.request('POST', `/api/boards/${boardId}/vote/close`, {})
    expect(await server.storage.votes.all(opened.body.session.id)).toEqual([])
    const totals = await server.lw.rooms.read(boardId, (doc) => readVoteSession(doc)?.totals)
    expect(totals).toEqual({ [p1]: 1 })
  })
})
