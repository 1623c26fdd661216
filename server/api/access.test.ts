// People and access, end to end over HTTP and real sockets with the real role rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { readBoard } from '../../shared/model/readBoard.ts'
import { CLOSE } from '../../shared/protocol/closeCodes.ts'
import { createStory } from '../../shared/ops/story.ts'
import { ApiClient, uniqueEmail } from '../testing/apiClient.ts'
import { connectClient, startServer, synced, waitFor, type TestClient, type TestServer } from '../testing/harness.ts'
import { openRaw } from '../testing/rawSocket.ts'

const local = { kind: 'local' } as const

function syncFrame(subtype: number, update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint(e, subtype)
  encoding.writeVarUint8Array(e, update)
  return encoding.toUint8Array(e)
}

describe('people and access', () => {
  let server: TestServer
  const clients: TestClient[] = []
  const connect = (boardId: string, token?: string) => {
    const c = connectClient(server.wsUrl, boardId, token ? { token } : {})
    clients.push(c)
    return c
  }
  const guest = async (boardId: string, role: string, name: string, extra: Record<string, unknown> = {}) => {
    const invite = await server.owner.request<{ token: string; invite: { id: string } }>('POST', `/api/boards/${boardId}/invites`, { role, ...extra })
    expect(invite.status).toBe(201)
    const api = new ApiClient(server.url)
    const accepted = await api.request('POST', `/api/invites/${invite.body.token}/accept`, { displayName: name, organisation: 'Citizens Advice' })
    expect(accepted.status).toBe(201)
    return { api, inviteId: invite.body.invite.id, token: invite.body.token }
  }

  beforeAll(async () => {
    server = await startServer({ authorize: 'roles' })
  })
  afterAll(async () => {
    for (const c of clients) c.destroy()
    await server.close()
  })

  it('[A1] the first account is admin; sign-in checks the password, is rate-limited, and sign-out ends the session', async () => {
    const me = await server.owner.request<{ user: { isAdmin: boolean } }>('GET', '/api/auth/me')
    expect(me.body.user.isAdmin).toBe(true)
    const email = uniqueEmail('second')
    const second = new ApiClient(server.url)
    const user = await second.signUp(email, 'Second')
    expect(user).toMatchObject({ isAdmin: false })
    expect((await new ApiClient(server.url).request('POST', '/api/auth/signup', { email, password: 'another password', displayName: 'X' })).status).toBe(409)
    expect((await new ApiClient(server.url).request('POST', '/api/auth/signup', { email: 'nope', password: 'short', displayName: '' })).status).toBe(400)

    const other = new ApiClient(server.url)
    expect((await other.request('POST', '/api/auth/signin', { email, password: 'wrong password!' })).status).toBe(401)
    expect((await other.request('POST', '/api/auth/signin', { email, password: 'correct horse battery' })).status).toBe(200)
    expect((await other.request('GET', '/api/auth/me')).status).toBe(200)
    expect((await other.request('POST', '/api/auth/signout', {})).status).toBe(200)
    expect((await other.request('GET', '/api/auth/me')).status).toBe(401)

    const statuses: number[] = []
    for (let i = 0; i < 7; i++) statuses.push((await other.request('POST', '/api/auth/signin', { email, password: `wrong ${i} password` })).status)
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401])
    expect(statuses.at(-1)).toBe(429)
    // Even the right password waits out the window.
    expect((await other.request('POST', '/api/auth/signin', { email, password: 'correct horse battery' })).status).toBe(429)
  })

  it('[A2] a state-changing request without the CSRF token is refused and changes nothing', async () => {
    const before = (await server.owner.request<{ boards: unknown[] }>('GET', '/api/boards')).body.boards.length
    const res = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: server.owner.cookieHeader.replace(/lw_csrf=[^;]+;?\s*/, '') },
      body: JSON.stringify({ title: 'forged', scale: 'team' }),
    })
    expect(res.status).toBe(403)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('csrf')
    const wrong = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: server.owner.cookieHeader, 'x-csrf-token': 'not-the-token' },
      body: JSON.stringify({ title: 'forged', scale: 'team' }),
    })
    expect(wrong.status).toBe(403)
    expect((await server.owner.request<{ boards: unknown[] }>('GET', '/api/boards')).body.boards.length).toBe(before)
    // An explicit bearer credential is not ambient, so it needs no CSRF token.
    const bearer = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.owner.token}` },
      body: JSON.stringify({ title: 'scripted', scale: 'team' }),
    })
    expect(bearer.status).toBe(201)
  })

  it('[A3] the board list and board routes show only boards the caller has a role on', async () => {
    const boardId = await server.createBoard('Private board')
    const stranger = new ApiClient(server.url)
    await stranger.signUp(uniqueEmail('stranger'), 'Stranger')
    const list = await stranger.request<{ boards: Array<{ id: string }> }>('GET', '/api/boards')
    expect(list.body.boards.map((b) => b.id)).not.toContain(boardId)
    expect((await stranger.request('GET', `/api/boards/${boardId}`)).status).toBe(403)
    expect((await stranger.request('GET', `/api/boards/${boardId}/members`)).status).toBe(403)
    expect((await new ApiClient(server.url).request('GET', `/api/boards/${boardId}`)).status).toBe(401)
    expect((await new ApiClient(server.url).request('GET', '/api/boards')).status).toBe(401)
  })

  it('[A4] sockets with no session, no role or an expired invite get a close code and 0 bytes of the board', async () => {
    const boardId = await server.createBoard('Closed door')
    const anon = openRaw(`${server.wsUrl}/${boardId}`)
    expect((await anon.closed).code).toBe(CLOSE.unauthenticated)
    expect(anon.bytes()).toBe(0)

    const stranger = new ApiClient(server.url)
    await stranger.signUp(uniqueEmail('stranger'), 'Stranger')
    const refused = openRaw(`${server.wsUrl}/${boardId}?token=${stranger.token}`)
    expect((await refused.closed).code).toBe(CLOSE.forbidden)
    expect(refused.bytes()).toBe(0)

    const cookie = openRaw(`${server.wsUrl}/${boardId}`, { cookie: stranger.cookieHeader })
    expect((await cookie.closed).code).toBe(CLOSE.forbidden)
    expect(cookie.bytes()).toBe(0)

    // A guest whose invite (and so session) has expired.
    const { api } = await guest(boardId, 'contributor', 'Short stay', { expiresInHours: 0.5 / 3600 })
    const live = openRaw(`${server.wsUrl}/${boardId}?token=${api.token}`)
    await live.opened
    expect((await live.closed).code).toBe(CLOSE.unauthenticated) // closed at expiry, mid-session
    const late = openRaw(`${server.wsUrl}/${boardId}?token=${api.token}`)
    expect((await late.closed).code).toBe(CLOSE.unauthenticated)
    expect(late.bytes()).toBe(0)
  })

  it('[A5] an observer receives the board, but 0 of N writes across message kinds are applied or relayed', async () => {
    const boardId = await server.createBoard('Observed')
    const editor = connect(boardId, server.owner.token)
    await synced(editor)
    createStory(editor.doc, { pos: { x: 0, y: 0 }, text: 'visible to observers' }, local)
    const { api } = await guest(boardId, 'observer', 'Watcher')
    const observer = connect(boardId, api.token)
    await waitFor(() => readBoard(observer.doc).stories.length === 1)

    let received = 0
    editor.doc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin === editor.provider) received++
    })
    // Writes through the stock provider…
    for (let i = 0; i < 5; i++) createStory(observer.doc, { pos: { x: i, y: i }, text: `forced ${i}` }, local)
    // …and forced raw frames of every writing kind.
    const raw = openRaw(`${server.wsUrl}/${boardId}?token=${api.token}`)
    await raw.opened
    const scratch = new Y.Doc()
    const N = 10
    for (let i = 0; i < N; i++) {
      const before = Y.encodeStateVector(scratch)
      scratch.getMap('stories').set(`forced${i}`, i)
      const u = Y.encodeStateAsUpdate(scratch, before)
      raw.ws.send(syncFrame(1, u))
      raw.ws.send(syncFrame(2, u))
    }
    // A marker from the editor proves the server processed everything sent before it.
    createStory(editor.doc, { pos: { x: 9, y: 9 }, text: 'marker' }, local)
    await waitFor(() => readBoard(observer.doc).stories.some((s) => s.text === 'marker'))
    const room = await server.lw.rooms.peek(boardId)
    await waitFor(() => (room?.stats().droppedWrites ?? 0) >= 2 * N + 5, 5000, 'dropped writes counted')
    expect(received).toBe(0)
    expect(readBoard(editor.doc).stories.map((s) => s.text).sort()).toEqual(['marker', 'visible to observers'])
    const stored = await server.storage.docs.load(boardId)
    const reloaded = new Y.Doc()
    if (stored.snapshot) Y.applyUpdateV2(reloaded, stored.snapshot)
    for (const u of stored.updates) Y.applyUpdateV2(reloaded, u)
    expect(readBoard(reloaded).stories).toHaveLength(2)
    raw.ws.close()
  })

  it('[A6] revoking an invite link closes its guests\' live sockets within a second and refuses them after', async () => {
    const boardId = await server.createBoard('Workshop')
    const { api, inviteId } = await guest(boardId, 'contributor', 'Table host')
    const live = openRaw(`${server.wsUrl}/${boardId}?token=${api.token}`)
    await live.opened
    await waitFor(() => live.frames.length > 0)
    const t0 = Date.now()
    expect((await server.owner.request('DELETE', `/api/boards/${boardId}/invites/${inviteId}`)).status).toBe(200)
    const closed = await live.closed
    expect(Date.now() - t0).toBeLessThan(1000)
    expect(closed.code).toBe(CLOSE.forbidden)
    expect((await api.request('GET', `/api/boards/${boardId}`)).status).toBe(401)
    const again = openRaw(`${server.wsUrl}/${boardId}?token=${api.token}`)
    expect((await again.closed).code).toBe(CLOSE.unauthenticated)
    expect(again.bytes()).toBe(0)
  })

  it('[A7] removing a member closes their sockets; a role change applies to their next message', async () => {
    const boardId = await server.createBoard('Roles')
    const member = new ApiClient(server.url)
    const user = await member.signUp(uniqueEmail('member'), 'Member')
    const email = ((await member.request<{ user: { email: string } }>('GET', '/api/auth/me')).body.user.email)
    expect((await server.owner.request('POST', `/api/boards/${boardId}/members`, { email, role: 'observer' })).status).toBe(201)
    const asObserver = openRaw(`${server.wsUrl}/${boardId}?token=${member.token}`)
    await asObserver.opened
    const scratch = new Y.Doc()
    scratch.getMap('stories').set('forced', 1)
    asObserver.ws.send(syncFrame(2, Y.encodeStateAsUpdate(scratch)))
    expect((await server.owner.request('PATCH', `/api/boards/${boardId}/members/${user.id}`, { role: 'contributor' })).status).toBe(200)
    expect((await asObserver.closed).code).toBe(CLOSE.roleChanged)
    const c = connect(boardId, member.token)
    await synced(c)
    createStory(c.doc, { pos: { x: 0, y: 0 }, text: 'as contributor' }, local)
    const owner = connect(boardId, server.owner.token)
    await waitFor(() => readBoard(owner.doc).stories.some((s) => s.text === 'as contributor'))
    expect(owner.doc.getMap('stories').has('forced')).toBe(false)

    const raw = openRaw(`${server.wsUrl}/${boardId}?token=${member.token}`)
    await raw.opened
    expect((await server.owner.request('DELETE', `/api/boards/${boardId}/members/${user.id}`)).status).toBe(200)
    expect((await raw.closed).code).toBe(CLOSE.forbidden)
    // The last owner cannot be removed or demoted.
    const me = (await server.owner.request<{ user: { id: string } }>('GET', '/api/auth/me')).body.user
    expect((await server.owner.request('PATCH', `/api/boards/${boardId}/members/${me.id}`, { role: 'observer' })).status).toBe(409)
  })

  it('[A8] facilitators manage members below their role only; the audit log records access changes for owners', async () => {
    const boardId = await server.createBoard('Audited')
    const { api: facilitator } = await guest(boardId, 'facilitator', 'Facilitator')
    expect((await facilitator.request('POST', `/api/boards/${boardId}/invites`, { role: 'facilitator' })).status).toBe(403)
    const ok = await facilitator.request<{ invite: { id: string } }>('POST', `/api/boards/${boardId}/invites`, { role: 'contributor', maxUses: 1 })
    expect(ok.status).toBe(201)
    expect((await facilitator.request('GET', `/api/boards/${boardId}/audit`)).status).toBe(403)
    expect((await facilitator.request('PATCH', `/api/boards/${boardId}`, { anonymous: true })).status).toBe(403)
    expect((await server.owner.request('PATCH', `/api/boards/${boardId}`, { title: 'Audited board', anonymous: true })).status).toBe(200)

    const audit = await server.owner.request<{ entries: Array<{ action: string; details: Record<string, unknown> }> }>('GET', `/api/boards/${boardId}/audit`)
    const actions = audit.body.entries.map((e) => e.action)
    for (const a of ['board.created', 'invite.created', 'invite.used', 'board.settings_changed']) expect(actions).toContain(a)
    // No tokens or free text in the log.
    expect(JSON.stringify(audit.body)).not.toMatch(/Audited board/)
  })

  it('[A9] in anonymous mode the server refuses stories with an author and presence shows a neutral name', async () => {
    const boardId = await server.owner.createBoard('Anonymous', 'team', { anonymous: true })
    const a = connect(boardId, server.owner.token)
    const b = connect(boardId, server.owner.token)
    await Promise.all([synced(a), synced(b)])
    createStory(a.doc, { pos: { x: 0, y: 0 }, text: 'with author', author: 'Alice Canary' }, local)
    createStory(a.doc, { pos: { x: 0, y: 0 }, text: 'no author' }, local)
    a.provider.awareness.setLocalStateField('user', { name: 'Alice Canary', colour: '#ff0000' })
    await waitFor(() => [...b.provider.awareness.getStates().values()].some((s) => (s.user as { name?: string } | undefined)?.name))
    const names = [...b.provider.awareness.getStates().entries()]
      .filter(([id]) => id !== b.doc.clientID)
      .map(([, s]) => (s.user as { name?: string } | undefined)?.name)
    expect(names).toEqual(['Participant'])
    const stored = await server.storage.docs.load(boardId)
    const bytes = Buffer.concat([...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates])
    expect(bytes.includes(Buffer.from('Alice Canary'))).toBe(false)
  })

  it('[A10] a socket upgrade from a foreign Origin is refused', async () => {
    const boardId = await server.createBoard('Origins')
    const foreign = openRaw(`${server.wsUrl}/${boardId}?token=${server.owner.token}`, { origin: 'https://evil.example' })
    expect((await foreign.closed).code).toBe(-403)
    expect(foreign.bytes()).toBe(0)
  })
})
