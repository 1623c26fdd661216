// Anonymous boards over real HTTP and a real SQLite file: nobody can learn from the version list
// who saved a version, and an import as an anonymous board stores no story authors (anonymous mode
// stores no author at all, and names stay neutral).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { patternsMap, storiesMap } from '../../shared/model/layout.ts'
import { readBoard } from '../../shared/model/readBoard.ts'
import { createPattern } from '../../shared/ops/pattern.ts'
import { createStory } from '../../shared/ops/story.ts'
import { keepsActor } from '../auth/audit.ts'
import { ApiClient, uniqueEmail } from '../testing/apiClient.ts'
import { connectClient, roomHolds, startServer, synced, waitFor, type TestServer } from '../testing/harness.ts'
import { openRaw } from '../testing/rawSocket.ts'

const local = { kind: 'local' } as const
type Entry = { action: string; actorId: string | null; actorName: string | null; details: Record<string, unknown> }

describe('anonymous boards', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer({ authorize: 'roles' })
  })
  afterAll(async () => server.close())

  async function join(boardId: string, role: string, api: ApiClient) {
    const invite = await server.owner.request<{ token: string }>('POST', `/api/boards/${boardId}/invites`, { role })
    expect((await api.request('POST', `/api/invites/${invite.body.token}/accept`, { displayName: 'Someone', organisation: 'Charity' })).status).toBeLessThan(300)
  }

  it('the version list names nobody and the version stores no author', async () => {
    const boardId = await server.owner.createBoard('Anonymous reflection', 'team', { anonymous: true })
    const priya = new ApiClient(server.url)
    await priya.signUp(uniqueEmail('priya'), 'Priya Realname')
    await join(boardId, 'contributor', priya)
    const observer = new ApiClient(server.url)
    await join(boardId, 'observer', observer)

    const saved = await priya.request<{ version: { id: string; createdBy: string | null } }>('POST', `/api/boards/${boardId}/versions`, { name: 'After the round' })
    expect(saved.status).toBe(201)
    expect(saved.body.version.createdBy).toBeNull()
    const list = await observer.request<{ versions: Array<Record<string, unknown>> }>('GET', `/api/boards/${boardId}/versions`)
    expect(list.status).toBe(200)
    expect(list.body.versions[0]).toMatchObject({ name: 'After the round', createdBy: null, createdByName: null })
    expect(JSON.stringify(list.body)).not.toContain('Priya')
    expect((await server.storage.versions.list(boardId)).every((v) => v.createdBy === null)).toBe(true)
  })

  it('on a board that is not anonymous the list says who saved it', async () => {
    const boardId = await server.owner.createBoard('Named reflection')
    await server.owner.request('POST', `/api/boards/${boardId}/versions`, { name: 'Named' })
    const list = await server.owner.request<{ versions: Array<Record<string, unknown>> }>('GET', `/api/boards/${boardId}/versions`)
    expect(list.body.versions[0]).toMatchObject({ name: 'Named', createdByName: 'Owner' })
  })

  it('an export imported as an anonymous board keeps no story authors', async () => {
    const boardId = await server.owner.createBoard('Named source')
    const res = await fetch(`${server.url}/api/boards/${boardId}/export/json`, { headers: { cookie: server.owner.cookieHeader } })
    const data = await res.json()
    const story = { id: 'story-a1', pos: { x: 0, y: 0 }, size: { w: 200, h: 120 }, colour: '#fff3b0', z: 'a0', text: 'Told by a tenant', rich: [{ type: 'paragraph', content: [{ text: 'Told by a tenant' }] }], tags: [], measures: [], sensitivity: 'working', author: 'user-priya', createdAt: 1, updatedAt: 1 }
    const imported = await server.owner.request<{ board: { id: string; anonymous: boolean } }>('POST', '/api/boards/import', { ...data, board: { ...data.board, anonymous: true }, stories: [story] })
    expect(imported.status).toBe(201)
    expect(imported.body.board.anonymous).toBe(true)
    const stories = await server.lw.rooms.read(imported.body.board.id, (doc) => readBoard(doc).stories)
    expect(stories.map((s) => s.text)).toEqual(['Told by a tenant'])
    expect(stories[0]!.author).toBeUndefined()
  })

  const auditOf = async (boardId: string) =>
    (await server.owner.request<{ entries: Entry[] }>('GET', `/api/boards/${boardId}/audit`)).body.entries

  it('[E22] content entries about an anonymous board store no actor, on both boards of a raise or share; access entries keep theirs', async () => {
    const team = await server.owner.createBoard('Anonymous team', 'team', { anonymous: true })
    const higher = await server.owner.createBoard('Organisation', 'organisation')
    const peer = await server.owner.createBoard('Peer team', 'team')
    for (const [other, kind] of [[higher, 'vertical'], [peer, 'horizontal']] as const) {
      expect((await server.owner.request('POST', `/api/boards/${team}/links`, { otherBoardId: other, kind })).status).toBe(201)
    }
    const priya = new ApiClient(server.url)
    const priyaId = (await priya.signUp(uniqueEmail('priya'), 'Priya Realname')).id
    for (const b of [team, higher, peer]) await join(b, 'contributor', priya)
    const guest = new ApiClient(server.url)
    await join(team, 'contributor', guest)

    const owner = connectClient(server.wsUrl, team, { token: server.owner.token! })
    try {
      await synced(owner)
      const story = createStory(owner.doc, { pos: { x: 0, y: 0 }, text: 'Waited a year for a reply' }, local)
      const pattern = createPattern(owner.doc, { name: 'Slow replies', area: { x: 0, y: 0, w: 400, h: 300 } }, local)
      if (!story.ok || !pattern.ok) throw new Error('setup')
      await roomHolds(server, team, (d) => storiesMap(d).has(story.value.id) && patternsMap(d).has(pattern.value.id))
      const p = pattern.value.id
      expect((await priya.request('PUT', `/api/boards/${team}/stories/${story.value.id}/sensitivity`, { sensitivity: 'confidential' })).status).toBe(200)
      const raised = await priya.request<{ condition: { id: string } }>('POST', `/api/boards/${team}/patterns/${p}/raise`, { targetBoardId: higher, kind: 'barrier' })
      expect(raised.status).toBe(201)
      // A response written back down names nobody in the anonymous board's document (nor up).
      expect((await priya.request('PATCH', `/api/conditions/${raised.body.condition.id}`, { status: 'acknowledged', response: 'We will look at it' })).status).toBe(200)
      for (const b of [team, higher]) {
        const stored = await server.storage.docs.load(b)
        const bytes = Buffer.concat([...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates])
        expect(bytes.includes(Buffer.from('We will look at it')), b).toBe(true)
        expect(bytes.includes(Buffer.from('Priya Realname')), b).toBe(false)
      }
      const shared = await priya.request<{ share: { id: string } }>('POST', `/api/boards/${team}/patterns/${p}/share`, { targetBoardId: peer })
      expect(shared.status).toBe(201)
      // The share record names no sharer either (the raise's record names no raiser).
      expect((await server.storage.shares.get(shared.body.share.id))?.createdBy).toBeNull()
      expect((await server.storage.conditions.forBoards([team])).map((c) => c.createdBy)).toEqual([null])
      expect((await priya.request('DELETE', `/api/shares/${shared.body.share.id}`)).status).toBe(200)
      expect((await priya.request('POST', `/api/boards/${team}/versions`, { name: 'Round one' })).status).toBe(201)
      for (const api of [priya, guest]) {
        expect((await fetch(`${server.url}/api/boards/${team}/export/json`, { headers: { authorization: `Bearer ${api.token}` } })).status).toBe(200)
      }
    } finally {
      owner.destroy()
    }

    const expected: Array<[string, string[]]> = [
      [team, ['story.sensitivity_changed', 'condition.raised', 'condition.responded', 'pattern.shared', 'pattern.unshared', 'version.saved', 'board.exported']],
      [higher, ['condition.raised', 'condition.responded']],
      [peer, ['pattern.shared', 'pattern.unshared']],
    ]
    for (const [boardId, actions] of expected) {
      const entries = await auditOf(boardId)
      for (const action of actions) {
        const found = entries.filter((e) => e.action === action)
        expect(found.length, `${boardId} ${action}`).toBeGreaterThan(0)
        for (const e of found) expect(e, `${boardId} ${action}`).toMatchObject({ actorId: null, actorName: null })
      }
      // Stored so, not only shown so.
      const stored = await server.storage.audit.list({ boardId })
      expect(stored.filter((e) => actions.includes(e.action)).every((e) => e.actorId === null)).toBe(true)
      expect(stored.filter((e) => !keepsActor(e.action)).map((e) => e.actorId).filter((a) => a !== null)).toEqual([])
    }
    // Access keeps its actor: who joined and who linked is known from the members list anyway.
    const teamEntries = await auditOf(team)
    expect(teamEntries.filter((e) => e.action === 'invite.used' && e.actorId === priyaId)).toHaveLength(1)
    expect(teamEntries.find((e) => e.action === 'link.created')?.actorName).toBe('Owner')
    expect((await auditOf(higher)).filter((e) => e.actorId === priyaId).map((e) => e.action)).toEqual(['invite.used'])
  })

  it('[E23] an invite revocation names each person it removed, and a role raised through an invite is member.role_changed', async () => {
    const boardId = await server.owner.createBoard('Access changes')
    const invite = await server.owner.request<{ invite: { id: string }; token: string }>('POST', `/api/boards/${boardId}/invites`, { role: 'contributor' })
    const guests: string[] = []
    for (const name of ['Ana', 'Ben']) {
      const api = new ApiClient(server.url)
      const res = await api.request<{ user: { id: string } }>('POST', `/api/invites/${invite.body.token}/accept`, { displayName: name })
      guests.push(res.body.user.id)
    }
    const revoked = await server.owner.request<{ removed: number }>('DELETE', `/api/boards/${boardId}/invites/${invite.body.invite.id}`)
    expect(revoked.body.removed).toBe(2)

    // An observer accepts a contributor invite: the role rises; a contributor accepting an observer
    // invite keeps the higher role and changes nothing.
    const rui = new ApiClient(server.url)
    const ruiId = (await rui.signUp(uniqueEmail('rui'), 'Rui')).id
    expect((await server.owner.request('POST', `/api/boards/${boardId}/members`, { email: (await rui.request<{ user: { email: string } }>('GET', '/api/auth/me')).body.user.email, role: 'observer' })).status).toBe(201)
    await join(boardId, 'contributor', rui)
    await join(boardId, 'observer', rui)

    const entries = await auditOf(boardId)
    const removed = entries.filter((e) => e.action === 'member.removed')
    expect(removed.map((e) => e.details.userId).sort()).toEqual([...guests].sort())
    for (const e of removed) expect(e.details).toMatchObject({ inviteId: invite.body.invite.id, role: 'contributor' })
    expect(entries.filter((e) => e.action === 'invite.revoked')).toHaveLength(1)
    expect(entries.find((e) => e.action === 'invite.revoked')?.details).toMatchObject({ inviteId: invite.body.invite.id, removed: 2 })
    const changed = entries.filter((e) => e.action === 'member.role_changed')
    expect(changed).toHaveLength(1)
    expect(changed[0]).toMatchObject({ actorId: ruiId, details: { userId: ruiId, from: 'observer', to: 'contributor' } })
    expect(typeof changed[0]!.details.inviteId).toBe('string')
    expect(entries.filter((e) => e.action === 'invite.used')).toHaveLength(4)
    expect(entries.filter((e) => e.action === 'member.added')).toHaveLength(1)
  })

  it('[E22] a board turning anonymous forgets who saved its versions and who did what to its content; access entries stay', async () => {
    const boardId = await server.owner.createBoard('Named at first')
    const priya = new ApiClient(server.url)
    const priyaId = (await priya.signUp(uniqueEmail('priya'), 'Priya Realname')).id
    await join(boardId, 'contributor', priya)
    expect((await priya.request('POST', `/api/boards/${boardId}/versions`, { name: 'Before' })).status).toBe(201)
    expect((await fetch(`${server.url}/api/boards/${boardId}/export/json`, { headers: { authorization: `Bearer ${priya.token}` } })).status).toBe(200)
    expect((await server.storage.versions.list(boardId))[0]!.createdBy).toBe(priyaId)

    expect((await server.owner.request('PATCH', `/api/boards/${boardId}`, { anonymous: true })).status).toBe(200)
    expect((await server.storage.versions.list(boardId)).map((v) => v.createdBy)).toEqual([null])
    const stored = await server.storage.audit.list({ boardId })
    expect(stored.filter((e) => e.actorId === priyaId).map((e) => e.action)).toEqual(['invite.used'])
    expect(stored.filter((e) => !keepsActor(e.action)).every((e) => e.actorId === null)).toBe(true)
    expect(stored.find((e) => e.action === 'board.settings_changed')?.actorId).not.toBeNull()
  })

  it('[E23] a role raised by accepting an invite applies to live sockets at once (4501: reconnect with it)', async () => {
    const boardId = await server.owner.createBoard('Raised through a link')
    const rui = new ApiClient(server.url)
    await rui.signUp(uniqueEmail('rui'), 'Rui')
    await join(boardId, 'observer', rui)
    const socket = openRaw(`${server.wsUrl}/${boardId}?token=${rui.token}`)
    await socket.opened
    // Joined on the server (authorised and in the room), not only open.
    await waitFor(async () => ((await server.lw.rooms.peek(boardId))?.size ?? 0) === 1, 5000, 'the socket in the room')
    let code = 0
    void socket.closed.then((c) => (code = c.code))
    try {
      await join(boardId, 'contributor', rui)
      await waitFor(() => code === 4501, 5000, () => `close 4501 (got ${code})`)
    } finally {
      socket.ws.close()
    }
  })
})
