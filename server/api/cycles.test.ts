// Connected learning cycles: links, raising patterns as conditions, answering back down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readConditions, readRaised, readReferences } from '../../shared/model/condition.ts'
import { ROOT } from '../../shared/model/layout.ts'
import { createPattern, deletePattern, updatePattern } from '../../shared/ops/pattern.ts'
import { createStory } from '../../shared/ops/story.ts'
import { ApiClient, uniqueEmail } from '../testing/apiClient.ts'
import { connectClient, roomHolds, startServer, synced, waitFor, type TestClient, type TestServer } from '../testing/harness.ts'

const local = { kind: 'local' } as const
const CANARY = 'CANARY-restricted-7f3a'

describe('connected learning cycles', () => {
  let server: TestServer
  const clients: TestClient[] = []
  const connect = (boardId: string, token = server.owner.token) => {
    const c = connectClient(server.wsUrl, boardId, token ? { token } : {})
    clients.push(c)
    return c
  }
  const storedBytes = async (boardId: string) => {
    const s = await server.storage.docs.load(boardId)
    return Buffer.concat([...(s.snapshot ? [s.snapshot] : []), ...s.updates])
  }

  /** A team board with one pattern of three stories (working, confidential, restricted). */
  async function teamWithPattern() {
    const team = await server.createBoard('Benefits team', 'team')
    const org = await server.createBoard('City council', 'organisation')
    const c = connect(team)
    await synced(c)
    const ids = [
      createStory(c.doc, { pos: { x: 0, y: 0 }, text: 'Waited six weeks for a decision', fields: { tellerRole: 'tenant', outcome: 'worse', consent: { givenBy: 'tenant', covers: ['board', 'linkedBoards', 'quotes'], date: '2026-11-20' } } }, local),
      createStory(c.doc, { pos: { x: 0, y: 0 }, text: 'Confidential detail about arrears', fields: { sensitivity: 'confidential', outcome: 'worse' } }, local),
    ].map((r) => (r.ok ? r.value.id : ''))
    // Restricted stories are written through the server: the shared document holds a placeholder only.
    const restricted = await server.owner.request<{ id: string }>('POST', `/api/boards/${team}/stories`, {
      pos: { x: 0, y: 0 },
      text: `${CANARY} health and offending detail`,
      fields: { sensitivity: 'restricted' },
    })
    ids.push(restricted.body.id)
    await waitFor(() => c.doc.getMap('stories').has(restricted.body.id))
    const p = createPattern(c.doc, { name: 'Decisions take too long', area: { x: 0, y: 0, w: 600, h: 400 }, storyIds: ids }, local)
    if (!p.ok) throw new Error('pattern')
    await roomHolds(server, team, (d) => d.getMap('members').size === 3)
    return { team, org, patternId: p.value.id, teamClient: c }
  }
  const link = (from: string, to: string, api = server.owner) =>
    api.request<{ link: { id: string; status: string } }>('POST', `/api/boards/${from}/links`, { otherBoardId: to, kind: 'vertical' })
  const raise = (team: string, patternId: string, org: string, api = server.owner) =>
    api.request<{ condition: { id: string }; created: boolean; error?: { code: string } }>('POST', `/api/boards/${team}/patterns/${patternId}/raise`, {
      targetBoardId: org,
      kind: 'barrier',
      note: 'It matters because people fall into arrears while waiting',
    })

  beforeAll(async () => {
    server = await startServer({ authorize: 'roles' })
  })
  afterAll(async () => {
    for (const c of clients) c.destroy()
    await server.close()
  })

  it('[CY1] raising is refused without rights on either board and without an upward link', async () => {
    const { team, org, patternId } = await teamWithPattern()
    expect((await raise(team, patternId, org)).body.error?.code).toBe('not_linked')
    expect((await link(team, org)).body.link.status).toBe('active')
    const outsider = new ApiClient(server.url)
    await outsider.signUp(uniqueEmail('outsider'), 'Outsider')
    expect((await raise(team, patternId, org, outsider)).status).toBe(403)
    // A contributor on the team who has no role on the organisation board.
    const member = new ApiClient(server.url)
    const email = uniqueEmail('member')
    await member.signUp(email, 'Member')
    await server.owner.request('POST', `/api/boards/${team}/members`, { email, role: 'contributor' })
    expect((await raise(team, patternId, org, member)).status).toBe(403)
    // Observers on the organisation board cannot raise onto it either.
    await server.owner.request('POST', `/api/boards/${org}/members`, { email, role: 'observer' })
    expect((await raise(team, patternId, org, member)).status).toBe(403)
    // Downwards is not a raise.
    const person = await server.createBoard('A practitioner', 'person')
    await link(person, team)
    expect((await raise(team, patternId, person)).body.error?.code).toBe('not_linked')
  })

  it('[CY2][E15][E16] a raise puts a card on the higher board with counts and no story words, quotes only working stories through the endpoint, marks the pattern, and is idempotent', async () => {
    const { team, org, patternId, teamClient } = await teamWithPattern()
    await link(team, org)
    const orgClient = connect(org)
    await synced(orgClient)
    const first = await raise(team, patternId, org)
    expect(first.status).toBe(201)
    const again = await raise(team, patternId, org)
    expect(again.status).toBe(200)
    expect(again.body.created).toBe(false)
    expect(again.body.condition.id).toBe(first.body.condition.id)

    await waitFor(() => readConditions(orgClient.doc).length === 1)
    const card = readConditions(orgClient.doc)[0]!
    expect(card).toMatchObject({
      kind: 'barrier',
      name: 'Decisions take too long',
      status: 'raised',
      evidence: { stories: 3, working: 1, confidential: 1, restricted: 1 },
      source: { boardId: team, patternId, scale: 'team' },
      raisedBy: 'Owner',
    })
    expect(card.evidence).not.toHaveProperty('quotes')
    const quoted = await server.owner.request<{ quotes: unknown[] }>('GET', `/api/conditions/${card.id}/quotes`)
    expect(quoted.body.quotes).toEqual([{ text: 'Waited six weeks for a decision', role: 'supports', teller: 'tenant', levels: 1, scale: 'team' }])
    await waitFor(() => readRaised(teamClient.doc, patternId).length === 1)
    expect(readRaised(teamClient.doc, patternId)[0]).toMatchObject({ status: 'raised', target: { boardId: org } })

    // Neither the restricted nor the confidential text is anywhere in the higher board.
    const encoded = Buffer.from(Y.encodeStateAsUpdate(orgClient.doc))
    expect(encoded.includes(Buffer.from(CANARY))).toBe(false)
    expect(encoded.includes(Buffer.from('Confidential detail'))).toBe(false)
    expect(encoded.includes(Buffer.from('Waited six weeks'))).toBe(false)
    expect((await storedBytes(org)).includes(Buffer.from(CANARY))).toBe(false)
  })

  it('[CY3] the higher board answers: status and responses appear live on the raising pattern; declining needs a reason', async () => {
    const { team, org, patternId, teamClient } = await teamWithPattern()
    await link(team, org)
    const id = (await raise(team, patternId, org)).body.condition.id
    const patch = (body: unknown) => server.owner.request<{ error?: { code: string } }>('PATCH', `/api/conditions/${id}`, body)
    expect((await patch({ status: 'acknowledged', response: 'We see this in our data too' })).status).toBe(200)
    await waitFor(() => readRaised(teamClient.doc, patternId)[0]?.status === 'acknowledged')
    expect(readRaised(teamClient.doc, patternId)[0]!.responses.map((r) => r.text)).toEqual(['We see this in our data too'])
    expect((await patch({ status: 'declined' })).status).toBe(400)
    expect((await patch({ status: 'declined', reason: 'Statutory timescales apply' })).status).toBe(200)
    await waitFor(() => readRaised(teamClient.doc, patternId)[0]?.status === 'declined')
    expect(readRaised(teamClient.doc, patternId)[0]!.declineReason).toBe('Statutory timescales apply')
    const orgCard = await server.lw.rooms.read(org, (d) => readConditions(d)[0])
    expect(orgCard).toMatchObject({ status: 'declined', declineReason: 'Statutory timescales apply' })
    // Only people with a role on the higher board answer.
    const outsider = new ApiClient(server.url)
    await outsider.signUp(uniqueEmail('outsider'), 'Outsider')
    expect((await outsider.request('PATCH', `/api/conditions/${id}`, { status: 'resolved' })).status).toBe(403)
  })

  it('[CY4] provenance resolves only for people with access to the raising board', async () => {
    const { team, org, patternId } = await teamWithPattern()
    await link(team, org)
    const id = (await raise(team, patternId, org)).body.condition.id
    expect((await server.owner.request<{ patternId: string }>('GET', `/api/conditions/${id}/evidence`)).body.patternId).toBe(patternId)
    const orgOnly = new ApiClient(server.url)
    const email = uniqueEmail('org')
    await orgOnly.signUp(email, 'Org member')
    await server.owner.request('POST', `/api/boards/${org}/members`, { email, role: 'contributor' })
    const refused = await orgOnly.request<{ error: { code: string; message: string } }>('GET', `/api/conditions/${id}/evidence`)
    expect(refused.status).toBe(403)
    expect(refused.body.error.code).toBe('no_source_access')
  })

  it('[CY5] every raise, response and link change is audited; the map shows both cycles, their link and open counts', async () => {
    const { team, org, patternId } = await teamWithPattern()
    const l = await link(team, org)
    const id = (await raise(team, patternId, org)).body.condition.id
    await server.owner.request('PATCH', `/api/conditions/${id}`, { status: 'in_progress' })
    for (const board of [team, org]) {
      const audit = await server.owner.request<{ entries: Array<{ action: string }> }>('GET', `/api/boards/${board}/audit`)
      const actions = audit.body.entries.map((e) => e.action)
      for (const a of ['link.created', 'condition.raised', 'condition.responded']) expect(actions).toContain(a)
    }
    const map = await server.owner.request<{ cycles: Array<{ id: string; raised: { barriers: number }; received: { barriers: number } }>; links: Array<{ id: string }> }>('GET', '/api/cycles/map')
    expect(map.body.links.map((x) => x.id)).toContain(l.body.link.id)
    expect(map.body.cycles.find((c) => c.id === team)?.raised.barriers).toBe(1)
    expect(map.body.cycles.find((c) => c.id === org)?.received.barriers).toBe(1)
    expect((await server.owner.request('DELETE', `/api/boards/${team}/links/${l.body.link.id}`)).status).toBe(200)
    const audit = await server.owner.request<{ entries: Array<{ action: string }> }>('GET', `/api/boards/${org}/audit`)
    expect(audit.body.entries.map((e) => e.action)).toContain('link.removed')
  })

  it('[CY6] a link made by someone who manages only one side waits for the other side to accept', async () => {
    const team = await server.createBoard('Team', 'team')
    const other = new ApiClient(server.url)
    await other.signUp(uniqueEmail('orgowner'), 'Org owner')
    const org = await other.createBoard('Their organisation', 'organisation')
    const pending = await link(team, org)
    expect(pending.body.link.status).toBe('pending')
    expect((await server.owner.request('POST', `/api/boards/${team}/links/${pending.body.link.id}/accept`, {})).status).toBe(403)
    const accepted = await other.request<{ link: { status: string } }>('POST', `/api/boards/${org}/links/${pending.body.link.id}/accept`, {})
    expect(accepted.body.link.status).toBe('active')
    expect(Object.keys(ROOT)).toContain('conditions')
  })

  it('[CY7] a pattern shared with a peer appears there read-only and stays in step with the original', async () => {
    const { team, patternId, teamClient } = await teamWithPattern()
    const peer = await server.createBoard('Neighbouring team', 'team')
    const org = await server.createBoard('Org', 'organisation')
    const share = (target: string) =>
      server.owner.request<{ share: { id: string }; created: boolean; error?: { code: string } }>('POST', `/api/boards/${team}/patterns/${patternId}/share`, { targetBoardId: target })
    expect((await share(peer)).body.error?.code).toBe('not_linked')
    await link(team, org)
    expect((await share(org)).body.error?.code).toBe('not_linked') // vertical links raise, not share
    await server.owner.request('POST', `/api/boards/${team}/links`, { otherBoardId: peer, kind: 'horizontal' })
    const first = await share(peer)
    expect(first.status).toBe(201)
    expect((await share(peer)).body.created).toBe(false)
    const peerClient = connect(peer)
    await synced(peerClient)
    await waitFor(() => readReferences(peerClient.doc).length === 1)
    expect(readReferences(peerClient.doc)[0]).toMatchObject({ name: 'Decisions take too long', live: true, evidence: { stories: 3, restricted: 1 } })
    expect(Buffer.from(Y.encodeStateAsUpdate(peerClient.doc)).includes(Buffer.from(CANARY))).toBe(false)
    updatePattern(teamClient.doc, { id: patternId, name: 'Decisions take far too long' }, local)
    await waitFor(() => readReferences(peerClient.doc)[0]?.name === 'Decisions take far too long', 8000, 'reference follows the original')
    // Peers cannot write the reference themselves.
    peerClient.doc.getMap('references').set(first.body.share.id, { forged: true })
    const room = await server.lw.rooms.peek(peer)
    await waitFor(() => (room?.stats().rejected.server_only ?? 0) >= 1)
    expect((await server.owner.request('DELETE', `/api/shares/${first.body.share.id}`)).status).toBe(200)
    const other = connect(peer)
    await synced(other)
    await waitFor(() => readReferences(other.doc).length === 0)
  })

  it('[CY8] shares are listed on the source board; a deleted original stays as "no longer live"; unsharing checks the role and is audited', async () => {
    const { team, patternId, teamClient } = await teamWithPattern()
    const peer = await server.createBoard('Peer team', 'team')
    await server.owner.request('POST', `/api/boards/${team}/links`, { otherBoardId: peer, kind: 'horizontal' })
    const shared = await server.owner.request<{ share: { id: string } }>('POST', `/api/boards/${team}/patterns/${patternId}/share`, { targetBoardId: peer })
    const shareId = shared.body.share.id
    type Listed = { shares: Array<{ id: string; patternId: string; target: { id: string; title: string } | null }>; error?: { code: string } }
    const listed = await server.owner.request<Listed>('GET', `/api/boards/${team}/shares`)
    expect(listed.body.shares).toEqual([expect.objectContaining({ id: shareId, patternId, target: expect.objectContaining({ id: peer, title: 'Peer team' }) })])
    // Someone without a role on the source board sees nothing of its shares.
    const outsider = new ApiClient(server.url)
    await outsider.signUp(uniqueEmail('outsider'), 'Outsider')
    expect((await outsider.request('GET', `/api/boards/${team}/shares`)).status).toBe(403)
    // A contributor on the peer board (below facilitator, no role on the source) cannot take it away.
    const email = uniqueEmail('peer-member')
    const peerMember = new ApiClient(server.url)
    await peerMember.signUp(email, 'Peer member')
    await server.owner.request('POST', `/api/boards/${peer}/members`, { email, role: 'contributor' })
    expect((await peerMember.request('DELETE', `/api/shares/${shareId}`)).status).toBe(403)
    // The original is deleted: the card stays, marked as no longer live.
    const peerClient = connect(peer)
    await synced(peerClient)
    await waitFor(() => readReferences(peerClient.doc)[0]?.live === true)
    expect(deletePattern(teamClient.doc, { id: patternId }, local).ok).toBe(true)
    await waitFor(() => readReferences(peerClient.doc)[0]?.live === false, 8000, 'reference marked not live')
    expect(readReferences(peerClient.doc)[0]?.name).toBe('Decisions take too long')
    expect((await server.owner.request('DELETE', `/api/shares/${shareId}`)).status).toBe(200)
    expect((await server.owner.request<Listed>('GET', `/api/boards/${team}/shares`)).body.shares).toEqual([])
    await waitFor(() => readReferences(peerClient.doc).length === 0)
    for (const board of [team, peer]) {
      const audit = await server.owner.request<{ entries: Array<{ action: string }> }>('GET', `/api/boards/${board}/audit`)
      expect(audit.body.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['pattern.shared', 'pattern.unshared']))
    }
  })
  it("[CY9][E16] a raised card's evidence follows the pattern: a story made confidential stops being quoted up; restricted too, and the higher board never stored its words", async () => {
    const { team, org, patternId, teamClient } = await teamWithPattern()
    await link(team, org)
    const orgClient = connect(org)
    await synced(orgClient)
    expect((await raise(team, patternId, org)).status).toBe(201)
    const QUOTE = 'Waited six weeks for a decision'
    const conditionId = readConditions(await server.lw.rooms.read(org, (d) => d))[0]!.id
    let last: string[] = []
    const quotes = () => last
    const refresh = async () => {
      const res = await server.owner.request<{ quotes: Array<{ text: string }> }>('GET', `/api/conditions/${conditionId}/quotes`)
      last = res.body.quotes.map((q) => q.text)
      return last
    }
    await waitFor(async () => (await refresh()).includes(QUOTE))
    const working = [...teamClient.doc.getMap<Y.Map<unknown>>('stories').entries()].find(
      ([, m]) => m.get('sensitivity') === undefined || m.get('sensitivity') === 'working',
    )![0]

    // Made confidential (through the server, as the story panel does).
    const sensitivity = (to: string) => server.owner.request('PUT', `/api/boards/${team}/stories/${working}/sensitivity`, { sensitivity: to })
    expect((await sensitivity('confidential')).status).toBe(200)
    // Read at once: nothing to settle.
    expect(await refresh()).toEqual([])
    await waitFor(async () => !(await refresh()).includes(QUOTE), 10_000, 'quote withdrawn from the card')
    expect(quotes()).toEqual([])
    await waitFor(() => readConditions(orgClient.doc)[0]!.evidence.confidential === 2, 10_000, 'counts follow')
    expect(readConditions(orgClient.doc)[0]!.evidence).toMatchObject({ working: 0, confidential: 2, restricted: 1 })
    // And back: consent covers quotes on linked boards, so the quote returns.
    expect((await sensitivity('working')).status).toBe(200)
    await waitFor(async () => (await refresh()).includes(QUOTE), 10_000, 'quote back on the card')

    // Restricted through the server: gone from the card at once; the org board never stored its words.
    const r = await server.owner.request(
      'PUT',
      `/api/boards/${team}/stories/${working}/sensitivity`,
      { sensitivity: 'restricted' },
    )
    expect(r.status).toBe(200)
    const cards = await server.lw.rooms.read(org, (d) => readConditions(d))
    expect(await refresh()).toEqual([])
    expect(cards[0]!.evidence.restricted).toBe(2)
    expect((await storedBytes(org)).includes(Buffer.from(QUOTE))).toBe(false)
  })
})
