// Budgets one free account cannot get around: boards per hour and in all (new, imported and
// restored boards alike), import attempts counted before a body is parsed, and request bodies that
// must arrive in time. Real server, real SQLite, real sockets.
import { connect as tcpConnect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, uniqueEmail } from '../testing/apiClient.ts'
import { startServer, type TestServer } from '../testing/harness.ts'
import { IMPORTS_PER_WINDOW } from './exports.ts'

type Problem = { error: { code: string; message: string } }

describe('budgets', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer({
      config: { boardsPerHour: 3, boardsPerAccount: 5, requestTimeoutMs: 1000 },
    })
  })
  afterAll(async () => server.close())

  const person = async () => {
    const api = new ApiClient(server.url)
    await api.signUp(uniqueEmail('maker'), 'Maker')
    return api
  }
  const boards = async (api: ApiClient) =>
    (await api.request<{ boards: unknown[] }>('GET', '/api/boards')).body.boards.length

  it('[H22] an account creates at most BOARDS_PER_HOUR boards an hour: new, imported and restored boards all count, others are unaffected', async () => {
    const maker = await person()
    const first = await maker.createBoard('One')
    const exported = await maker.request('GET', `/api/boards/${first}/export/json`)
    expect(exported.status).toBe(200)
    const version = await maker.request<{ version: { id: string } }>(
      'POST',
      `/api/boards/${first}/versions`,
      { name: 'start' },
    )
    expect(version.status).toBe(201)
    expect((await maker.request('POST', '/api/boards/import', exported.body)).status).toBe(201)
    expect(
      (
        await maker.request(
          'POST',
          `/api/boards/${first}/versions/${version.body.version.id}/restore`,
          {},
        )
      ).status,
    ).toBe(201)
    expect(await boards(maker)).toBe(3)

    const refused = [
      await maker.request<Problem>('POST', '/api/boards', { title: 'Four', scale: 'team' }),
      await maker.request<Problem>('POST', '/api/boards/import', exported.body),
      await maker.request<Problem>(
        'POST',
        `/api/boards/${first}/versions/${version.body.version.id}/restore`,
        {},
      ),
    ]
    for (const r of refused) {
      expect(r.status).toBe(429)
      expect(r.body.error.code).toBe('board_budget')
      expect(r.body.error.message).toMatch(/3 new boards an hour/)
    }
    expect(await boards(maker)).toBe(3)
    const other = await person()
    expect(
      (await other.request('POST', '/api/boards', { title: 'Mine', scale: 'team' })).status,
    ).toBe(201)
  })

  it('[H22] an account owns at most BOARDS_PER_ACCOUNT boards', async () => {
    const maker = await person()
    for (let i = 0; i < 2; i++) await maker.createBoard(`Board ${i}`)
    // Three boards made more than an hour ago, as an older account would have.
    const me = await maker.request<{ user: { id: string } }>('GET', '/api/auth/me')
    const old = new Date(Date.now() - 2 * 3_600_000).toISOString()
    for (const id of ['oldboard-aaa1', 'oldboard-aaa2', 'oldboard-aaa3']) {
      await server.storage.boards.create({
        id,
        title: 'Old',
        scale: 'team',
        element: 'understand',
        anonymous: false,
        createdAt: old,
        updatedAt: old,
      })
      await server.storage.memberships.put({
        boardId: id,
        userId: me.body.user.id,
        role: 'owner',
        organisation: 'Test Org',
        inviteId: null,
        createdAt: old,
      })
    }
    const r = await maker.request<Problem>('POST', '/api/boards', { title: 'Sixth', scale: 'team' })
    expect(r.status).toBe(429)
    expect(r.body.error).toMatchObject({
      code: 'board_budget',
      message: expect.stringMatching(/at most 5 boards/),
    })
  })

  it('[H23] import attempts are counted before the body is parsed: invalid files are limited too', async () => {
    const maker = await person()
    for (let i = 0; i < IMPORTS_PER_WINDOW; i++) {
      expect(
        (await maker.request('POST', '/api/boards/import', { format: 'not a board' })).status,
      ).toBe(400)
    }
    const r = await maker.request<Problem>('POST', '/api/boards/import', { format: 'not a board' })
    expect(r.status).toBe(429)
    expect(r.body.error.code).toBe('rate_limited')
  })

  it('[H24] a request body that does not arrive within REQUEST_TIMEOUT_MS is answered 408 and its socket closed', async () => {
    const socket = tcpConnect(server.port, '127.0.0.1')
    let answer = ''
    socket.on('data', (d: Buffer) => (answer += d.toString()))
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()))
    await new Promise<void>((resolve) => socket.on('connect', () => resolve()))
    const maker = await person()
    socket.write(
      `POST /api/boards HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${maker.token}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"title":`,
    )
    // A slow sender: nothing more. The server ends it by itself.
    await closed
    expect(answer).toMatch(/^HTTP\/1\.1 408/)
  })
})
