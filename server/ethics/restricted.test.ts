// Restricted stories over real sockets and a real SQLite file: the wire-level canary test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { storiesMap } from '../../shared/model/layout.ts'
import { readBoard } from '../../shared/model/readBoard.ts'
import { createStory, updateStoryFields } from '../../shared/ops/story.ts'
import { CLOSE } from '../../shared/protocol/closeCodes.ts'
import { ApiClient, uniqueEmail } from '../testing/apiClient.ts'
import { connectClient, roomHolds, startServer, synced, waitFor, type TestClient, type TestServer } from '../testing/harness.ts'
import { openRaw, type RawSocket } from '../testing/rawSocket.ts'
import { waitForRejection } from '../testing/rejections.ts'

const CANARY = 'CANARY-rx-41c9 owes 2,300 to a loan shark'
const CANARY_ROLE = 'CANARY-role-8d2e'
const local = { kind: 'local' } as const

const has = (frames: Uint8Array[], text: string) => Buffer.concat(frames).includes(Buffer.from(text))

describe('restricted stories', () => {
  let server: TestServer
  let contributor: ApiClient
  let contributorId: string
  const clients: TestClient[] = []
  const raws: RawSocket[] = []
  const connect = (room: string, token: string) => {
    const c = connectClient(server.wsUrl, room, { token })
    clients.push(c)
    return c
  }
  const raw = (room: string, token: string) => {
    const r = openRaw(`${server.wsUrl}/${room}?token=${token}`)
    raws.push(r)
    return r
  }
  const stored = async (room: string) => {
    const s = await server.storage.docs.load(room)
    return Buffer.concat([...(s.snapshot ? [s.snapshot] : []), ...s.updates])
  }
  async function boardWithContributor() {
    const board = await server.createBoard('Housing team')
    const added = await server.owner.request('POST', `/api/boards/${board}/members`, { email: contributorEmail, role: 'contributor' })
    expect(added.status).toBe(201)
    return board
  }
  let contributorEmail = ''

  beforeAll(async () => {
    server = await startServer({ authorize: 'roles' })
    contributor = new ApiClient(server.url)
    contributorEmail = uniqueEmail('contributor')
    contributorId = (await contributor.signUp(contributorEmail, 'Casey')).id
  })
  afterAll(async () => {
    for (const r of raws) r.ws.close()
    for (const c of clients) c.destroy()
    await server.close()
  })

  it('[E5] a contributor’s socket receives no byte of a restricted story, a facilitator’s restricted room does', async () => {
    const board = await boardWithContributor()
    const watcher = raw(board, contributor.token!)
    const contributorDoc = connect(board, contributor.token!)
    const refused = raw(`${board}~restricted`, contributor.token!)
    expect((await refused.closed).code).toBe(CLOSE.forbidden)
    expect(refused.frames).toHaveLength(0)
    const facilitator = raw(`${board}~restricted`, server.owner.token!)
    await synced(contributorDoc)

    const created = await server.owner.request<{ id: string }>('POST', `/api/boards/${board}/stories`, {
      pos: { x: 40, y: 60 },
      text: CANARY,
      fields: { sensitivity: 'restricted', tellerRole: CANARY_ROLE, tags: ['debt'] },
    })
    expect(created.status).toBe(201)
    const id = created.body.id
    await waitFor(() => storiesMap(contributorDoc.doc).has(id), 5000, 'placeholder')
    await waitFor(() => has(facilitator.frames, CANARY), 5000, 'restricted content on the facilitator socket')

    // The placeholder: same place, marked restricted, nothing else.
    const placeholder = readBoard(contributorDoc.doc).stories.find((s) => s.id === id)!
    expect(placeholder).toMatchObject({ pos: { x: 40, y: 60 }, sensitivity: 'restricted', text: '', tags: [] })
    expect(placeholder.tellerRole).toBeUndefined()
    expect([...storiesMap(contributorDoc.doc).get(id)!.keys()].sort()).toEqual(['colour', 'createdAt', 'id', 'pos', 'sensitivity', 'size', 'updatedAt', 'z'])
    expect(has(watcher.frames, CANARY) || has(watcher.frames, CANARY_ROLE)).toBe(false)
    expect(has(facilitator.frames, CANARY_ROLE)).toBe(true)
    expect((await stored(board)).includes(Buffer.from(CANARY))).toBe(false)
    expect((await stored(`${board}~restricted`)).includes(Buffer.from(CANARY))).toBe(true)

    // The contributor can still move the placeholder, but writes no content into it.
    const before = watcher.frames.length
    const map = storiesMap(contributorDoc.doc).get(id)!
    contributorDoc.doc.transact(() => map.set('pos', { x: 300, y: 60 }), local)
    await roomHolds(server, board, (d) => (storiesMap(d).get(id)?.get('pos') as { x: number }).x === 300)
    updateStoryFields(contributorDoc.doc, { id, fields: { tellerRole: 'typed into the placeholder' } }, local)
    await waitForRejection(server, board, 'restricted_content')
    expect(await server.lw.rooms.read(board, (d) => storiesMap(d).get(id)?.get('tellerRole'))).toBeUndefined()
    expect(has(watcher.frames.slice(before), 'typed into the placeholder')).toBe(false)
  })

  it('[E6] a client cannot mark a story restricted itself: the server moves it, and the stored history forgets the text', async () => {
    const board = await boardWithContributor()
    const c = connect(board, contributor.token!)
    await synced(c)
    // Writing the marker directly is refused whole (the text would already be everywhere).
    const direct = createStory(c.doc, { pos: { x: 0, y: 0 }, text: 'Direct restricted write', fields: { sensitivity: 'restricted' } }, local)
    expect(direct.ok).toBe(true)
    await waitForRejection(server, board, 'restricted_by_server')
    expect(await server.lw.rooms.read(board, (d) => storiesMap(d).size)).toBe(0)
    c.destroy()

    const fresh = connect(board, contributor.token!)
    await synced(fresh)
    const secret = 'CANARY-moved-5be0 eviction notice'
    const made = createStory(fresh.doc, { pos: { x: 10, y: 10 }, text: secret, fields: { tellerRole: 'tenant' } }, local)
    if (!made.ok) throw new Error('story')
    const id = made.value.id
    await roomHolds(server, board, (d) => storiesMap(d).has(id))
    expect((await stored(board)).includes(Buffer.from(secret))).toBe(true)

    const put = (api: ApiClient, sensitivity: string) => api.request<{ from: string; to: string; error?: { code: string } }>('PUT', `/api/boards/${board}/stories/${id}/sensitivity`, { sensitivity })
    expect((await put(contributor, 'secret')).status).toBe(400)
    const restricted = await put(contributor, 'restricted')
    expect(restricted.status).toBe(200)
    expect(restricted.body).toMatchObject({ from: 'working', to: 'restricted' })
    expect((await stored(board)).includes(Buffer.from(secret))).toBe(false)
    expect((await stored(`${board}~restricted`)).includes(Buffer.from(secret))).toBe(true)
    await waitFor(() => readBoard(fresh.doc).stories.find((s) => s.id === id)?.text === '', 5000, 'content gone from the live copy')

    // A newcomer receives no byte of it.
    const late = raw(board, contributor.token!)
    await waitFor(() => late.frames.length >= 2, 5000, 'greeting')
    expect(has(late.frames, secret)).toBe(false)

    // Lowering it needs someone who can see it.
    expect((await put(contributor, 'working')).status).toBe(403)
    const lowered = await put(server.owner, 'confidential')
    expect(lowered.status).toBe(200)
    await waitFor(() => readBoard(fresh.doc).stories.find((s) => s.id === id)?.text === secret, 5000, 'content back')
    expect(readBoard(fresh.doc).stories.find((s) => s.id === id)).toMatchObject({ sensitivity: 'confidential', tellerRole: 'tenant' })
    expect((await stored(`${board}~restricted`)).includes(Buffer.from(secret))).toBe(false)
    const audit = await server.owner.request<{ entries: Array<{ action: string; details: Record<string, unknown> }> }>('GET', `/api/boards/${board}/audit`)
    const changes = audit.body.entries.filter((e) => e.action === 'story.sensitivity_changed').map((e) => `${e.details.from}>${e.details.to}`)
    expect(changes.sort()).toEqual(['restricted>confidential', 'working>restricted'])
    expect(JSON.stringify(audit.body)).not.toContain(secret)
  })

  it('[E7] the restricted room follows role changes: promoted opens it, demoted is closed and refused', async () => {
    const board = await boardWithContributor()
    const role = (r: string) => server.owner.request('PATCH', `/api/boards/${board}/members/${contributorId}`, { role: r })
    expect((await role('facilitator')).status).toBe(200)
    const open = raw(`${board}~restricted`, contributor.token!)
    await waitFor(() => open.frames.length >= 1, 5000, 'restricted room greeting')
    expect((await role('contributor')).status).toBe(200)
    expect((await open.closed).code).toBe(CLOSE.roleChanged)
    const again = raw(`${board}~restricted`, contributor.token!)
    expect((await again.closed).code).toBe(CLOSE.forbidden)
    expect(again.frames).toHaveLength(0)
  })
})
