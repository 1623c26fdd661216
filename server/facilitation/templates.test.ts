// Method templates are data: the built-in ones, plus JSON files an operator drops in TEMPLATES_DIR.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readSession } from '../../shared/model/facilitation.ts'
import { ROOT } from '../../shared/model/layout.ts'
import { TEMPLATES } from '../../shared/templates/index.ts'
import { startServer, type TestServer } from '../testing/harness.ts'
import { loadTemplates } from './templates.ts'

const kitchenTable = {
  id: 'kitchen-table',
  version: 2,
  name: 'Kitchen-table conversation',
  description: 'Residents and a practitioner round one table.',
  phases: [
    { id: 'listen', name: 'Listen', prompt: 'What has been hard this month?', minutes: 20, private: false, voting: false },
    { id: 'notice', name: 'Notice', prompt: 'What keeps coming up?', minutes: 15, private: false, voting: true },
  ],
  areas: [{ label: 'The table', kind: 'table', rect: { x: 0, y: 0, w: 1200, h: 800 } }],
}

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lw-templates-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

describe('method templates', () => {
  let server: TestServer | null = null
  afterAll(async () => {
    await server?.close()
  })

  it('built-in templates only, without TEMPLATES_DIR', () => {
    expect(loadTemplates(null).list.map((t) => t.id)).toEqual(TEMPLATES.map((t) => t.id))
  })

  it('a JSON file in TEMPLATES_DIR is offered beside the built-ins; other files are ignored', () => {
    const t = loadTemplates(folder({ 'kitchen.json': JSON.stringify(kitchenTable), 'README.txt': 'not a template' }))
    expect(t.list).toHaveLength(TEMPLATES.length + 1)
    expect(t.byId('kitchen-table')?.phases.map((p) => p.name)).toEqual(['Listen', 'Notice'])
  })

  it('a bad file stops start-up with its name and what is wrong', () => {
    expect(() => loadTemplates(folder({ 'broken.json': '{ "id": ' }))).toThrow(/broken\.json is not JSON/)
    expect(() => loadTemplates(folder({ 'noPhases.json': JSON.stringify({ ...kitchenTable, phases: [] }) }))).toThrow(/noPhases\.json is not a valid template: phases/)
    expect(() => loadTemplates(folder({ 'dup.json': JSON.stringify({ ...kitchenTable, id: 'team-reflection' }) }))).toThrow(/dup\.json uses the id "team-reflection"/)
    expect(() => loadTemplates('/no/such/folder')).toThrow(/cannot read \/no\/such\/folder/)
  })

  it('a facilitator starts an operator template like a built-in: phases, name and table areas on the board', async () => {
    server = await startServer({ authorize: 'roles', config: { templatesDir: folder({ 'kitchen.json': JSON.stringify(kitchenTable) }) } })
    const listed = await server.owner.request<{ templates: Array<{ id: string }> }>('GET', '/api/templates')
    expect(listed.body.templates.map((t) => t.id)).toContain('kitchen-table')
    const board = await server.createBoard('Estate residents', 'place')
    const started = await server.owner.request('POST', `/api/boards/${board}/session`, { action: 'start', templateId: 'kitchen-table' })
    expect(started.status).toBe(200)
    const session = await server.lw.rooms.read(board, readSession)
    expect(session).toMatchObject({ templateId: 'kitchen-table', templateName: 'Kitchen-table conversation', templateVersion: 2, phaseIndex: 0 })
    expect(await server.lw.rooms.read(board, (d) => [...d.getMap(ROOT.areas).values()].map((a) => (a as { label: string }).label))).toEqual(['The table'])
    expect((await server.owner.request('POST', `/api/boards/${board}/session`, { action: 'start', templateId: 'no-such-method' })).status).toBe(404)
  })
})
