// Anonymous boards over real HTTP and a real SQLite file: nobody can learn from the version list
// who saved a version, and an import as an anonymous board stores no story authors (anonymous mode
// stores no author at all, and names stay neutral).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readBoard } from '../../shared/model/readBoard.ts'
import { ApiClient, uniqueEmail } from '../testing/apiClient.ts'
import { startServer, type TestServer } from '../testing/harness.ts'

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
})
