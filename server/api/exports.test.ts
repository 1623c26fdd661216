// Exports, import and history over real HTTP against a real server and SQLite file: the JSON
// round trip, the canary over every format and audience, jobs with progress, roles, bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { AUDIENCES } from '../../shared/export/report.ts'
import { richBoard } from '../../shared/export/testBoard.ts'
import { voteMap } from '../../shared/model/layout.ts'
import { readSession } from '../../shared/model/facilitation.ts'
import { readBoard } from '../../shared/model/readBoard.ts'
import { updateBoardMeta } from '../../shared/ops/board.ts'
import { pdfPages, pdfText } from '../exports/pdfText.ts'
import { ApiClient } from '../testing/apiClient.ts'
import { startServer, waitFor, type TestServer } from '../testing/harness.ts'

type Download = { status: number; type: string; bytes: Uint8Array; text: string }

async function download(api: ApiClient, path: string): Promise<Download> {
  const res = await fetch(api.baseUrl + path, { headers: { cookie: api.cookieHeader } })
  const bytes = new Uint8Array(await res.arrayBuffer())
  return { status: res.status, type: res.headers.get('content-type') ?? '', bytes, text: Buffer.from(bytes).toString('utf8') }
}

describe('exports, import and history', () => {
  let server: TestServer
  let boardId: string

  async function member(role: string, name: string) {
    const invite = await server.owner.request<{ token: string }>('POST', `/api/boards/${boardId}/invites`, { role })
    const api = new ApiClient(server.url)
    expect((await api.request('POST', `/api/invites/${invite.body.token}/accept`, { displayName: name, organisation: 'Charity' })).status).toBe(201)
    return api
  }

  beforeAll(async () => {
    server = await startServer({ authorize: 'roles' })
    boardId = await server.createBoard('Debt advice team')
    const { doc } = richBoard()
    await server.lw.rooms.change(
      boardId,
      (live) => {
        Y.applyUpdate(live, Y.encodeStateAsUpdate(doc))
        voteMap(live).delete('session')
        updateBoardMeta(live, { title: 'Debt advice team' }, { kind: 'server', reason: 'test' })
      },
      'seed',
    )
    // A real vote: opened, cast by two people, closed.
    const alice = await member('contributor', 'Alice')
    expect((await server.owner.request('POST', `/api/boards/${boardId}/vote/open`, { votesPerPerson: 3 })).status).toBe(201)
    for (const [api, pattern] of [[server.owner, 'pattern-p1'], [server.owner, 'pattern-p1'], [alice, 'pattern-p2']] as const) {
      expect((await api.request('POST', `/api/boards/${boardId}/vote/cast`, { patternId: pattern, delta: 1 })).status).toBe(200)
    }
    expect((await server.owner.request('POST', `/api/boards/${boardId}/vote/close`)).status).toBe(200)
  })
  afterAll(async () => server.close())

  it('[EX1][X1] JSON round trip: export, import as a new board, export again: identical but for the export time', async () => {
    const first = await download(server.owner, `/api/boards/${boardId}/export/json`)
    expect(first.status).toBe(200)
    const data = JSON.parse(first.text)
    expect(data.format).toBe('learning-wall-board/2')
    expect(data.votes.session.totals).toEqual({ 'pattern-p1': 2, 'pattern-p2': 1 })
    expect(data.votes.ballots).toHaveLength(2)
    expect(data.conditions).toHaveLength(1)
    const imported = await server.owner.request<{ board: { id: string; title: string } }>('POST', '/api/boards/import', data)
    expect(imported.status).toBe(201)
    const newId = imported.body.board.id
    expect(newId).not.toBe(boardId)
    const second = JSON.parse((await download(server.owner, `/api/boards/${newId}/export/json`)).text)
    expect({ ...second, exportedAt: 'x' }).toEqual({ ...data, exportedAt: 'x' })
    // The second export read its ballots from the new board's stored (closed) vote; none is open.
    const vote = await server.owner.request<{ session: null }>('GET', `/api/boards/${newId}/vote`)
    expect(vote.body.session).toBeNull()
    const audit = await server.owner.request<{ entries: Array<{ action: string }> }>('GET', `/api/boards/${newId}/audit`)
    expect(audit.body.entries.map((e) => e.action)).toContain('board.imported')
  })

  it('[EX2][X2] canary: a restricted story\u2019s text appears in none of the exports or reports, in any format or audience', async () => {
    const paths = [
      'json', 'stories.csv', 'patterns.csv', 'board.svg', 'board.svg?pattern=pattern-p1', 'board.svg?stories=story-ddd4,story-bbb2',
      'board.pdf', 'board.pdf?pattern=pattern-p1', 'board.pdf?stories=story-ddd4,story-bbb2', 'board.png',
      ...AUDIENCES.flatMap((a) => [`report.md?audience=${a}`, `report.pdf?audience=${a}`]),
    ]
    for (const p of paths) {
      const file = await download(server.owner, `/api/boards/${boardId}/export/${p}`)
      expect(file.status, p).toBe(200)
      const text = file.type === 'application/pdf' ? pdfText(file.bytes) : file.text
      expect(text.includes('CANARY'), p).toBe(false)
      if (!p.startsWith('board.png')) expect(text, p).toMatch(/Persistence builds trust|Waiting lists felt|story-bbb2/)
    }
  })

  it('[EX3] the board PDF has an overview and one page per pattern; a pattern PDF has two pages', async () => {
    const all = await download(server.owner, `/api/boards/${boardId}/export/board.pdf`)
    // The overview, what was raised to the board from below [CY30], one page per pattern.
    expect(pdfPages(all.bytes)).toBe(4)
    const one = await download(server.owner, `/api/boards/${boardId}/export/board.pdf?pattern=pattern-p2`)
    expect(pdfPages(one.bytes)).toBe(2)
    expect(pdfText(one.bytes)).toContain('Waiting lists')
    expect(pdfText(one.bytes)).not.toContain('Persistence builds trust')
  })

  it('[EX4] heavy exports run as jobs with progress; only the person who asked sees them', async () => {
    const started = await server.owner.request<{ job: { id: string; status: string; progress: number } }>('POST', `/api/boards/${boardId}/export/jobs`, { format: 'report.pdf', audience: 'technical' })
    expect(started.status).toBe(202)
    const { id } = started.body.job
    let job = started.body.job
    const seen: number[] = []
    // As the client does: ask for the job until it has finished.
    await waitFor(async () => {
      job = (await server.owner.request<{ job: typeof job }>('GET', `/api/boards/${boardId}/export/jobs/${id}`)).body.job
      seen.push(job.progress)
      return job.status === 'done' || job.status === 'failed'
    }, 10_000, 'the export job')
    expect(job.status).toBe('done')
    expect(job.progress).toBe(1)
    expect(seen.every((p) => p >= 0 && p <= 1)).toBe(true)
    const file = await download(server.owner, `/api/boards/${boardId}/export/jobs/${id}/file`)
    expect(file.type).toBe('application/pdf')
    expect(pdfText(file.bytes)).toContain('Method and phases')
    const other = await member('observer', 'Olive')
    expect((await other.request('GET', `/api/boards/${boardId}/export/jobs/${id}`)).status).toBe(404)
    expect((await download(other, `/api/boards/${boardId}/export/jobs/${id}/file`)).status).toBe(404)
  })

  it('[EX5] observers export; strangers and signed-out callers cannot; every export is audited', async () => {
    const observer = await member('observer', 'Oscar')
    expect((await download(observer, `/api/boards/${boardId}/export/stories.csv`)).status).toBe(200)
    const stranger = new ApiClient(server.url)
    await stranger.signUp(`stranger.${Date.now()}@example.org`)
    expect((await download(stranger, `/api/boards/${boardId}/export/json`)).status).toBe(403)
    expect((await download(new ApiClient(server.url), `/api/boards/${boardId}/export/json`)).status).toBe(401)
    const audit = await server.owner.request<{ entries: Array<{ action: string; details: Record<string, unknown> }> }>('GET', `/api/boards/${boardId}/audit`)
    expect(audit.body.entries.some((e) => e.action === 'board.exported' && e.details.format === 'stories.csv' && e.details.role === 'observer')).toBe(true)
  })

  it('[EX6][X4] bad input gets a clear error and creates nothing', async () => {
    expect((await download(server.owner, `/api/boards/${boardId}/export/report.md?audience=board`)).status).toBe(400)
    expect((await download(server.owner, `/api/boards/${boardId}/export/board.svg?pattern=pattern-none`)).status).toBe(404)
    expect((await download(server.owner, `/api/boards/${boardId}/export/board.svg?pattern=x`)).status).toBe(400)
    const before = (await server.owner.request<{ boards: unknown[] }>('GET', '/api/boards')).body.boards.length
    const wrong = await server.owner.request<{ error: { code: string } }>('POST', '/api/boards/import', { format: 'learning-wall-board/9' })
    expect(wrong.status).toBe(400)
    expect(wrong.body.error.code).toBe('unsupported_format')
    const data = JSON.parse((await download(server.owner, `/api/boards/${boardId}/export/json`)).text)
    data.patterns[0].members.push({ storyId: 'story-missing', role: 'supports' })
    const dangling = await server.owner.request<{ error: { message: string } }>('POST', '/api/boards/import', data)
    expect(dangling.status).toBe(400)
    expect(dangling.body.error.message).toContain('story-missing')
    expect((await server.owner.request<{ boards: unknown[] }>('GET', '/api/boards')).body.boards.length).toBe(before)
  })

  it('[EX8] a board export larger than the usual request limit still imports', async () => {
    const data = JSON.parse((await download(server.owner, `/api/boards/${boardId}/export/json`)).text)
    const template = data.stories.find((s: { id: string }) => s.id === 'story-bbb2')
    for (let i = 0; i < 2500; i++) data.stories.push({ ...template, id: `bulk-${String(i).padStart(5, '0')}`, pos: { x: i, y: 2000 } })
    expect(JSON.stringify(data).length).toBeGreaterThan(1024 * 1024)
    const imported = await server.owner.request<{ board: { id: string } }>('POST', '/api/boards/import', data)
    expect(imported.status).toBe(201)
    expect(await server.lw.rooms.read(imported.body.board.id, (doc) => readBoard(doc).stories.length)).toBe(data.stories.length)
  })

  it('[EX7][X5] history: automatic and named versions; restore as a new board needs a facilitator', async () => {
    const contributor = await member('contributor', 'Cara')
    // The version is taken mid-session: private writing on, the board locked.
    await server.lw.rooms.change(boardId, (doc) => doc.getMap('session').set('state', { ...readSession(doc)!, private: true, locked: true }), 'test')
    const named = await contributor.request<{ version: { id: string; kind: string } }>('POST', `/api/boards/${boardId}/versions`, { name: 'End of workshop' })
    expect(named.status).toBe(201)
    expect((await contributor.request('POST', `/api/boards/${boardId}/versions`, { name: '' })).status).toBe(400)
    const observer = await member('observer', 'Otto')
    expect((await observer.request('POST', `/api/boards/${boardId}/versions`, { name: 'x' })).status).toBe(403)
    const list = await observer.request<{ versions: Array<{ id: string; kind: string; name: string | null; createdByName: string | null }> }>('GET', `/api/boards/${boardId}/versions`)
    expect(list.body.versions[0]).toMatchObject({ kind: 'named', name: 'End of workshop', createdByName: 'Cara' })
    expect(list.body.versions.some((v) => v.kind === 'auto')).toBe(true)
    // Changed after the snapshot: the restored board has the story as it was.
    await server.lw.rooms.change(boardId, (doc) => doc.getMap('stories').delete('story-eee5'), 'test')
    const restorePath = `/api/boards/${boardId}/versions/${named.body.version.id}/restore`
    expect((await contributor.request('POST', restorePath, {})).status).toBe(403)
    const restored = await server.owner.request<{ board: { id: string; title: string } }>('POST', restorePath, {})
    expect(restored.status).toBe(201)
    expect(restored.body.board.title).toBe('Debt advice team (End of workshop)')
    const ids = await server.lw.rooms.read(restored.body.board.id, (doc) => readBoard(doc).stories.map((s) => s.id))
    expect(ids).toContain('story-eee5')
    const session = await server.lw.rooms.read(restored.body.board.id, (doc) => readSession(doc))
    expect(session).toMatchObject({ templateId: 'team-reflection', phaseIndex: 1, private: false, locked: false, timer: null })
    // The original stays as it is now, with the same versions.
    expect(await server.lw.rooms.read(boardId, (doc) => readBoard(doc).stories.some((s) => s.id === 'story-eee5'))).toBe(false)
    const after = await observer.request<{ versions: unknown[] }>('GET', `/api/boards/${boardId}/versions`)
    expect(after.body.versions.length).toBe(list.body.versions.length)
    expect((await server.owner.request('POST', `/api/boards/${boardId}/versions/none-such/restore`, {})).status).toBe(404)
  })
})
