// The ethics canary scenarios across boards (an anonymous board raising to a linked one; a pattern
// raised up and shared with a peer), run like canaryScenarios.ts on both storage setups.
import { expect } from 'vitest'
import { draftRoom } from '../../shared/model/facilitation.ts'
import { storiesMap } from '../../shared/model/layout.ts'
import { readBoard } from '../../shared/model/readBoard.ts'
import { createPattern } from '../../shared/ops/pattern.ts'
import { createStory } from '../../shared/ops/story.ts'
import { keepsActor } from '../auth/audit.ts'
import { ApiClient, uniqueEmail } from '../testing/apiClient.ts'
import { canarySearchAll } from '../testing/canary.ts'
import { canary } from '../testing/canaryForms.ts'
import type { World } from '../testing/canaryWorld.ts'
import { roomHolds, synced, waitFor, type TestClient } from '../testing/harness.ts'
import { consent, everyoneHas, expectFoundIn, expectOnlyIn, fresh, local, RAW, typeInto, WAIT_MS } from './canaryChecks.ts'

/** Account tables, and audit entries about access, which keep their actor (E22). */
const PEOPLE_TABLES = /^(row |pg_dump public\.)(users|sessions|memberships) /
const accessAudit = (p: string) => /^(row |pg_dump public\.)audit_log /.test(p) && p.split(/\s+/).some((t) => keepsActor(t.replace(/^action=/, '')))

/**
 * [E10][E19][E20][E21][E22] A whole anonymous session: an account and a guest write private
 * drafts, the reveal moves them in, they vote, save versions, export and raise a pattern to a
 * linked board. No contributor's id, email or name rests outside the account tables and the
 * access entries of the audit log, on either board, in any frame, stream, version or export; the
 * guest's typed name rests nowhere.
 */
