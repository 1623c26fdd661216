// Security and robustness of exports and import over real HTTP against a real server and SQLite:
// the per-person job limit holds under parallel requests, and import bodies that are too deep or
// too wide get a clear 400 and create nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readBoard } from '../../shared/model/readBoard.ts'
import { MAX_KEPT_PER_PERSON, MAX_PENDING_PER_PERSON } from '../exports/jobs.ts'
import { openPostgresStorage } from '../storage/postgres.ts'
import { startServer, waitFor, type TestServer } from '../testing/harness.ts'
import { IMPORTS_AT_ONCE, IMPORTS_PER_WINDOW, NAMED_VERSIONS_PER_WINDOW } from './exports.ts'
import { createTestDatabase } from '../testing/postgresDb.ts'

/** POSTs a JSON text as it is (JSON.stringify cannot write what a hostile client can). */
async function postRaw(server: TestServer, path: string, json: string) {
  const res = await fetch(server.url + path, {
    method: 'POST',
    body: json,
    headers: { 'content-type': 'application/json', cookie: server.owner.cookieHeader, 'x-csrf-token': csrfOf(server.owner.cookieHeader) },
  })
  return { status: res.status, body: (await res.json()) as { error: { code: string; message: string } } }
}
const csrfOf = (cookie: string) => /lw_csrf=([^;]+)/.exec(cookie)?.[1] ?? ''

describe('export and import limits', () => {
  let server: TestServer
  let boardId: string
  let exported: Record<string, unknown> & { stories: Array<Record<string, unknown>>; votes: Record<string, unknown> }

  const boardCount = async () => (await server.owner.request<{ boards: unknown[] }>('GET', '/api/boards')).body.boards.length

  beforeAll(async () => {
    server = await startServer({ authorize: 'roles' })
    boardId = await server.createBoard('Limits')
    const res = await fetch(`${server.url}/api/boards/${boardId}/export/json`, { headers: { cookie: server.owner.cookieHeader } })
    exported = await res.json()
  })
  afterAll(async () => server.close())

  it('a deeply nested story text is refused with a clear error and creates nothing', async () => {
    const before = await boardCount()
    const depth = 100_000
    const node = `${'{"type":"paragraph","content":['.repeat(depth)}{"text":"deep"}${']}'.repeat(depth)}`
    const story = { id: 'story-deep', pos: { x: 0, y: 0 }, size: { w: 200, h: 120 }, colour: '#fff3b0', z: 'a0', text: 'deep', rich: ['RICH'], tags: [], measures: [], sensitivity: 'working', createdAt: 1, updatedAt: 1 }
    const res = await postRaw(server, '/api/boards/import', JSON.stringify({ ...exported, stories: [story] }).replace('"RICH"', node))
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('invalid_input')
    expect(await boardCount()).toBe(before)
  })

  it('an import with more ballots than a vote can hold is refused and creates nothing', async () => {
    const before = await boardCount()
    const pattern = { id: 'pattern-one', name: 'One', description: '', descriptionRich: [], area: { x: 0, y: 0, w: 400, h: 300 }, z: 'a0', createdAt: 1, members: [] }
    const session = { status: 'closed', votesPerPerson: 3, maxPerPattern: null, openedAt: '2026-01-01T00:00:00.000Z', closedAt: '2026-01-01T01:00:00.000Z', totals: { 'pattern-one': 1 }, byOrganisation: { x: { 'pattern-one': 1 } }, voters: 1 }
    const ballots = Array.from({ length: 200_000 }, (_, i) => ({ voter: `voter-${String(i).padStart(6, '0')}`, organisation: 'x', patternId: 'pattern-one', count: 1 }))
    const res = await server.owner.request<{ error: { code: string } }>('POST', '/api/boards/import', { ...exported, patterns: [pattern], votes: { session, ballots } })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('invalid_input')
    expect(await boardCount()).toBe(before)
  })

  it('an import with an unbounded list of areas, conditions or references is refused', async () => {
    const before = await boardCount()
    const areas = Array.from({ length: 100_000 }, (_, i) => ({ id: `a${i}`, label: 'T', kind: 'table', rect: { x: i, y: 0, w: 100, h: 100 } }))
    const res = await server.owner.request<{ error: { code: string } }>('POST', '/api/boards/import', { ...exported, areas })
    expect(res.status).toBe(400)
    expect(await boardCount()).toBe(before)
  })
})

