// Evidence by reference, over real sockets, HTTP and a real SQLite file: cards raised to a higher
// board or shared with a peer hold no story's words in those boards' documents, stored history or
// versions; their quotes are resolved from the source board when read, under its rules, and stop
// the moment the source withdraws or restricts. The raw database file is searched for canaries.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { exportBoard } from '../../shared/export/exportBoard.ts'
import { readConditions, readReferences, type CarriedQuote } from '../../shared/model/condition.ts'
import { metaMap, ROOT, storiesMap } from '../../shared/model/layout.ts'
import { createPattern } from '../../shared/ops/pattern.ts'
import { createStory } from '../../shared/ops/story.ts'
import { newId } from '../../shared/model/ids.ts'
import { fragmentText } from '../../shared/model/richText.ts'
import { ApiClient, uniqueEmail } from '../testing/apiClient.ts'
import { connectClient, roomHolds, startServer, synced, waitFor, type TestClient, type TestServer } from '../testing/harness.ts'

const local = { kind: 'local' } as const
const consent = { givenBy: 'tenant', covers: ['board', 'linkedBoards', 'quotes'], date: '2026-11-20' }

describe('evidence by reference', () => {
  let server: TestServer
  const clients: TestClient[] = []
  const connect = (room: string) => {
    const c = connectClient(server.wsUrl, room, { token: server.owner.token! })
    clients.push(c)
    return c
  }
  const rawDatabase = () => {
    const file = join(server.dataDir, 'learning-wall.sqlite')
    const wal = `${file}-wal`
    return Buffer.concat([readFileSync(file), ...(existsSync(wal) ? [readFileSync(wal)] : [])])
  }
  const inDatabase = (text: string) => rawDatabase().includes(Buffer.from(text))
  /** Every stored row of a board: its log, its snapshot and each saved version. */
  const storedRows = async (boardId: string): Promise<Buffer> => {
    const s = await server.storage.docs.load(boardId)
    const versions: Uint8Array[] = []
    for (const v of await server.storage.versions.list(boardId, 1000)) versions.push((await server.storage.versions.load(boardId, v.id))!.stateV2)
    return Buffer.concat([...(s.snapshot ? [s.snapshot] : []), ...s.updates, ...versions])
  }
  const conditionQuotes = async (id: string, api = server.owner) =>
    api.request<{ quotes: CarriedQuote[] }>('GET', `/api/conditions/${id}/quotes`)
  const shareQuotes = async (id: string, api = server.owner) => api.request<{ quotes: CarriedQuote[] }>('GET', `/api/shares/${id}/quotes`)
  const saveVersion = async (boardId: string, name: string) => {
    const res = await server.owner.request<{ version: { id: string } }>('POST', `/api/boards/${boardId}/versions`, { name })
    expect(res.status).toBe(201)
    return res.body.version.id
  }
  const restore = async (boardId: string, versionId: string) => {
    const res = await server.owner.request<{ board: { id: string } }>('POST', `/api/boards/${boardId}/versions/${versionId}/restore`, {})
    expect(res.status).toBe(201)
    return res.body.board.id
  }

  /** A team board linked up to an organisation board and across to a peer, one pattern raised and shared. */
  async function linkedBoards(text: string) {
    const team = await server.createBoard('Family support team', 'team')
    const org = await server.createBoard('County council', 'organisation')
    const peer = await server.createBoard('Neighbouring team', 'team')
    expect((await server.owner.request('POST', `/api/boards/${team}/links`, { otherBoardId: org, kind: 'vertical' })).status).toBe(201)
    expect((await server.owner.request('POST', `/api/boards/${team}/links`, { otherBoardId: peer, kind: 'horizontal' })).status).toBe(201)
    const author = connect(team)
    await synced(author)
    const made = createStory(author.doc, { pos: { x: 5, y: 5 }, text, fields: { tellerRole: 'parent', consent } }, local)
    const other = createStory(author.doc, { pos: { x: 300, y: 5 }, text: 'Counted but never quoted' }, local)
    if (!made.ok || !other.ok) throw new Error('stories')
    const pattern = createPattern(author.doc, { name: 'Care proceedings', area: { x: 0, y: 0, w: 600, h: 300 }, storyIds: [made.value.id, other.value.id] }, local)
    if (!pattern.ok) throw new Error('pattern')
    await roomHolds(server, team, (d) => d.getMap('members').size === 2)
    const raised = await server.owner.request<{ condition: { id: string } }>('POST', `/api/boards/${team}/patterns/${pattern.value.id}/raise`, { targetBoardId: org, kind: 'barrier', note: 'Raised by the team' })
    expect(raised.status).toBe(201)
    const shared = await server.owner.request<{ share: { id: string } }>('POST', `/api/boards/${team}/patterns/${pattern.value.id}/share`, { targetBoardId: peer })
    expect(shared.status).toBe(201)
    return { team, org, peer, author, storyId: made.value.id, conditionId: raised.body.condition.id, shareId: shared.body.share.id }
  }

  /** Replaces the story's words through the author's socket, as typing would. */
  const rewrite = async (c: TestClient, storyId: string, text: string) => {
    const fragment = storiesMap(c.doc).get(storyId)!.get('text') as Y.XmlFragment
    c.doc.transact(() => {
      fragment.delete(0, fragment.length)
      const p = new Y.XmlElement('paragraph')
      p.insert(0, [new Y.XmlText(text)])
      fragment.insert(0, [p])
    }, local)
  }

  beforeAll(async () => {
    server = await startServer({ authorize: 'roles' })
  })
  afterAll(async () => {
    for (const c of clients) c.destroy()
    await server.close()
  })

  it('[E15][E8] after edits, versions on the higher and peer boards and a restore, a withdrawal leaves no wording the story ever had in any stored row', async () => {
    const wordings = [0, 1, 2, 3].map((n) => `CANARY-ebr-${n}-5d1f my son was taken into care (${n})`)
    const { team, org, peer, author, storyId, conditionId, shareId } = await linkedBoards(wordings[0]!)
    // The cards carry counts and what the group wrote; the quote comes from the endpoint.
    const card = await server.lw.rooms.read(org, (d) => readConditions(d)[0]!)
    expect(card).toMatchObject({ note: 'Raised by the team', evidence: { stories: 2, supports: 2, working: 2 } })
    expect((await conditionQuotes(conditionId)).body.quotes).toEqual([{ text: wordings[0], role: 'supports', teller: 'tenant', levels: 1, scale: 'team' }])
    expect((await shareQuotes(shareId)).body.quotes).toEqual([{ text: wordings[0], role: 'supports', teller: 'tenant' }])

    const restoredFrom: string[] = []
    const orgVersions = [await saveVersion(org, 'after the raise')]
    await saveVersion(peer, 'after the share')
    const teamVersion = await saveVersion(team, 'team, first wording')
    for (const [n, w] of wordings.slice(1).entries()) {
      await rewrite(author, storyId, w)
      await roomHolds(server, team, (d) => fragmentText(storiesMap(d).get(storyId)!.get('text') as Y.XmlFragment) === w)
      await waitFor(async () => (await conditionQuotes(conditionId)).body.quotes[0]?.text === w, 5000, 'the quote follows the edit')
      orgVersions.push(await saveVersion(org, `after edit ${n + 1}`))
      await saveVersion(peer, `after edit ${n + 1}`)
    }
    restoredFrom.push(await restore(org, orgVersions[0]!), await restore(peer, (await server.storage.versions.list(peer, 1))[0]!.id))
    const teamCopy = await restore(team, teamVersion)
    await server.lw.rooms.compactStored(team)
    // The search sees what it looks for: every wording is in the source board's stored rows now.
    for (const w of wordings.slice(0, 1)) expect(inDatabase(w)).toBe(true)
    expect((await storedRows(team)).includes(Buffer.from(wordings[3]!))).toBe(true)
    // And, by construction, none ever reached the linked boards or their restored copies.
    for (const b of [org, peer, ...restoredFrom]) {
      for (const w of wordings) expect((await storedRows(b)).includes(Buffer.from(w)), `${w} on ${b}`).toBe(false)
    }

    const res = await server.owner.request<{ boards: number }>('POST', `/api/boards/${team}/stories/${storyId}/withdraw`)
    expect(res.status).toBe(200)
    // Nothing to settle: the answer is enough.
    for (const w of wordings) expect(inDatabase(w), w).toBe(false)
    for (const b of [team, org, peer, teamCopy, ...restoredFrom]) {
      for (const w of wordings) expect((await storedRows(b)).includes(Buffer.from(w)), `${w} on ${b}`).toBe(false)
    }
    expect((await conditionQuotes(conditionId)).body.quotes).toEqual([])
    expect((await shareQuotes(shareId)).body.quotes).toEqual([])
    // Counts follow the pattern: one story left.
    await waitFor(async () => (await server.lw.rooms.read(org, (d) => readConditions(d)[0]!.evidence.stories)) === 1, 5000, 'counts follow')

    // Every board the withdrawal rewrote audits it: the board itself and the one restored from its version.
    for (const b of [team, teamCopy]) {
      const audit = await server.owner.request<{ entries: Array<{ action: string; details: Record<string, unknown> }> }>('GET', `/api/boards/${b}/audit`)
      expect(audit.body.entries.filter((e) => e.action === 'story.withdrawn' && e.details.storyId === storyId), b).toHaveLength(1)
    }
  })

  it('[E16][E17] the higher board, its versions and a board restored from one show the quote while the source allows it, and stop when it restricts, with no rewrite of their history', async () => {
    const text = 'CANARY-ebr-live-82aa the letters came after the hearing'
    const { team, org, peer, storyId, conditionId, shareId } = await linkedBoards(text)
    const version = await saveVersion(org, 'with the card')
    const restored = await restore(org, version)
    const restoredCard = await server.lw.rooms.read(restored, (d) => readConditions(d))
    expect(restoredCard).toHaveLength(1)
    // The restored board's card is its own record's, with a new id.
    const copyId = restoredCard[0]!.id
    expect(copyId).not.toBe(conditionId)
    expect(await server.storage.conditions.get(copyId)).toMatchObject({ targetBoard: restored, sourceBoard: team })
    // The saved version's card id is the live card's: the same record answers.
    const versionDoc = new Y.Doc()
    Y.applyUpdateV2(versionDoc, (await server.storage.versions.load(org, version))!.stateV2)
    expect(readConditions(versionDoc).map((c) => c.id)).toEqual([conditionId])
    const shows = async () => [(await conditionQuotes(conditionId)).body.quotes.length, (await conditionQuotes(copyId)).body.quotes.length, (await shareQuotes(shareId)).body.quotes.length]
    expect(await shows()).toEqual([1, 1, 1])

    // Someone with no role on either board, and a board that holds the card's id from an import, get nothing.
    const outsider = new ApiClient(server.url)
    await outsider.signUp(uniqueEmail('outsider'), 'Outsider')
    expect((await conditionQuotes(conditionId, outsider)).status).toBe(403)
    expect((await shareQuotes(shareId, outsider)).status).toBe(403)
    const file = await server.owner.request<unknown>('GET', `/api/boards/${org}/export/json`)
    expect(JSON.stringify(file.body)).toContain(text)
    // Reports resolve them at export time too.
    const report = async () => (await fetch(`${server.url}/api/boards/${org}/export/report.md?audience=descriptive`, { headers: { authorization: `Bearer ${server.owner.token}` } })).text()
    expect(await report()).toContain(text)
    const imported = await outsider.request<{ board: { id: string }; droppedQuotes: number }>('POST', '/api/boards/import', file.body)
    expect(imported.status).toBe(201)
    expect(imported.body.droppedQuotes).toBe(1)
    expect(await server.lw.rooms.read(imported.body.board.id, (d) => readConditions(d).map((c) => c.id))).toEqual([conditionId])
    expect((await conditionQuotes(conditionId, outsider)).status).toBe(403)
    expect((await storedRows(imported.body.board.id)).includes(Buffer.from(text))).toBe(false)

    /** A board's saved versions, byte for byte: what a rewrite of its history would replace. */
    const history = async (b: string) => {
      const versions = []
      for (const v of await server.storage.versions.list(b, 1000)) versions.push(Buffer.from((await server.storage.versions.load(b, v.id))!.stateV2).toString('base64'))
      return versions
    }
    const before = await Promise.all([org, peer, restored].map(history))
    const restricted = await server.owner.request('PUT', `/api/boards/${team}/stories/${storyId}/sensitivity`, { sensitivity: 'restricted' })
    expect(restricted.status).toBe(200)
    expect(await shows()).toEqual([0, 0, 0])
    const exported = await server.owner.request<unknown>('GET', `/api/boards/${org}/export/json`)
    expect(JSON.stringify(exported.body)).not.toContain(text)
    expect(await report()).not.toContain(text)
    // Nothing of the linked boards' history was rewritten: their saved versions are byte for byte
    // what they were (only the cards' counts follow, as new changes).
    const after = await Promise.all([org, peer, restored].map(history))
    expect(after.flat().length).toBeGreaterThan(0)
    expect(after).toEqual(before)

    // Lowered again by a facilitator, the quote shows again; unlinking the peer stops its reference's.
    expect((await server.owner.request('PUT', `/api/boards/${team}/stories/${storyId}/sensitivity`, { sensitivity: 'working' })).status).toBe(200)
    expect(await shows()).toEqual([1, 1, 1])
    const links = await server.owner.request<{ links: Array<{ id: string; kind: string }> }>('GET', `/api/boards/${team}/links`)
    const peerLink = links.body.links.find((l) => l.kind === 'horizontal')!
    expect((await server.owner.request('DELETE', `/api/boards/${team}/links/${peerLink.id}`)).status).toBe(200)
    expect(await shows()).toEqual([1, 1, 0])
  })

  it('[E6][E17] restricting a story reaches boards restored from its own board\'s versions, which hold the story itself', async () => {
    const text = 'CANARY-ebr-restore-c41d the school called social services'
    const team = await server.createBoard('Schools team', 'team')
    let storyId = ''
    await server.lw.rooms.change(team, (doc) => {
      const made = createStory(doc, { pos: { x: 0, y: 0 }, text }, { kind: 'server', reason: 'test' })
      if (made.ok) storyId = made.value.id
    }, 'test')
    const copy = await restore(team, await saveVersion(team, 'before'))
    const grandchild = await restore(copy, await saveVersion(copy, 'copy'))
    for (const b of [copy, grandchild]) expect((await storedRows(b)).includes(Buffer.from(text))).toBe(true)
    expect((await server.owner.request('PUT', `/api/boards/${team}/stories/${storyId}/sensitivity`, { sensitivity: 'restricted' })).status).toBe(200)
    for (const b of [team, copy, grandchild]) {
      expect(await server.lw.rooms.read(b, (d) => storiesMap(d).get(storyId)?.get('sensitivity'))).toBe('restricted')
      expect((await storedRows(b)).includes(Buffer.from(text)), b).toBe(false)
      // Kept for the board's owners and facilitators in its own restricted room.
      expect(await server.lw.rooms.read(`${b}~restricted`, (d) => fragmentText(storiesMap(d).get(storyId)!.get('text') as Y.XmlFragment))).toBe(text)
    }
  })

  it('[E18] a board stored in the old layout loses its copied quotes from its document, log, snapshot, versions and the database file when loaded', async () => {
    const quote = 'CANARY-ebr-old-3e90 we slept in the car for a week'
    const org = await server.createBoard('Old council board', 'organisation')
    // What an earlier version stored: schema board/1 and a card that copied a quote.
    const old = new Y.Doc()
    const stored = await server.storage.docs.load(org)
    if (stored.snapshot) Y.applyUpdateV2(old, stored.snapshot)
    for (const u of stored.updates) Y.applyUpdateV2(old, u)
    const updates: Uint8Array[] = []
    old.on('updateV2', (u: Uint8Array) => updates.push(u))
    const evidence = { stories: 1, supports: 1, counterExamples: 0, working: 1, confidential: 0, restricted: 0, tellerRoles: 1, outcomes: {}, quotes: [quote] }
    old.transact(() => {
      metaMap(old).set('schemaVersion', 1)
      old.getMap(ROOT.conditions).set('cond-old', {
        id: 'cond-old', kind: 'barrier', name: 'Housing', summary: '', note: '', evidence,
        source: { boardId: 'elsewhere', title: 'Team', scale: 'team', patternId: 'p' },
        status: 'raised', declineReason: null, responses: [], raisedAt: '2026-01-01T00:00:00.000Z', raisedBy: 'Sam',
      })
      old.getMap(ROOT.references).set('share-old', {
        id: 'share-old', name: 'Housing', summary: '', evidence,
        source: { boardId: 'elsewhere', title: 'Team', scale: 'team', patternId: 'p' }, live: true, updatedAt: '2026-01-01T00:00:00.000Z',
      })
    })
    expect(server.lw.rooms.isOpen(org)).toBe(false)
    await server.storage.docs.append(org, [Y.mergeUpdatesV2(updates)])
    await server.storage.versions.save({ id: newId(), boardId: org, kind: 'named', name: 'old', createdBy: null, createdAt: new Date().toISOString() }, Y.encodeStateAsUpdateV2(old))
    expect(inDatabase(quote)).toBe(true)

    const c = connect(org)
    await synced(c)
    expect(readConditions(c.doc)[0]!.evidence).toMatchObject({ stories: 1 })
    expect(JSON.stringify(c.doc.getMap(ROOT.conditions).toJSON())).not.toContain(quote)
    expect(readReferences(c.doc)).toHaveLength(1)
    expect(Buffer.from(Y.encodeStateAsUpdate(c.doc)).includes(Buffer.from(quote))).toBe(false)
    expect((await storedRows(org)).includes(Buffer.from(quote))).toBe(false)
    expect(inDatabase(quote)).toBe(false)
    const exported = await server.lw.rooms.read(org, (d) => JSON.stringify(exportBoard(d, { anonymous: false, ballots: [], exportedAt: '' })))
    expect(exported).not.toContain(quote)
  })

  it('[E18] a learning-wall-board/1 file imports, its quotes dropped and reported', async () => {
    const org = await server.createBoard('Council', 'organisation')
    const file = (await server.owner.request<Record<string, unknown>>('GET', `/api/boards/${org}/export/json`)).body
    const quote = 'CANARY-ebr-v1-19c4 nobody answered the phone'
    const card = {
      id: 'cond-v1', kind: 'enabler', name: 'Phone line', summary: '', note: '',
      evidence: { stories: 1, supports: 1, counterExamples: 0, working: 1, confidential: 0, restricted: 0, tellerRoles: 0, outcomes: {}, quotes: [quote] },
      source: { boardId: 'elsewhere', title: 'Team', scale: 'team', patternId: 'p' },
      status: 'raised', declineReason: null, responses: [], raisedAt: '2026-01-01T00:00:00.000Z', raisedBy: 'Sam',
    }
    const v1 = { ...file, format: 'learning-wall-board/1', conditions: [card] }
    const res = await server.owner.request<{ board: { id: string }; droppedQuotes: number }>('POST', '/api/boards/import', v1)
    expect(res.status).toBe(201)
    expect(res.body.droppedQuotes).toBe(1)
    expect(await server.lw.rooms.read(res.body.board.id, (d) => readConditions(d).map((c) => c.name))).toEqual(['Phone line'])
    expect((await storedRows(res.body.board.id)).includes(Buffer.from(quote))).toBe(false)
    const audit = await server.owner.request<{ entries: Array<{ action: string; details: Record<string, unknown> }> }>('GET', `/api/boards/${res.body.board.id}/audit`)
    expect(audit.body.entries.find((e) => e.action === 'board.imported')?.details).toMatchObject({ format: 'learning-wall-board/1', droppedQuotes: 1 })
  })

  it('[E19] a raise from an anonymous board stores and shows no raiser', async () => {
    const team = await server.owner.createBoard('Anonymous team', 'team', { anonymous: true })
    const org = await server.createBoard('Council', 'organisation')
    expect((await server.owner.request('POST', `/api/boards/${team}/links`, { otherBoardId: org, kind: 'vertical' })).status).toBe(201)
    let patternId = ''
    await server.lw.rooms.change(team, (doc) => {
      const s = createStory(doc, { pos: { x: 0, y: 0 }, text: 'An anonymous story' }, { kind: 'server', reason: 'test' })
      const p = createPattern(doc, { name: 'Anonymous pattern', area: { x: 0, y: 0, w: 400, h: 300 }, storyIds: s.ok ? [s.value.id] : [] }, { kind: 'server', reason: 'test' })
      if (p.ok) patternId = p.value.id
    }, 'test')
    const raised = await server.owner.request<{ condition: { id: string; createdBy: string | null } }>('POST', `/api/boards/${team}/patterns/${patternId}/raise`, { targetBoardId: org, kind: 'enabler' })
    expect(raised.status).toBe(201)
    expect(raised.body.condition.createdBy).toBeNull()
    expect((await server.storage.conditions.get(raised.body.condition.id))!.createdBy).toBeNull()
    const card = await server.lw.rooms.read(org, (d) => d.getMap(ROOT.conditions).get(raised.body.condition.id) as Record<string, unknown>)
    expect(card).not.toHaveProperty('raisedBy')
    expect(readConditions(await server.lw.rooms.read(org, (d) => d))).toHaveLength(1)
    const exported = await server.owner.request<unknown>('GET', `/api/boards/${org}/export/json`)
    expect(JSON.stringify(exported.body)).not.toContain('raisedBy')
  })
})
