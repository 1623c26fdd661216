// Anonymous mode, checked where it matters: the name a guest types, their presence and their
// stories leave no trace of who they are in the raw database bytes, the documents or the log.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { storiesMap } from '../../shared/model/layout.ts'
import { createStory } from '../../shared/ops/story.ts'
import { jsonLog } from '../log.ts'
import { ApiClient } from '../testing/apiClient.ts'
import { connectClient, startServer, synced, waitFor, type TestClient, type TestServer } from '../testing/harness.ts'
import { waitForRejection } from '../testing/rejections.ts'

const CANARY_NAME = 'Canaryname Qx7Vuller'
const local = { kind: 'local' } as const

describe('anonymous mode', () => {
  let server: TestServer
  const logLines: string[] = []
  const clients: TestClient[] = []

  beforeAll(async () => {
    server = await startServer({ authorize: 'roles', log: jsonLog((line) => logLines.push(line)) })
  })
  afterAll(async () => {
    for (const c of clients) c.destroy()
    await server.close()
  })

  it('[E10] an anonymous author’s display name appears nowhere in stored data or logs, and no author id enters the documents', async () => {
    const board = await server.owner.createBoard('Tenants’ voices', 'place', { anonymous: true })
    const invite = await server.owner.request<{ token: string }>('POST', `/api/boards/${board}/invites`, { role: 'contributor' })
    expect(invite.status).toBe(201)
    const guest = new ApiClient(server.url)
    const joined = await guest.request<{ user: { id: string; displayName: string } }>('POST', `/api/invites/${invite.body.token}/accept`, {
      displayName: CANARY_NAME,
      organisation: 'Tenants union',
    })
    expect(joined.status).toBe(201)
    const guestId = joined.body.user.id
    expect(joined.body.user.displayName).toBe('Participant')
    // Renaming oneself later does not store a name either.
    expect((await guest.request('PATCH', '/api/auth/me', { displayName: CANARY_NAME })).status).toBe(200)

    const c = connectClient(server.wsUrl, board, { token: guest.token! })
    clients.push(c)
    const watcher = connectClient(server.wsUrl, board, { token: server.owner.token! })
    clients.push(watcher)
    await Promise.all([synced(c), synced(watcher)])
    c.provider.awareness.setLocalStateField('user', { name: CANARY_NAME, colour: '#123456' })
    await waitFor(() => [...watcher.provider.awareness.getStates().values()].some((s) => (s.user as { name?: string } | undefined)?.name === 'Participant'), 5000, 'neutral presence')
    expect(JSON.stringify([...watcher.provider.awareness.getStates().values()])).not.toContain(CANARY_NAME)

    const story = createStory(c.doc, { pos: { x: 0, y: 0 }, text: 'We were moved three times in a year' }, local)
    if (!story.ok) throw new Error('story')
    await waitFor(() => storiesMap(watcher.doc).has(story.value.id), 5000, 'story')
    const restricted = await guest.request<{ id: string }>('POST', `/api/boards/${board}/stories`, { pos: { x: 0, y: 200 }, text: 'A restricted account', fields: { sensitivity: 'restricted' } })
    expect(restricted.status).toBe(201)
    // A client that writes an author anyway is refused whole.
    const named = connectClient(server.wsUrl, board, { token: guest.token! })
    clients.push(named)
    await synced(named)
    createStory(named.doc, { pos: { x: 0, y: 400 }, text: 'signed', author: CANARY_NAME }, local)
    await waitForRejection(server, board, 'forbidden_key')

    for (const room of [board, `${board}~restricted`]) {
      const stored = await server.storage.docs.load(room)
      const bytes = Buffer.concat([...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates])
      expect(bytes.length).toBeGreaterThan(0)
      expect(bytes.includes(Buffer.from(guestId))).toBe(false)
      expect(bytes.includes(Buffer.from(CANARY_NAME))).toBe(false)
    }
    await server.storage.scrub?.()
    const file = join(server.dataDir, 'learning-wall.sqlite')
    const raw = Buffer.concat([readFileSync(file), ...(existsSync(`${file}-wal`) ? [readFileSync(`${file}-wal`)] : [])])
    expect(raw.includes(Buffer.from('Tenants union'))).toBe(true) // the bytes are readable: the search is real
    expect(raw.includes(Buffer.from(CANARY_NAME))).toBe(false)
    expect(logLines.join('\n')).not.toContain(CANARY_NAME)
    expect(logLines.join('\n')).not.toContain(invite.body.token)
  })
})
