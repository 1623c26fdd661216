// Pausing an invite link: no new joins while paused, everyone who joined keeps working, both ways
// audited, undone by resuming; the list counts who is a member through each link right now.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readBoard } from '../../shared/model/readBoard.ts'
import { createStory } from '../../shared/ops/story.ts'
import { ApiClient } from '../testing/apiClient.ts'
import { connectClient, startServer, synced, waitFor, type TestClient, type TestServer } from '../testing/harness.ts'

type InviteView = { id: string; uses: number; members: number; disabledAt: string | null; revokedAt: string | null }

describe('pausing an invite link', () => {
  let server: TestServer
  const clients: TestClient[] = []
  const connect = (boardId: string, token?: string) => {
    const c = connectClient(server.wsUrl, boardId, token ? { token } : {})
    clients.push(c)
    return c
  }
  const accept = (token: string, name: string) => new ApiClient(server.url).request('POST', `/api/invites/${token}/accept`, { displayName: name })
  const acceptAs = async (token: string, name: string) => {
    const api = new ApiClient(server.url)
    const r = await api.request('POST', `/api/invites/${token}/accept`, { displayName: name })
    expect(r.status).toBe(201)
    return api
  }
  const listed = async (boardId: string, inviteId: string) =>
    (await server.owner.request<{ invites: InviteView[] }>('GET', `/api/boards/${boardId}/invites`)).body.invites.find((i) => i.id === inviteId)!

  beforeAll(async () => {
    server = await startServer({ authorize: 'roles' })
  })
  afterAll(async () => {
    for (const c of clients) c.destroy()
    await server.close()
  })

  it('stops new joins while everyone who joined keeps writing; resuming lets people join again; each change audited once', async () => {
    const boardId = await server.createBoard('Workshop')
    const made = await server.owner.request<{ token: string; invite: InviteView }>('POST', `/api/boards/${boardId}/invites`, { role: 'contributor' })
    expect(made.body.invite.members).toBe(0)
    const { token } = made.body
    const inviteId = made.body.invite.id
    const guest = await acceptAs(token, 'Table host')
    const live = connect(boardId, guest.token)
    await synced(live)
    expect(await listed(boardId, inviteId)).toMatchObject({ uses: 1, members: 1, disabledAt: null })

    const paused = await server.owner.request<{ invite: InviteView }>('PATCH', `/api/boards/${boardId}/invites/${inviteId}`, { disabled: true })
    expect(paused.status).toBe(200)
    expect(paused.body.invite.disabledAt).not.toBeNull()
    expect(paused.body.invite.members).toBe(1)
    // Pausing twice changes nothing and audits nothing more.
    expect((await server.owner.request('PATCH', `/api/boards/${boardId}/invites/${inviteId}`, { disabled: true })).status).toBe(200)

    const refused = await accept(token, 'Forwarded to')
    expect(refused.status).toBe(410)
    expect((refused.body as { error: { code: string } }).error.code).toBe('invite_disabled')
    expect((await new ApiClient(server.url).request('GET', `/api/invites/${token}`)).status).toBe(410)

    // The guest who joined before is still in: their socket stays open and their writes arrive.
    createStory(live.doc, { pos: { x: 0, y: 0 }, text: 'written while the link is paused' }, { kind: 'local' })
    const owner = connect(boardId, server.owner.token)
    await waitFor(() => readBoard(owner.doc).stories.some((s) => s.text === 'written while the link is paused'))
    expect((await guest.request('GET', `/api/boards/${boardId}`)).status).toBe(200)
    expect(await listed(boardId, inviteId)).toMatchObject({ uses: 1, members: 1 })

    const resumed = await server.owner.request<{ invite: InviteView }>('PATCH', `/api/boards/${boardId}/invites/${inviteId}`, { disabled: false })
    expect(resumed.body.invite.disabledAt).toBeNull()
    await acceptAs(token, 'Late arrival')
    expect(await listed(boardId, inviteId)).toMatchObject({ uses: 2, members: 2 })

    const audit = await server.owner.request<{ entries: Array<{ action: string; details: Record<string, unknown> }> }>('GET', `/api/boards/${boardId}/audit`)
    const actions = audit.body.entries.map((e) => e.action)
    expect(actions.filter((a) => a === 'invite.disabled')).toHaveLength(1)
    expect(actions.filter((a) => a === 'invite.enabled')).toHaveLength(1)
    expect(audit.body.entries.find((e) => e.action === 'invite.disabled')?.details).toEqual({ inviteId })

    // Removing everyone who joined through it is still the other, separate action.
    const removed = await server.owner.request<{ removed: number }>('DELETE', `/api/boards/${boardId}/invites/${inviteId}`)
    expect(removed.body.removed).toBe(2)
    expect(await listed(boardId, inviteId)).toMatchObject({ members: 0 })
  })

  it('a revoked link cannot be resumed; only managers pause; the body is exactly { disabled }', async () => {
    const boardId = await server.createBoard('Closed')
    const made = await server.owner.request<{ token: string; invite: InviteView }>('POST', `/api/boards/${boardId}/invites`, { role: 'contributor' })
    const inviteId = made.body.invite.id
    const contributor = await acceptAs(made.body.token, 'Contributor')
    expect((await contributor.request('PATCH', `/api/boards/${boardId}/invites/${inviteId}`, { disabled: true })).status).toBe(403)
    expect((await server.owner.request('PATCH', `/api/boards/${boardId}/invites/${inviteId}`, { disabled: 'yes' })).status).toBe(400)
    expect((await server.owner.request('PATCH', `/api/boards/${boardId}/invites/${inviteId}`, { disabled: true, role: 'facilitator' })).status).toBe(400)
    expect((await server.owner.request('PATCH', `/api/boards/${boardId}/invites/nope`, { disabled: true })).status).toBe(404)
    expect((await server.owner.request('DELETE', `/api/boards/${boardId}/invites/${inviteId}`)).status).toBe(200)
    const after = await server.owner.request<{ error: { code: string } }>('PATCH', `/api/boards/${boardId}/invites/${inviteId}`, { disabled: false })
    expect(after.status).toBe(409)
    expect(after.body.error.code).toBe('invite_revoked')
    expect((await accept(made.body.token, 'Too late')).status).toBe(410)
  })
})
