// The audit log is complete: every access and cross-board action in docs/api.md, done once over
// real HTTP, is written exactly once on each board it touches, and nothing else is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { patternsMap, storiesMap } from '../../shared/model/layout.ts'
import { createPattern } from '../../shared/ops/pattern.ts'
import { createStory } from '../../shared/ops/story.ts'
import { ApiClient, uniqueEmail } from '../testing/apiClient.ts'
import { connectClient, roomHolds, startServer, synced, type TestServer } from '../testing/harness.ts'

const local = { kind: 'local' } as const

describe('audit log', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer({ authorize: 'roles' })
  })
  afterAll(async () => server.close())

  const counts = async (boardId: string) => {
    const entries = await server.storage.audit.list({ boardId })
    const out: Record<string, number> = {}
    for (const e of entries) out[e.action] = (out[e.action] ?? 0) + 1
    return out
  }
  async function accept(board: string, role: string, api: ApiClient, as = server.owner, body: Record<string, unknown> = {}) {
    const invite = await as.request<{ token: string }>('POST', `/api/boards/${board}/invites`, { role })
    const res = await api.request<{ user: { id: string } }>('POST', `/api/invites/${invite.body.token}/accept`, body)
    expect(res.status).toBeLessThan(300)
    return res.body.user.id
  }

  it('[E23] every access and cross-board action is audited exactly once on each board it touches', async () => {
    const olu = new ApiClient(server.url)
    await olu.signUp(uniqueEmail('olu'), 'Olu')
    const team = await server.owner.createBoard('Team', 'team')
    const peer = await server.owner.createBoard('Peer', 'team')
    const org = await olu.createBoard('Organisation', 'organisation')
    expect((await server.owner.request('PATCH', `/api/boards/${team}`, { title: 'Team (renamed)' })).status).toBe(200)

    // Members: added, raised through an invite, changed, removed; a guest ended by a revocation.
    const rui = new ApiClient(server.url)
    const ruiUser = await rui.signUp(uniqueEmail('rui'), 'Rui')
    const ruiEmail = (await rui.request<{ user: { email: string } }>('GET', '/api/auth/me')).body.user.email
    expect((await server.owner.request('POST', `/api/boards/${team}/members`, { email: ruiEmail, role: 'observer' })).status).toBe(201)
    await accept(team, 'contributor', rui)
    expect((await server.owner.request('PATCH', `/api/boards/${team}/members/${ruiUser.id}`, { role: 'facilitator' })).status).toBe(200)
    expect((await server.owner.request('DELETE', `/api/boards/${team}/members/${ruiUser.id}`)).status).toBe(200)
    const guestInvite = await server.owner.request<{ invite: { id: string }; token: string }>('POST', `/api/boards/${team}/invites`, { role: 'contributor' })
    expect((await new ApiClient(server.url).request('POST', `/api/invites/${guestInvite.body.token}/accept`, { displayName: 'Guest' })).status).toBe(201)
    expect((await server.owner.request('DELETE', `/api/boards/${team}/invites/${guestInvite.body.invite.id}`)).status).toBe(200)

    // Links: one pending until the other board's manager accepts, one active at once.
    const pending = await server.owner.request<{ link: { id: string; status: string } }>('POST', `/api/boards/${team}/links`, { otherBoardId: org, kind: 'vertical' })
    expect(pending.body.link.status).toBe('pending')
    expect((await olu.request('POST', `/api/boards/${org}/links/${pending.body.link.id}/accept`)).status).toBe(200)
    const sideways = await server.owner.request<{ link: { id: string } }>('POST', `/api/boards/${team}/links`, { otherBoardId: peer, kind: 'horizontal' })
    expect(sideways.status).toBe(201)

    // Cross-board: raise, respond, share, unshare, then the peer link goes.
    const priya = new ApiClient(server.url)
    await priya.signUp(uniqueEmail('priya'), 'Priya')
    await accept(team, 'contributor', priya)
    await accept(peer, 'contributor', priya)
    await accept(org, 'contributor', priya, olu)
    const c = connectClient(server.wsUrl, team, { token: server.owner.token! })
    let storyId = ''
    let patternId = ''
    try {
      await synced(c)
      const s = createStory(c.doc, { pos: { x: 0, y: 0 }, text: 'Waited a year' }, local)
      const p = createPattern(c.doc, { name: 'Slow replies', area: { x: 0, y: 0, w: 400, h: 300 } }, local)
      if (!s.ok || !p.ok) throw new Error('setup')
      ;[storyId, patternId] = [s.value.id, p.value.id]
      await roomHolds(server, team, (d) => storiesMap(d).has(storyId) && patternsMap(d).has(patternId))
    } finally {
      c.destroy()
    }
    const raised = await priya.request<{ condition: { id: string } }>('POST', `/api/boards/${team}/patterns/${patternId}/raise`, { targetBoardId: org, kind: 'enabler' })
    expect(raised.status).toBe(201)
    expect((await priya.request('POST', `/api/boards/${team}/patterns/${patternId}/raise`, { targetBoardId: org, kind: 'enabler' })).status).toBe(200)
    expect((await olu.request('PATCH', `/api/conditions/${raised.body.condition.id}`, { status: 'acknowledged' })).status).toBe(200)
    const shared = await priya.request<{ share: { id: string } }>('POST', `/api/boards/${team}/patterns/${patternId}/share`, { targetBoardId: peer })
    expect(shared.status).toBe(201)
    expect((await priya.request('DELETE', `/api/shares/${shared.body.share.id}`)).status).toBe(200)
    expect((await server.owner.request('DELETE', `/api/boards/${team}/links/${sideways.body.link.id}`)).status).toBe(200)

    // Content with consequences elsewhere: sensitivity, a version restored as a new board, an export, a withdrawal.
    expect((await priya.request('PUT', `/api/boards/${team}/stories/${storyId}/sensitivity`, { sensitivity: 'confidential' })).status).toBe(200)
    const version = await priya.request<{ version: { id: string } }>('POST', `/api/boards/${team}/versions`, { name: 'Round one' })
    const restored = await server.owner.request<{ board: { id: string } }>('POST', `/api/boards/${team}/versions/${version.body.version.id}/restore`, {})
    expect(restored.status).toBe(201)
    expect((await fetch(`${server.url}/api/boards/${team}/export/json`, { headers: { authorization: `Bearer ${priya.token}` } })).status).toBe(200)
    expect((await server.owner.request('POST', `/api/boards/${team}/stories/${storyId}/withdraw`)).status).toBe(200)

    expect(await counts(team)).toEqual({
      'board.created': 1,
      'board.settings_changed': 1,
      'member.added': 1,
      'member.role_changed': 2,
      'member.removed': 2,
      'invite.created': 3,
      'invite.used': 3,
      'invite.revoked': 1,
      'link.created': 2,
      'link.accepted': 1,
      'link.removed': 1,
      'condition.raised': 1,
      'condition.responded': 1,
      'pattern.shared': 1,
      'pattern.unshared': 1,
      'story.sensitivity_changed': 1,
      'version.saved': 1,
      'version.restored': 1,
      'board.exported': 1,
      'story.withdrawn': 1,
    })
    // A link requested to a board its creator has no role on is audited there once it is accepted
    // (the request itself reveals nothing of that board to its creator): at most once.
    const onOrg = await counts(org)
    expect(onOrg['link.created'] ?? 0).toBeLessThanOrEqual(1)
    delete onOrg['link.created']
    expect(onOrg).toEqual({
      'board.created': 1,
      'invite.created': 1,
      'invite.used': 1,
      'link.accepted': 1,
      'condition.raised': 1,
      'condition.responded': 1,
    })
    expect(await counts(peer)).toEqual({
      'board.created': 1,
      'invite.created': 1,
      'invite.used': 1,
      'link.created': 1,
      'link.removed': 1,
      'pattern.shared': 1,
      'pattern.unshared': 1,
    })
    // The withdrawal reached the restored board too (its own `story.withdrawn`, written by the
    // withdrawal): at most once.
    const onRestored = await counts(restored.body.board.id)
    expect(onRestored['story.withdrawn'] ?? 0).toBeLessThanOrEqual(1)
    delete onRestored['story.withdrawn']
    expect(onRestored).toEqual({ 'board.created': 1 })
  })
})
