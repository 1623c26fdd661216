// The evidence chain across scales, over real sockets, HTTP and a real SQLite file: two person
// boards raise to a team board, which clusters their cards with a story of its own into a pattern
// and raises it to an organisation board. What the organisation's card carries is computed from
// the server's records, level by level: counts (each story once), quotes with their roles and
// tellers, measures summed; a withdrawal two levels down leaves every level at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readConditions, readRaised, type CarriedMeasure, type CarriedQuote } from '../../shared/model/condition.ts'
import { createPattern } from '../../shared/ops/pattern.ts'
import { setCardMembership } from '../../shared/ops/placement.ts'
import type { ChainNode } from '../../shared/model/chainNode.ts'
import { createStory } from '../../shared/ops/story.ts'
import { ApiClient } from '../testing/apiClient.ts'
import { connectClient, roomHolds, startServer, synced, waitFor, type TestClient, type TestServer } from '../testing/harness.ts'

const local = { kind: 'local' } as const
const consent = (givenBy: string) => ({ givenBy, covers: ['board', 'linkedBoards', 'quotes'], date: '2026-11-20' })

type Story = { text: string; role?: 'counter-example'; fields?: Record<string, unknown> }

describe('the evidence chain across scales', () => {
  let server: TestServer
  const clients: TestClient[] = []
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(async () => {
    for (const c of clients) c.destroy()
    await server.close()
  })
  const connect = async (room: string) => {
    const c = connectClient(server.wsUrl, room, { token: server.owner.token! })
    clients.push(c)
    await synced(c)
    return c
  }
  const link = async (lower: string, higher: string) =>
    expect((await server.owner.request('POST', `/api/boards/${lower}/links`, { otherBoardId: higher, kind: 'vertical' })).status).toBe(201)
  const raise = async (board: string, patternId: string, target: string, kind = 'barrier') => {
    const res = await server.owner.request<{ condition: { id: string } }>('POST', `/api/boards/${board}/patterns/${patternId}/raise`, { targetBoardId: target, kind })
    expect(res.status).toBe(201)
    return res.body.condition.id
  }
  const chainOf = (id: string) => server.owner.request<{ quotes: CarriedQuote[]; measures: CarriedMeasure[] }>('GET', `/api/conditions/${id}/quotes`)

  /** A board with one pattern of `stories` (and `cards` from below); returns the ids. */
  async function patternOn(board: string, stories: Story[], cards: Array<{ id: string; role?: 'counter-example' }> = []) {
    const c = await connect(board)
    const ids = stories.map((s, i) => {
      const made = createStory(c.doc, { pos: { x: 300 * i, y: 5 }, text: s.text, fields: s.fields }, local)
      if (!made.ok) throw new Error(made.error.message)
      return made.value.id
    })
    const pattern = createPattern(c.doc, { name: `Pattern on ${board}`, area: { x: 0, y: 0, w: 2000, h: 400 }, storyIds: ids }, local)
    if (!pattern.ok) throw new Error('pattern')
    stories.forEach((s, i) => s.role && c.doc.getMap('members').set(ids[i]!, { pattern: pattern.value.id, role: s.role }))
    for (const card of cards) {
      await waitFor(() => c.doc.getMap('conditions').has(card.id), 5000, 'the card from below')
      const r = setCardMembership(c.doc, { conditionId: card.id, pattern: pattern.value.id, role: card.role ?? 'supports' }, local)
      if (!r.ok) throw new Error(r.error.message)
    }
    await roomHolds(server, board, (d) => d.getMap('members').size === stories.length + cards.length)
    return { client: c, patternId: pattern.value.id, storyIds: ids }
  }

  /** Two practitioners raise to a team; the team clusters both cards with a story and raises it up. */
  async function chain() {
    const [ann, bea, team, org] = [
      await server.createBoard('Ann’s practice', 'person'),
      await server.createBoard('Bea’s practice', 'person'),
      await server.createBoard('Housing team', 'team'),
      await server.createBoard('County council', 'organisation'),
    ]
    await link(ann, team)
    await link(bea, team)
    await link(team, org)
    const annP = await patternOn(ann, [
      { text: 'Ann met 12 families waiting on legal review', fields: { tellerRole: 'support worker', consent: consent('Practitioner A'), measures: [{ name: 'People seen', value: 12, unit: 'people' }] } },
      { text: 'One family was housed within a week', role: 'counter-example', fields: { consent: consent('Practitioner A') } },
    ])
    const beaP = await patternOn(bea, [
      { text: 'Bea saw 11 more stuck in review', fields: { consent: consent('Practitioner B'), measures: [{ name: 'people seen', value: 11, unit: 'People' }] } },
      { text: 'Confidential: counted, never quoted', fields: { sensitivity: 'confidential', measures: [{ name: 'People seen', value: 100, unit: 'people' }] } },
    ])
    const annCard = await raise(ann, annP.patternId, team)
    const beaCard = await raise(bea, beaP.patternId, team)
    const teamP = await patternOn(
      team,
      [{ text: 'Five months in legal review', fields: { consent: consent('Team lead'), measures: [{ name: 'Legal review', value: 5, unit: 'months' }] } }],
      [{ id: annCard }, { id: beaCard }],
    )
    const orgCard = await raise(team, teamP.patternId, org)
    return { ann, bea, team, org, annP, beaP, teamP, annCard, beaCard, orgCard }
  }

  it('[CY22] the organisation’s card counts every story of the chain below once, with what came from below', async () => {
    const { org, orgCard } = await chain()
    const card = await server.lw.rooms.read(org, (d) => readConditions(d).find((c) => c.id === orgCard))
    expect(card?.evidence).toMatchObject({ stories: 5, supports: 4, counterExamples: 1, working: 4, confidential: 1, fromBelow: 4 })
    // No story's words in the organisation's document.
    const words = await server.lw.rooms.read(org, (d) => JSON.stringify(d.toJSON()))
    expect(words).not.toContain('legal review')
    expect(words).not.toContain('People seen')
  })

  it('[CY23] quotes come from every level with their role, teller and level; measures are summed by name and unit', async () => {
    const { orgCard } = await chain()
    const { body } = await chainOf(orgCard)
    // Nearest level first; within a level, in the order of the cards.
    expect(body.quotes.map((q) => q.levels)).toEqual([1, 2, 2, 2])
    expect([...body.quotes].sort((a, b) => a.text.localeCompare(b.text))).toEqual([
      { text: 'Ann met 12 families waiting on legal review', role: 'supports', teller: 'Practitioner A', levels: 2, scale: 'person' },
      { text: 'Bea saw 11 more stuck in review', role: 'supports', teller: 'Practitioner B', levels: 2, scale: 'person' },
      { text: 'Five months in legal review', role: 'supports', teller: 'Team lead', levels: 1, scale: 'team' },
      { text: 'One family was housed within a week', role: 'counter-example', teller: 'Practitioner A', levels: 2, scale: 'person' },
    ])
    // The confidential story's measure stays below; the others add up case-insensitively.
    expect(body.measures.map((m) => ({ ...m, name: m.name.toLowerCase(), unit: m.unit.toLowerCase() }))).toEqual([
      { name: 'legal review', unit: 'months', count: 1, sum: 5 },
      { name: 'people seen', unit: 'people', count: 2, sum: 23 },
    ])
  })

  it('[CY22] a story that arrives by two paths counts once, and a counter-example on either stays one', async () => {
    const { ann, org, annP, orgCard } = await chain()
    // Ann's pattern also goes straight to the organisation; the organisation clusters both cards.
    await link(ann, org)
    const direct = await raise(ann, annP.patternId, org)
    const region = await server.createBoard('Region', 'region')
    await link(org, region)
    const orgP = await patternOn(org, [], [{ id: orgCard }, { id: direct, role: 'counter-example' }])
    const regionCard = await raise(org, orgP.patternId, region)
    const card = await server.lw.rooms.read(region, (d) => readConditions(d).find((c) => c.id === regionCard))
    // 5 stories, Ann's two once each; by the direct path both of hers are counter-examples.
    expect(card?.evidence).toMatchObject({ stories: 5, supports: 3, counterExamples: 2, fromBelow: 5 })
  })

  it('[CY24] a practitioner’s withdrawn story leaves every level of the chain at once', async () => {
    const { ann, team, org, annP, annCard, orgCard } = await chain()
    const withdrawn = annP.storyIds[0]!
    const res = await server.owner.request('POST', `/api/boards/${ann}/stories/${withdrawn}/withdraw`)
    expect(res.status).toBe(200)
    // Right after the answer, without waiting: quotes at both levels, and the counts on both cards.
    for (const id of [annCard, orgCard]) expect(JSON.stringify((await chainOf(id)).body)).not.toContain('Ann met 12')
    expect((await chainOf(annCard)).body.measures).toEqual([])
    expect((await chainOf(orgCard)).body.measures.find((m) => m.name === 'people seen')).toEqual({ name: 'people seen', unit: 'People', count: 1, sum: 11 })
    const teamCard = await server.lw.rooms.read(team, (d) => readConditions(d).find((c) => c.id === annCard))
    const orgCardNow = await server.lw.rooms.read(org, (d) => readConditions(d).find((c) => c.id === orgCard))
    expect(teamCard?.evidence.stories).toBe(1)
    expect(orgCardNow?.evidence.stories).toBe(4)
  })

  it('[CY25] an answer two levels up reaches both practitioners’ boards, with where it came from', async () => {
    const { ann, bea, org, annP, beaP, annCard, beaCard, orgCard } = await chain()
    const further = (board: string, patternId: string, card: string) =>
      server.lw.rooms.read(board, (d) => readRaised(d, patternId).find((m) => m.conditionId === card)?.further ?? [])
    // Raised: they learn where their evidence went.
    expect(await further(ann, annP.patternId, annCard)).toMatchObject([{ conditionId: orgCard, levels: 2, status: 'raised', target: { boardId: org, title: 'County council', scale: 'organisation' } }])
    const res = await server.owner.request('PATCH', `/api/conditions/${orgCard}`, { status: 'resolved', response: 'Legal review now takes two weeks' })
    expect(res.status).toBe(200)
    for (const [board, patternId, card] of [[ann, annP.patternId, annCard], [bea, beaP.patternId, beaCard]] as const) {
      const answers = await further(board, patternId, card)
      expect(answers).toHaveLength(1)
      expect(answers[0]).toMatchObject({ conditionId: orgCard, levels: 2, status: 'resolved', target: { title: 'County council' } })
      expect(answers[0]!.responses.map((r) => r.text)).toEqual(['Legal review now takes two weeks'])
    }
  })

  it('[CY26] where a card came from: the chain below it, at each node only what the reader’s roles allow', async () => {
    const { ann, team, org, teamP, annP, orgCard } = await chain()
    const invite = await server.owner.request<{ token: string }>('POST', `/api/boards/${org}/invites`, { role: 'contributor' })
    const director = new ApiClient(server.url)
    expect((await director.request('POST', `/api/invites/${invite.body.token}/accept`, { displayName: 'Director' })).status).toBe(201)
    const chainFor = async (api: ApiClient) => (await api.request<{ chain: ChainNode }>('GET', `/api/conditions/${orgCard}/chain`)).body.chain

    // The owner has a role on every board: patterns and stories at every level.
    const full = await chainFor(server.owner)
    expect(full).toMatchObject({ access: true, board: { id: team, title: 'Housing team' }, pattern: { id: teamP.patternId }, evidence: { stories: 5 } })
    expect(full.stories.map((s) => s.text)).toEqual(['Five months in legal review'])
    expect(full.below).toHaveLength(2)
    const annNode = full.below.find((n) => n.board.id === ann)!
    expect(annNode).toMatchObject({ access: true, board: { title: 'Ann’s practice', scale: 'person' }, pattern: { id: annP.patternId } })
    expect(annNode.stories.map((s) => s.role).sort()).toEqual(['counter-example', 'supports'])

    // The director has a role on the organisation board only: counts and what was carried.
    const seen = await chainFor(director)
    expect(seen).toMatchObject({ access: false, board: { id: null, title: 'Housing team', scale: 'team' }, pattern: null, stories: [], evidence: { stories: 5, fromBelow: 4 } })
    expect(seen.quotes.map((q) => q.text)).toEqual(['Five months in legal review'])
    expect(seen.below.map((n) => n.board)).toEqual([
      { id: null, title: null, scale: 'person' },
      { id: null, title: null, scale: 'person' },
    ])
    const quotedBelow = seen.below.flatMap((n) => n.quotes.map((q) => `${q.text}|${q.role}`)).sort()
    expect(quotedBelow).toEqual(['Ann met 12 families waiting on legal review|supports', 'Bea saw 11 more stuck in review|supports', 'One family was housed within a week|counter-example'])
    expect(JSON.stringify(seen)).not.toContain('Confidential: counted')
    // Someone with no role on either end of the card sees nothing.
    const stranger = new ApiClient(server.url)
    await stranger.signUp(`stranger-${Date.now()}@example.org`, 'Stranger')
    expect((await stranger.request('GET', `/api/conditions/${orgCard}/chain`)).status).toBe(403)
  })

  it('[CY27] the map shows a team member the whole chain through active links: scales always, person titles hidden, open and answered counts', async () => {
    const { ann, bea, team, org, orgCard } = await chain()
    const elsewhere = await server.createBoard('Unlinked practice', 'person')
    const invite = await server.owner.request<{ token: string }>('POST', `/api/boards/${team}/invites`, { role: 'contributor' })
    const member = new ApiClient(server.url)
    expect((await member.request('POST', `/api/invites/${invite.body.token}/accept`, { displayName: 'Team member' })).status).toBe(201)
    expect((await server.owner.request('PATCH', `/api/conditions/${orgCard}`, { status: 'resolved', response: 'Done' })).status).toBe(200)
    type Cycle = { id: string; title: string; titleHidden: boolean; scale: string; role: string | null; received: { barriers: number; answered: number; medianAnswerHours: number | null }; raised: { barriers: number; answered: number } }
    const map = (await member.request<{ cycles: Cycle[]; links: Array<{ lower: string; higher: string; status: string }> }>('GET', '/api/cycles/map')).body
    const byId = new Map(map.cycles.map((c) => [c.id, c]))
    expect([...byId.keys()].sort()).toEqual([ann, bea, team, org].sort())
    expect(byId.get(team)).toMatchObject({ title: 'Housing team', role: 'contributor', received: { barriers: 2, answered: 0 }, raised: { barriers: 0, answered: 1 } })
    expect(byId.get(org)).toMatchObject({ title: 'County council', titleHidden: false, scale: 'organisation', role: null, received: { barriers: 0, answered: 1 } })
    expect(byId.get(org)!.received.medianAnswerHours).toBeGreaterThanOrEqual(0)
    for (const id of [ann, bea]) expect(byId.get(id)).toMatchObject({ titleHidden: true, scale: 'person', role: null, raised: { barriers: 1 } })
    expect(JSON.stringify(map)).not.toContain('Ann’s practice')
    expect(JSON.stringify(map)).not.toContain(elsewhere)
    expect(map.links.every((l) => l.status === 'active')).toBe(true)
    expect(map.links).toHaveLength(3)
  })
})