export async function anonymousSessionScenario(w: World): Promise<void> {
  const since = w.startScenario()
  const board = await w.board('Kitchen table', { anonymous: true })
  const org = await w.api.createBoard('County council', 'organisation')
  expect((await w.api.request('POST', `/api/boards/${board}/links`, { otherBoardId: org, kind: 'vertical' })).status).toBe(201)
  const invite = async (role: string) => (await w.api.request<{ token: string }>('POST', `/api/boards/${board}/invites`, { role })).body.token
  const ann = new ApiClient(w.server.url)
  const ANN_NAME = fresh('annname')
  const ANN_EMAIL = canary(uniqueEmail('annmail'))
  const annId = (await ann.signUp(ANN_EMAIL.text, ANN_NAME.text)).id
  expect((await ann.request('POST', `/api/invites/${await invite('contributor')}/accept`, {})).status).toBe(200)
  expect((await w.api.request('POST', `/api/boards/${org}/members`, { email: ANN_EMAIL.text, role: 'contributor' })).status).toBe(201)
  const guest = new ApiClient(w.server.url)
  const TYPED = fresh('typedname')
  const ORG = fresh('residents')
  const joined = await guest.request<{ user: { id: string } }>('POST', `/api/invites/${await invite('contributor')}/accept`, { displayName: TYPED.text, organisation: ORG.text })
  expect(joined.status).toBe(201)
  const guestId = joined.body.user.id

  const on = await w.watch(board)
  const session = (body: unknown) => w.api.request<{ revealed: number }>('POST', `/api/boards/${board}/session`, body)
  expect((await session({ action: 'start', templateId: 'team-reflection' })).status).toBe(200)
  const writers = [
    { api: ann, id: annId, texts: ['Drafted by the first person'] },
    { api: guest, id: guestId, texts: ['Drafted by the second person', 'And a second thought'] },
  ]
  const drafts: TestClient[] = []
  for (const p of writers) {
    // As the client's draft session: no presence in the draft room.
    const d = w.connect(`writer-${p.id}`, draftRoom(board, p.id), p.api.token!)
    d.provider.awareness.setLocalState(null)
    drafts.push(d)
    await synced(d)
    p.texts.forEach((text, i) => createStory(d.doc, { pos: { x: 300 * i, y: 0 }, text, fields: { consent } }, local))
    await roomHolds(w.server, draftRoom(board, p.id), (doc) => storiesMap(doc).size === p.texts.length)
  }
  const annBoard = w.connect(`writer-${annId}`, board, ann.token!)
  const guestBoard = w.connect(`writer-${guestId}`, board, guest.token!)
  await Promise.all([synced(annBoard), synced(guestBoard)])
  annBoard.provider.awareness.setLocalStateField('user', { name: ANN_NAME.text, colour: '#123456' })
  guestBoard.provider.awareness.setLocalStateField('user', { name: TYPED.text, colour: '#654321' })
  expect((await session({ action: 'phase', index: 1 })).body.revealed).toBe(3)
  await waitFor(() => readBoard(annBoard.doc).stories.length === 3 && Object.values(on).every((c) => readBoard(c.doc).stories.length === 3), WAIT_MS, 'the reveal')
  // The private phase is over: the client closes its draft session; the emptied rooms leave storage.
  await waitFor(() => drafts.every((d) => storiesMap(d.doc).size === 0), WAIT_MS, 'draft copies emptied')
  for (const d of drafts) d.provider.disconnect()
  await waitFor(async () => (await w.server.storage.docs.roomsWithPrefix(`${board}~draft~`)).length === 0, WAIT_MS, 'no stored draft room')
  const storyIds = readBoard(annBoard.doc).stories.map((s) => s.id)
  const pattern = createPattern(annBoard.doc, { name: 'Being listened to', area: { x: 0, y: 0, w: 900, h: 400 }, storyIds: readBoard(annBoard.doc).stories.map((s) => s.id) }, local)
  if (!pattern.ok) throw new Error('pattern')
  await roomHolds(w.server, board, (d) => readBoard(d).patterns.length === 1)

  expect((await w.api.request('POST', `/api/boards/${board}/vote/open`, { votesPerPerson: 2 })).status).toBe(201)
  for (const p of writers) expect((await p.api.request('POST', `/api/boards/${board}/vote/cast`, { patternId: pattern.value.id, delta: 1 })).status).toBe(200)
  expect((await w.api.request('POST', `/api/boards/${board}/vote/close`)).status).toBe(200)
  for (const p of writers) {
    expect((await p.api.request('POST', `/api/boards/${board}/versions`, { name: 'After the round' })).status).toBe(201)
    for (const path of ['json', 'stories.csv', 'report.md?audience=technical']) {
      expect((await fetch(`${w.server.url}/api/boards/${board}/export/${path}`, { headers: { cookie: p.api.cookieHeader } })).status).toBe(200)
    }
  }
  expect((await guest.request('POST', `/api/boards/${board}/stories`, { pos: { x: 0, y: 600 }, text: 'A restricted account', fields: { sensitivity: 'restricted' } })).status).toBe(201)
  expect((await ann.request('POST', `/api/boards/${board}/patterns/${pattern.value.id}/raise`, { targetBoardId: org, kind: 'barrier', note: 'Nobody calls back' })).status).toBe(201)
  await roomHolds(w.server, org, (d) => d.getMap('conditions').size === 1)

  // One pass for every needle. The search sees the account tables: the organisation typed is
  // stored with the membership.
  const ids = storyIds.map((id) => canary(id))
  const needles = [ORG, ANN_EMAIL, canary(annId), canary(guestId), ANN_NAME, TYPED, ...ids]
  const [org_, email, annIdAt, guestIdAt, annName, typed, ...stories] = await canarySearchAll(w, needles, { framesSince: since, boards: [board, org], restore: true })
  expectFoundIn(org_!.places, [PEOPLE_TABLES])
  expectFoundIn(email!.places, [/^row users /])
  expectOnlyIn(email!.places, (p) => PEOPLE_TABLES.test(p))
  for (const [what, needle, found] of [['account id', annId, annIdAt!], ['guest id', guestId, guestIdAt!], ['account name', ANN_NAME.text, annName!]] as const) {
    expectFoundIn(found.places, [/^row users /])
    expect(found.places.filter((p) => !PEOPLE_TABLES.test(p) && !accessAudit(p) && !RAW.test(p) && p !== 'log'), what).toEqual([])
    // Logs name a board's drafts, never whose (server/log.ts).
    expect(w.logLines.filter((l) => l.includes(needle)), `${what} in the log`).toEqual([])
  }
  expectOnlyIn(typed!.places, () => false)
  // [E20] No stored byte ties a story to the room of the person who drafted it.
  for (const found of stories) {
    expectFoundIn(found.places, [`live ${board}`])
    expect(found.places.filter((p) => p.includes('~draft~'))).toEqual([])
  }
}

/**
 * [E15][E16][E17][E8][E5] Evidence by reference: a pattern raised to a higher board and shared
 * with a peer, both boards with saved versions and boards restored from them, the story edited
 * after. Its words (first and later) are read through the server only (quotes endpoints and those
 * boards' exports), never in their documents, rows, versions, restored boards or frames; after a
 * withdrawal or restriction, not even there.
 */
