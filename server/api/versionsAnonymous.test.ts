// Board history on an anonymous board over real HTTP and a real SQLite file: nobody can learn from
// the version list who saved a version (anonymous mode stores no author, and names stay neutral).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, uniqueEmail } from '../testing/apiClient.ts'
import { startServer, type TestServer } from '../testing/harness.ts'

describe('versions on an anonymous board', () => {
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
})