// PostgreSQL, and a board with a closed vote: reading the board for an export then waits on the
// database, which is when parallel requests used to slip past the limit.
describe('export job limit under parallel requests', () => {
  let server: TestServer
  let db: Awaited<ReturnType<typeof createTestDatabase>>

  beforeAll(async () => {
    db = await createTestDatabase('lw_export_limit')
    server = await startServer({ authorize: 'roles', storage: await openPostgresStorage({ url: db.url, poolSize: 4 }) })
  })
  afterAll(async () => {
    await server.close()
    await db.drop()
  })

  it('parallel job requests cannot get past the per-person limit', async () => {
    const boardId = await server.createBoard('Parallel')
    expect((await server.owner.request('POST', `/api/boards/${boardId}/vote/open`, { votesPerPerson: 3 })).status).toBe(201)
    expect((await server.owner.request('POST', `/api/boards/${boardId}/vote/close`)).status).toBe(200)
    const tries = await Promise.all(
      Array.from({ length: 12 }, () => server.owner.request<{ error?: { code: string } }>('POST', `/api/boards/${boardId}/export/jobs`, { format: 'report.pdf' })),
    )
    const started = tries.filter((r) => r.status === 202).length
    expect(started).toBeGreaterThan(0)
    expect(started).toBeLessThanOrEqual(MAX_PENDING_PER_PERSON)
    expect(tries.filter((r) => r.status !== 202).every((r) => r.status === 429 && r.body.error?.code === 'too_many_exports')).toBe(true)
  })
})

describe('import and restricted stories', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer({ authorize: 'roles' })
  })
  afterAll(async () => server.close())

  it('a restricted story with its text in the file is refused: restricted content never enters the shared document', async () => {
    const source = await server.createBoard('Source')
    const exported = await (await fetch(`${server.url}/api/boards/${source}/export/json`, { headers: { cookie: server.owner.cookieHeader } })).json()
    const before = (await server.owner.request<{ boards: unknown[] }>('GET', '/api/boards')).body.boards.length
    const story = { id: 'story-r1', pos: { x: 0, y: 0 }, size: { w: 200, h: 120 }, colour: '#fff3b0', z: 'a0', text: 'CANARY-import-restricted', rich: [{ type: 'paragraph', content: [{ text: 'CANARY-import-restricted' }] }], tags: [], measures: [], sensitivity: 'restricted', createdAt: 1, updatedAt: 1 }
    const res = await server.owner.request<{ board?: { id: string }; error?: { code: string; message: string } }>('POST', '/api/boards/import', { ...exported, stories: [story] })
    if (res.body.board) {
      const text = await server.lw.rooms.read(res.body.board.id, (doc) => JSON.stringify(doc.toJSON()))
      expect(text).not.toContain('CANARY-import-restricted')
    }
    expect(res.status).toBe(400)
    expect(res.body.error?.code).toBe('invalid_input')
    expect((await server.owner.request<{ boards: unknown[] }>('GET', '/api/boards')).body.boards.length).toBe(before)
  })
})

describe('finished export files kept per person', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer({ authorize: 'roles' })
  })
  afterAll(async () => server.close())

  it(`only the newest ${MAX_KEPT_PER_PERSON} finished files of a person are kept: a loop of exports cannot fill the memory`, async () => {
    const boardId = await server.createBoard('Kept files')
    type Job = { id: string; status: string }
    const ids: string[] = []
    for (let i = 0; i < MAX_KEPT_PER_PERSON + 3; i++) {
      const started = await server.owner.request<{ job: Job }>('POST', `/api/boards/${boardId}/export/jobs`, { format: 'report.pdf' })
      expect(started.status).toBe(202)
      let job = started.body.job
      await waitFor(async () => {
        job = (await server.owner.request<{ job: Job }>('GET', `/api/boards/${boardId}/export/jobs/${job.id}`)).body.job
        return job.status === 'done' || job.status === 'failed'
      }, 10_000, 'the export job')
      expect(job.status).toBe('done')
      ids.push(job.id)
    }
    const kept = []
    for (const id of ids) kept.push((await server.owner.request('GET', `/api/boards/${boardId}/export/jobs/${id}`)).status)
    expect(kept.slice(0, 3)).toEqual([404, 404, 404])
    expect(kept.slice(3).every((s) => s === 200)).toBe(true)
  })
})

