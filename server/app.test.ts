// HTTP contract, tested through app.request() without a port.
import { SCHEMA_VERSION } from '../shared/model/migrations.ts'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readBoard } from '../shared/model/readBoard.ts'
import { createApp, type LearningWallApp } from './app.ts'
import { testConfig } from './config.ts'
import { silentLog } from './log.ts'
import { openSqliteStorage } from './storage/sqlite.ts'
import type { Storage } from './storage/types.ts'
import { ApiClient, uniqueEmail } from './testing/apiClient.ts'

describe('HTTP API', () => {
  let storage: Storage
  let lw: LearningWallApp
  let api: ApiClient
  const post = (path: string, body: unknown) => api.request('POST', path, body)

  beforeAll(async () => {
    storage = await openSqliteStorage({ dataDir: mkdtempSync(join(tmpdir(), 'lw-app-')) })
    lw = createApp({ config: testConfig({ maxRequestBytes: 4096 }), storage, log: silentLog })
    api = new ApiClient('http://localhost', (url, init) => lw.app.request(url, init))
    await api.signUp(uniqueEmail('owner'), 'Owner')
  })
  afterAll(async () => {
    await lw.close()
    await storage.close()
  })

  it('[H1] GET /healthz answers 200 JSON', async () => {
    const res = await lw.app.request('/healthz')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ ok: true, storage: 'sqlite' })
  })

  it('[H2] POST /api/boards creates a board with a seeded document', async () => {
    const res = await post('/api/boards', { title: '  Place workshop ', scale: 'place' })
    expect(res.status).toBe(201)
    const board = res.body as { id: string; title: string; scale: string; element: string }
    expect(board).toMatchObject({ title: 'Place workshop', scale: 'place', element: 'understand' })
    const stored = await storage.docs.load(board.id)
    const doc = new Y.Doc()
    for (const u of stored.updates) Y.applyUpdateV2(doc, u)
    expect(readBoard(doc).meta).toEqual({ title: 'Place workshop', scale: 'place', element: 'understand', schemaVersion: SCHEMA_VERSION })

    const one = await api.request('GET', `/api/boards/${board.id}`)
    expect(one.body).toEqual(board)
    const list = (await api.request('GET', '/api/boards')).body as { boards: Array<{ id: string }> }
    expect(list.boards.map((b) => b.id)).toContain(board.id)
  })

  it.each([
    [{ title: '', scale: 'team' }, 'title'],
    [{ title: 'x', scale: 'galaxy' }, 'scale'],
    [{ title: 'x' }, 'scale'],
    [{ title: 'x'.repeat(201), scale: 'team' }, 'title'],
    [{ title: 'x', scale: 'team', element: 'nonsense' }, 'element'],
    [[1, 2], ''],
  ])('[H3] a bad body gets a 400 with a clear error and creates nothing (%j)', async (body, field) => {
    const before = (await storage.boards.list()).length
    const res = await post('/api/boards', body)
    expect(res.status).toBe(400)
    const err = res.body as { error: { code: string; message: string } }
    expect(err.error.code).toBe('invalid_input')
    expect(err.error.message).toContain(field)
    expect((await storage.boards.list()).length).toBe(before)
  })

  it('[H4] broken JSON, a wrong content type and an oversized body are refused', async () => {
    const headers = { cookie: api.cookieHeader, 'x-csrf-token': /lw_csrf=([^;]+)/.exec(api.cookieHeader)![1]! }
    const broken = await lw.app.request('/api/boards', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{"title":',
    })
    expect(broken.status).toBe(400)
    expect(((await broken.json()) as { error: { code: string } }).error.code).toBe('invalid_json')
    const text = await lw.app.request('/api/boards', { method: 'POST', headers, body: 'title=x' })
    expect(text.status).toBe(415)
    const big = await post('/api/boards', { title: 'x'.repeat(10_000), scale: 'team' })
    expect(big.status).toBe(413)
    expect((big.body as { error: { code: string } }).error.code).toBe('too_large')
  })

  it('[H5] unknown boards and endpoints are 404 JSON', async () => {
    const res = await api.request('GET', '/api/boards/doesnotexist')
    expect(res.status).toBe(404)
    expect(res.body).toEqual({ error: { code: 'not_found', message: 'no such board' } })
    const bad = await api.request('GET', '/api/boards/..%2F..%2Fetc')
    expect(bad.status).toBe(404)
    expect((await api.request('GET', '/api/nothing')).status).toBe(404)
  })

  it('[H6] pages carry a Content-Security-Policy, nosniff and frame-ancestors', async () => {
    const res = await lw.app.request('/healthz')
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('[H7] a socket upgrade from a foreign Origin is refused', async () => {
    const res = await lw.app.request('/sync/abcdefghijkl', {
      headers: { upgrade: 'websocket', origin: 'https://evil.example', host: 'localhost:8080' },
    })
    expect(res.status).toBe(403)
  })
})
