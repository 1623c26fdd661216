// Link approval as an attacker with an ordinary account would try it: a co-facilitator of the
// requesting board accepting for the other board, and a facilitator who only knows another
// board's id learning its title or scale, or writing into its audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPostgresStorage } from '../storage/postgres.ts'
import { ApiClient, uniqueEmail } from '../testing/apiClient.ts'
import { startServer, type TestServer } from '../testing/harness.ts'
import { createTestDatabase } from '../testing/postgresDb.ts'

type Link = { id: string; status: string; direction?: string | null; other?: { id: string; title: string | null; scale: string | null; visible: boolean } | null }
type Entry = { action: string; details: { linkId?: string } }

// The board a link waits for is stored (cycle_links.awaiting_board): on both databases.
describe.each(['SQLite', 'PostgreSQL'])('link approval on %s', (database) => {
  let server: TestServer
  let db: Awaited<ReturnType<typeof createTestDatabase>> | null = null

  beforeAll(async () => {
    if (database === 'PostgreSQL') db = await createTestDatabase('lw_link_approval')
    server = await startServer({ authorize: 'roles', ...(db ? { storage: await openPostgresStorage({ url: db.url, poolSize: 4 }) } : {}) })
  })
  afterAll(async () => {
    await server.close()
    await db?.drop()
  })

  const person = async (who: string) => {
    const api = new ApiClient(server.url)
    const email = uniqueEmail(who)
    await api.signUp(email, who)
    return { api, email }
  }
  const addMember = async (owner: ApiClient, boardId: string, email: string, role: string) =>
    expect((await owner.request('POST', `/api/boards/${boardId}/members`, { email, role })).status).toBeLessThan(300)
  const request = (api: ApiClient, from: string, to: string, kind = 'vertical') =>
    api.request<{ link: Link & Record<string, unknown>; error?: { code: string } }>('POST', `/api/boards/${from}/links`, { otherBoardId: to, kind })
  const accept = (api: ApiClient, boardId: string, linkId: string) =>
    api.request<{ link: Link; error?: { code: string; message: string } }>('POST', `/api/boards/${boardId}/links/${linkId}/accept`, {})
  const links = async (api: ApiClient, boardId: string) => (await api.request<{ links: Link[] }>('GET', `/api/boards/${boardId}/links`)).body.links
  const audited = async (api: ApiClient, boardId: string, linkId: string) =>
    (await api.request<{ entries: Entry[] }>('GET', `/api/boards/${boardId}/audit`)).body.entries.filter((e) => e.details.linkId === linkId).map((e) => e.action)

  it('[HD1] a pending link is accepted only by a manager of the other board, never by a co-facilitator of the requesting one', async () => {
    const team = await server.createBoard('Housing team', 'team')
    const cofacilitator = await person('cofacilitator')
    await addMember(server.owner, team, cofacilitator.email, 'facilitator')
    const orgOwner = await person('orgowner')
    const org = await orgOwner.api.createBoard('Council', 'organisation')
    // The co-facilitator even has a role on the organisation board, but does not manage it.
    await addMember(orgOwner.api, org, cofacilitator.email, 'contributor')
    const orgFacilitator = await person('orgfacilitator')
    await addMember(orgOwner.api, org, orgFacilitator.email, 'facilitator')

    const pending = await request(server.owner, team, org)
    expect(pending.status).toBe(201)
    expect(pending.body.link.status).toBe('pending')
    const id = pending.body.link.id

    const byCreator = await accept(server.owner, team, id)
    const byCofacilitator = await accept(cofacilitator.api, team, id)
    const byCofacilitatorThere = await accept(cofacilitator.api, org, id)
    expect([byCreator.status, byCofacilitator.status, byCofacilitatorThere.status]).toEqual([403, 403, 403])
    expect(byCofacilitator.body.error?.message).toMatch(/manager \(owner or facilitator\) of the other board/)
    expect((await server.storage.links.get(id))?.status).toBe('pending')
    expect(await links(cofacilitator.api, team)).toEqual([expect.objectContaining({ id, status: 'pending' })])

    const accepted = await accept(orgFacilitator.api, org, id)
    expect(accepted.status).toBe(200)
    expect(accepted.body.link.status).toBe('active')
    expect((await server.storage.links.get(id))?.status).toBe('active')
  })

  it('[HD1] a pending link stored before the awaiting board was recorded waits for the side its creator does not manage', async () => {
    const team = await server.createBoard('Older team', 'team')
    const cofacilitator = await person('oldcofacilitator')
    await addMember(server.owner, team, cofacilitator.email, 'facilitator')
    const orgOwner = await person('oldorgowner')
    const org = await orgOwner.api.createBoard('Older council', 'organisation')
    const me = (await server.owner.request<{ user: { id: string } }>('GET', '/api/auth/me')).body.user.id
    const id = `older-link-${database}`
    await server.storage.links.create({ id, lowerBoard: team, higherBoard: org, kind: 'vertical', status: 'pending', awaitingBoard: null, createdBy: me, createdAt: new Date().toISOString() })
    expect((await accept(cofacilitator.api, team, id)).status).toBe(403)
    expect((await accept(orgOwner.api, org, id)).status).toBe(200)
  })

  it('[HD2] a link requested to a board its creator cannot see reveals no title, scale or direction of it', async () => {
    const TITLE = 'Secret regional programme 5e1f'
    const team = await server.createBoard('Team that probes', 'team')
    const stranger = await person('stranger')
    // One unseen board of each kind of answer today: higher, lower, the same scale.
    const higher = await stranger.api.createBoard(TITLE, 'region')
    const lower = await stranger.api.createBoard(TITLE, 'person')
    const same = await stranger.api.createBoard(TITLE, 'team')

    const answers = [
      await request(server.owner, team, higher),
      await request(server.owner, team, lower),
      await request(server.owner, team, same),
      // A second link to the same pair is refused whatever the scales.
      await request(server.owner, team, lower, 'horizontal'),
    ]
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 409])
    const shapes = answers.slice(0, 3).map((a) => Object.keys(a.body.link).sort().join(','))
    expect(new Set(shapes).size).toBe(1)
    for (const a of answers.slice(0, 3)) {
      expect(a.body.link.status).toBe('pending')
      expect(JSON.stringify(a.body)).not.toMatch(/region|person|"team"|Secret|lowerBoard|higherBoard/)
    }
    // A horizontal request to an unseen board of another scale is no oracle either.
    const other = await stranger.api.createBoard(TITLE, 'organisation')
    const horizontal = await request(server.owner, team, other, 'horizontal')
    expect(horizontal.status).toBe(201)

    const listed = (await links(server.owner, team)).filter((l) => [higher, lower, same, other].includes(l.other?.id ?? ''))
    expect(listed).toHaveLength(4)
    for (const l of listed) {
      expect(l.other).toEqual({ id: l.other!.id, title: null, scale: null, visible: false })
      expect(l.direction).toBeNull()
    }
    expect(JSON.stringify(listed)).not.toMatch(/Secret|region|organisation|person/)

    // The board asked sees who asks (the request introduces the requesting board), and its
    // manager is told about a scale mismatch only when accepting.
    const seenThere = (await links(stranger.api, higher))[0]!
    expect(seenThere.other).toEqual({ id: team, title: 'Team that probes', scale: 'team', visible: false })
    expect(seenThere.direction).toBe('down')
    const sameId = answers[2]!.body.link.id
    const refused = await accept(stranger.api, same, sameId)
    expect(refused.status).toBe(400)
    expect(refused.body.error?.code).toBe('same_scale')
    expect((await accept(stranger.api, other, horizontal.body.link.id)).body.error?.code).toBe('different_scale')
    expect((await server.storage.links.get(sameId))?.status).toBe('pending')

    // Once accepted, the link is what the two boards agreed: the direction follows the scales.
    expect((await accept(stranger.api, lower, answers[1]!.body.link.id)).status).toBe(200)
    expect((await accept(stranger.api, higher, answers[0]!.body.link.id)).status).toBe(200)
    const after = await links(server.owner, team)
    expect(after.find((l) => l.other?.id === higher)).toMatchObject({ status: 'active', direction: 'up', other: { title: TITLE, scale: 'region' } })
    expect(after.find((l) => l.other?.id === lower)).toMatchObject({ status: 'active', direction: 'down', other: { title: TITLE, scale: 'person' } })
  })

  it('[HD3] a pending link audits only boards where its creator has a role; acceptance audits both', async () => {
    const team = await server.createBoard('Auditing team', 'team')
    const stranger = await person('auditstranger')
    const org = await stranger.api.createBoard('Their council', 'organisation')
    const place = await stranger.api.createBoard('Their place', 'place')
    const observed = await stranger.api.createBoard('Council I observe', 'organisation')
    const me = (await server.owner.request<{ user: { email: string } }>('GET', '/api/auth/me')).body.user.email
    await addMember(stranger.api, observed, me, 'observer')

    const toOrg = (await request(server.owner, team, org)).body.link.id
    const toPlace = (await request(server.owner, team, place)).body.link.id
    const toObserved = (await request(server.owner, team, observed)).body.link.id
    expect(await audited(server.owner, team, toOrg)).toEqual(['link.created'])
    expect(await audited(stranger.api, org, toOrg)).toEqual([])
    // Where the creator has a role (here an observer) the request is audited there too.
    expect(await audited(stranger.api, observed, toObserved)).toEqual(['link.created'])

    // Withdrawn before anyone answered: still nothing on the board that never agreed.
    expect((await server.owner.request('DELETE', `/api/boards/${team}/links/${toPlace}`)).status).toBe(200)
    expect(await audited(stranger.api, place, toPlace)).toEqual([])
    expect(await audited(server.owner, team, toPlace)).toEqual(['link.removed', 'link.created'])

    // Accepted: both boards audit the acceptance and, later, the removal.
    expect((await accept(stranger.api, org, toOrg)).status).toBe(200)
    expect((await server.owner.request('DELETE', `/api/boards/${team}/links/${toOrg}`)).status).toBe(200)
    expect(await audited(stranger.api, org, toOrg)).toEqual(['link.removed', 'link.accepted'])
    expect(await audited(server.owner, team, toOrg)).toEqual(['link.removed', 'link.accepted', 'link.created'])
  })
})