describe('whole boards stored per person', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer({ authorize: 'roles' })
  })
  afterAll(async () => server.close())

  it('imports and named versions are limited per person in a window; the refused one stores nothing', async () => {
    const boardId = await server.createBoard('Stored')
    const exported = await (await fetch(`${server.url}/api/boards/${boardId}/export/json`, { headers: { cookie: server.owner.cookieHeader } })).json()
    const imports = []
    for (let i = 0; i <= IMPORTS_PER_WINDOW; i++) imports.push((await server.owner.request('POST', '/api/boards/import', exported)).status)
    expect(imports.slice(0, IMPORTS_PER_WINDOW).every((s) => s === 201)).toBe(true)
    expect(imports[IMPORTS_PER_WINDOW]).toBe(429)
    expect((await server.owner.request<{ boards: unknown[] }>('GET', '/api/boards')).body.boards.length).toBe(1 + IMPORTS_PER_WINDOW)

    const saved = []
    for (let i = 0; i <= NAMED_VERSIONS_PER_WINDOW; i++) saved.push((await server.owner.request('POST', `/api/boards/${boardId}/versions`, { name: `v${i}` })).status)
    expect(saved.slice(0, NAMED_VERSIONS_PER_WINDOW).every((s) => s === 201)).toBe(true)
    expect(saved[NAMED_VERSIONS_PER_WINDOW]).toBe(429)
    expect((await server.storage.versions.list(boardId, 500)).filter((v) => v.kind === 'named').length).toBe(NAMED_VERSIONS_PER_WINDOW)
  })
})

describe('imports at once', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer({ authorize: 'roles' })
  })
  afterAll(async () => server.close())

  it(`at most ${IMPORTS_AT_ONCE} large imports run at once; the others are told to try again and create nothing`, async () => {
    const boardId = await server.createBoard('Busy')
    const exported = await (await fetch(`${server.url}/api/boards/${boardId}/export/json`, { headers: { cookie: server.owner.cookieHeader } })).json()
    const text = 'A story long enough to be a real one. '.repeat(10)
    const stories = Array.from({ length: 5_000 }, (_, i) => ({ id: `story-${i}`, pos: { x: i, y: 0 }, size: { w: 200, h: 120 }, colour: '#fff3b0', z: `a${i}`, text, rich: [{ type: 'paragraph', content: [{ text }] }], tags: [], measures: [], sensitivity: 'working', createdAt: 1, updatedAt: 1 }))
    const tries = await Promise.all(Array.from({ length: 8 }, () => server.owner.request<{ error?: { code: string } }>('POST', '/api/boards/import', { ...exported, stories })))
    const created = tries.filter((t) => t.status === 201).length
    expect(created).toBeGreaterThan(0)
    expect(tries.filter((t) => t.status !== 201).every((t) => t.status === 429 && t.body.error?.code === 'busy')).toBe(true)
    expect(created).toBeLessThan(tries.length)
    expect((await server.owner.request<{ boards: unknown[] }>('GET', '/api/boards')).body.boards.length).toBe(1 + created)
  }, 60_000)
})

describe('the largest import', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer({ authorize: 'roles' })
  })
  afterAll(async () => server.close())

  it('20,000 stories and 1,000 patterns import (story by story this held the server for minutes); more patterns are refused', async () => {
    const boardId = await server.createBoard('Largest')
    const exported = await (await fetch(`${server.url}/api/boards/${boardId}/export/json`, { headers: { cookie: server.owner.cookieHeader } })).json()
    const text = 'A story long enough to be a real one. '.repeat(10)
    const stories = Array.from({ length: 20_000 }, (_, i) => ({ id: `story-${i}`, pos: { x: i, y: 0 }, size: { w: 200, h: 120 }, colour: '#fff3b0', z: `a${i}`, text, rich: [{ type: 'paragraph', content: [{ text }] }], tags: [], measures: [], sensitivity: 'working', createdAt: 1, updatedAt: 1 }))
    const pattern = (i: number) => ({ id: `pattern-${i}`, name: `P${i}`, description: '', descriptionRich: [], area: { x: i, y: 0, w: 100, h: 100 }, z: `a${i}`, createdAt: 1, members: [{ storyId: `story-${i}`, role: 'supports' }] })
    const tooMany = await server.owner.request<{ error: { code: string } }>('POST', '/api/boards/import', { ...exported, stories, patterns: Array.from({ length: 1_001 }, (_, i) => pattern(i)) })
    expect(tooMany.status).toBe(400)
    const imported = await server.owner.request<{ board: { id: string } }>('POST', '/api/boards/import', { ...exported, stories, patterns: Array.from({ length: 1_000 }, (_, i) => pattern(i)) })
    expect(imported.status).toBe(201)
    const board = await server.lw.rooms.read(imported.body.board.id, (doc) => readBoard(doc))
    expect(board.stories.length).toBe(20_000)
    expect(board.patterns.length).toBe(1_000)
    expect(board.stories.find((s) => s.id === 'story-19999')).toMatchObject({ z: 'a19999', text: text.trim() })
  }, 120_000)
})