export async function linkedBoardsScenario(w: World, change: 'withdraw' | 'restrict'): Promise<void> {
  const since = w.startScenario()
  const C = fresh(`linked-${change.slice(0, 2)}`)
  const E = fresh('edit')
  const team = await w.board('Family support team')
  const org = await w.board('County council', {}, 'organisation')
  const peer = await w.board('Neighbouring team')
  expect((await w.api.request('POST', `/api/boards/${team}/links`, { otherBoardId: org, kind: 'vertical' })).status).toBe(201)
  expect((await w.api.request('POST', `/api/boards/${team}/links`, { otherBoardId: peer, kind: 'horizontal' })).status).toBe(201)
  const on = await w.watch(team)
  await w.watch(org)
  await w.watch(peer)
  const made = createStory(on.contributor.doc, { pos: { x: 5, y: 5 }, text: `${C.text} my son was taken into care`, fields: { tellerRole: 'parent', consent } }, local)
  if (!made.ok) throw new Error('story')
  const id = made.value.id
  const pattern = createPattern(on.contributor.doc, { name: 'Care proceedings', area: { x: 0, y: 0, w: 600, h: 300 }, storyIds: [id] }, local)
  if (!pattern.ok) throw new Error('pattern')
  await roomHolds(w.server, team, (d) => readBoard(d).patterns[0]?.members.length === 1)
  const contributor = w.people.contributor.api
  const raised = await contributor.request<{ condition: { id: string } }>('POST', `/api/boards/${team}/patterns/${pattern.value.id}/raise`, { targetBoardId: org, kind: 'barrier', note: 'Decisions take too long' })
  expect(raised.status).toBe(201)
  const shared = await contributor.request<{ share: { id: string } }>('POST', `/api/boards/${team}/patterns/${pattern.value.id}/share`, { targetBoardId: peer })
  expect(shared.status).toBe(201)
  const restored: string[] = []
  for (const board of [org, peer]) {
    const saved = await w.api.request<{ version: { id: string } }>('POST', `/api/boards/${board}/versions`, { name: 'Before the edits' })
    expect(saved.status).toBe(201)
    const res = await w.api.request<{ board: { id: string } }>('POST', `/api/boards/${board}/versions/${saved.body.version.id}/restore`, {})
    expect(res.status).toBe(201)
    restored.push(res.body.board.id)
  }
  // The story is edited after the raise, the share, the versions and the restores.
  typeInto(on.contributor.doc, id, E.text)
  await everyoneHas(on, id, E.text)
  const quotes = async () => {
    const card = await w.api.request<{ quotes: Array<{ text: string }> }>('GET', `/api/conditions/${raised.body.condition.id}/quotes`)
    const ref = await w.api.request<{ quotes: Array<{ text: string }> }>('GET', `/api/shares/${shared.body.share.id}/quotes`)
    expect([card.status, ref.status]).toEqual([200, 200])
    return JSON.stringify([card.body, ref.body])
  }
  await waitFor(async () => (await quotes()).includes(E.text), WAIT_MS, 'the quotes follow the edit')

  const boards = [team, org, peer, ...restored]
  const others = [org, peer, ...restored]
  const readThroughServer = (p: string) => others.some((b) => p.startsWith(`export ${b} `))
  const before = await canarySearchAll(w, [C, E], { framesSince: since, boards })
  for (const found of before) {
    // A board restored from the peer's version is no peer of the team: its card quotes nothing.
    expectFoundIn(found.places, [`live ${team}`, `export ${org} json`, `export ${org} report.md descriptive`, `export ${peer} json`, `export ${restored[0]} json`])
    expectOnlyIn(found.places, (p) => p.includes(team) || readThroughServer(p))
  }

  // One more edit, and the change right after it: nothing waits for the linked boards to settle.
  const LATE = fresh('late')
  typeInto(on.contributor.doc, id, LATE.text)
  await everyoneHas(on, id, LATE.text)
  const mark = w.frames.mark()
  const res =
    change === 'withdraw'
      ? await contributor.request('POST', `/api/boards/${team}/stories/${id}/withdraw`)
      : await contributor.request('PUT', `/api/boards/${team}/stories/${id}/sensitivity`, { sensitivity: 'restricted' })
  expect(res.status).toBe(200)
  expect(await quotes()).not.toContain(C.text)
  const after = await canarySearchAll(w, [C, E, LATE], { boards, framesSince: mark, restore: true })
  const restrictedRoom = `${team}~restricted`
  for (const found of after) expectOnlyIn(found.places, (p) => change === 'restrict' && p.includes(restrictedRoom))
}

