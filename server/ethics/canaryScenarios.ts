// The ethics canary scenarios, written once and run by one test file per storage setup
// (canary.test.ts on SQLite, canaryScaledOut.test.ts on PostgreSQL with Redis). Each first finds
// its canary where it is expected, so the search is proven to see it, then finds it nowhere it
// must not be. Place names come from server/testing/canary.ts.
import { expect } from 'vitest'
import * as Y from 'yjs'
import { draftRoom } from '../../shared/model/facilitation.ts'
import { newId } from '../../shared/model/ids.ts'
import { storiesMap } from '../../shared/model/layout.ts'
import { readBoard } from '../../shared/model/readBoard.ts'
import { STORY_KEYS } from '../../shared/model/story.ts'
import { createPattern } from '../../shared/ops/pattern.ts'
import { createStory } from '../../shared/ops/story.ts'
import { keepsActor } from '../auth/audit.ts'
import { ApiClient, uniqueEmail } from '../testing/apiClient.ts'
import { canarySearch, canarySearchAll } from '../testing/canary.ts'
import { canary, type Canary } from '../testing/canaryForms.ts'
import { ROLES, type World } from '../testing/canaryWorld.ts'
import { roomHolds, synced, waitFor, type TestClient } from '../testing/harness.ts'
import { waitForRejection } from '../testing/rejections.ts'

const local = { kind: 'local' } as const
/** Waits are for conditions, not sleeps: generous, because the suite runs beside others on 2 cores. */
const WAIT_MS = 30_000
export const consent = { givenBy: 'parent', covers: ['board', 'linkedBoards', 'quotes'], date: '2026-11-20' }

/** A fresh canary per scenario and setup: `CNRY-<what>-<random>`. */
export const fresh = (what: string): Canary => canary(`CNRY-${what}-${newId(10).replace(/[^A-Za-z0-9]/g, 'x')}`)

/** Every pattern matches at least one place: the search sees the canary there. */
export function expectFoundIn(places: string[], patterns: Array<string | RegExp>): void {
  for (const p of patterns) {
    const hit = places.some((place) => (typeof p === 'string' ? place.includes(p) : p.test(place)))
    expect(hit, `canary expected in ${String(p)}; found in ${JSON.stringify(places, null, 1)}`).toBe(true)
  }
}

/** Raw database bytes cannot say whose they are: allowed only when the allowed rows explain them. */
const RAW = /^sqlite (file|-wal|-shm)/

export function expectOnlyIn(places: string[], allowed: (place: string) => boolean): void {
  const explained = places.some((p) => !RAW.test(p) && p.startsWith('row ') && allowed(p))
  const leaks = places.filter((p) => !allowed(p) && !(RAW.test(p) && explained))
  expect(leaks, `canary found where it must not be`).toEqual([])
}

/** Where the writing person's storage setup keeps a board's log: rows, the dump, the stream. */
export const storedPlaces = (w: World, room: string): RegExp[] =>
  w.databaseUrl
    ? [new RegExp(`^row doc_(updates|snapshots) .*board_id=${esc(room)}( |$)`), new RegExp(`^pg_dump public\\.doc_(updates|snapshots) (.* )?${esc(room)}( |$)`), new RegExp(`^redis lw:board:${esc(room)}:updates`)]
    : [new RegExp(`^row doc_(updates|snapshots) .*board_id=${esc(room)}( |$)`), RAW]
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Others than the writer: a provider is not sent its own changes back. */
const OTHERS = ROLES.filter((r) => r !== 'contributor')

/** A pattern holding the story, so reports of each audience may quote it. */
function inPattern(doc: Y.Doc, storyId: string): void {
  const made = createPattern(doc, { name: 'Care proceedings', area: { x: 0, y: 0, w: 600, h: 300 }, storyIds: [storyId] }, local)
  if (!made.ok) throw new Error('pattern')
}

const storyText = (doc: Y.Doc, id: string) => readBoard(doc).stories.find((s) => s.id === id)?.text

async function everyoneHas(on: Record<string, TestClient>, id: string, text: string) {
  await waitFor(() => Object.values(on).every((c) => storyText(c.doc, id)?.includes(text) ?? false), WAIT_MS, 'the story on every role’s copy')
}

/** [E8] Withdrawal of a story on one board, with a saved version and a board restored from it. */
export async function withdrawalScenario(w: World): Promise<void> {
  const since = w.startScenario()
  const C = fresh('wd')
  const board = await w.board('Family support team')
  const on = await w.watch(board)
  const made = createStory(on.contributor.doc, { pos: { x: 5, y: 5 }, text: `${C.text} my son was taken into care`, fields: { tellerRole: 'parent', consent } }, local)
  if (!made.ok) throw new Error('story')
  inPattern(on.contributor.doc, made.value.id)
  await everyoneHas(on, made.value.id, C.text)
  await roomHolds(w.server, board, (d) => readBoard(d).patterns.length === 1)
  expect((await w.api.request('POST', `/api/boards/${board}/versions`, { name: 'End of workshop' })).status).toBe(201)

  const before = await canarySearch(w, C, { framesSince: since, boards: [board], restore: true })
  expectFoundIn(before.places, [
    `live ${board}`,
    `export ${board} json`,
    `export ${board} stories.csv`,
    `export ${board} board.svg`,
    `export ${board} board.pdf`,
    `export ${board} report.md descriptive`,
    `export ${board} report.pdf descriptive`,
    `version ${board}/`,
    `restored live ${before.restored[0]}`,
    ...OTHERS.map((r) => `frames ${r} ${board}`),
    ...storedPlaces(w, board),
  ])

  const mark = w.frames.mark()
  const res = await w.people.contributor.api.request('POST', `/api/boards/${board}/stories/${made.value.id}/withdraw`)
  expect(res.status).toBe(200)
  await waitFor(() => Object.values(on).every((c) => !storiesMap(c.doc).has(made.value.id)), WAIT_MS, 'withdrawn on every copy')
  const after = await canarySearch(w, C, { boards: [board, ...before.restored], framesSince: mark, restore: true })
  expectOnlyIn(after.places, () => false)
}

/** [E5][E6] Restricting a story: afterwards its words rest only in restricted rooms (its board's, and a restored board's). */
export async function restrictionScenario(w: World): Promise<void> {
  const since = w.startScenario()
  const C = fresh('rx')
  const board = await w.board('Housing team')
  const on = await w.watch(board)
  const made = createStory(on.contributor.doc, { pos: { x: 10, y: 10 }, text: `${C.text} eviction notice`, fields: { tellerRole: 'tenant', consent } }, local)
  if (!made.ok) throw new Error('story')
  const id = made.value.id
  inPattern(on.contributor.doc, id)
  await everyoneHas(on, id, C.text)
  await roomHolds(w.server, board, (d) => readBoard(d).patterns.length === 1)
  expect((await w.api.request('POST', `/api/boards/${board}/versions`, { name: 'Before' })).status).toBe(201)
  const before = await canarySearch(w, C, { framesSince: since, boards: [board], restore: true })
  expectFoundIn(before.places, [`live ${board}`, `export ${board} json`, `export ${board} report.md descriptive`, `version ${board}/`, `restored live ${before.restored[0]}`, ...OTHERS.map((r) => `frames ${r} ${board}`), ...storedPlaces(w, board)])

  const mark = w.frames.mark()
  const put = await w.people.contributor.api.request('PUT', `/api/boards/${board}/stories/${id}/sensitivity`, { sensitivity: 'restricted' })
  expect(put.status).toBe(200)
  await waitFor(() => Object.values(on).every((c) => storyText(c.doc, id) === ''), WAIT_MS, 'placeholder on every copy')
  const restricted = `${board}~restricted`
  const after = await canarySearch(w, C, { boards: [board, ...before.restored], framesSince: mark, restore: true })
  expectFoundIn(after.places, [`live ${restricted}`, `frames owner ${restricted}`, `frames facilitator ${restricted}`, ...storedPlaces(w, restricted)])
  // A board restored before the restriction keeps the story in its own restricted room only.
  const restoredRooms = before.restored.map((b) => `${b}~restricted`)
  expectOnlyIn(after.places, (p) => [restricted, ...restoredRooms].some((room) => p.includes(room)))
}

/** [E5][E10] Private drafts reach nobody before the reveal; the reveal is seen by the search. */
export async function draftScenario(w: World): Promise<void> {
  const since = w.startScenario()
  const C = fresh('draft')
  const board = await w.board('Team reflection')
  expect((await w.api.request('POST', `/api/boards/${board}/session`, { action: 'start', templateId: 'team-reflection' })).status).toBe(200)
  const on = await w.watch(board)
  const room = draftRoom(board, w.people.contributor.id)
  const drafts = w.connect('contributor', room, w.people.contributor.api.token!)
  await synced(drafts)
  const made = createStory(drafts.doc, { pos: { x: 10, y: 10 }, text: `${C.text} my private story` }, local)
  if (!made.ok) throw new Error('draft')
  await roomHolds(w.server, room, (d) => storiesMap(d).has(made.value.id))
  // A change everyone receives after the draft: whatever the draft could have sent has arrived.
  const barrier = createStory(on.owner.doc, { pos: { x: 400, y: 10 }, text: 'Facilitator’s example' }, local)
  if (!barrier.ok) throw new Error('barrier')
  await everyoneHas(on, barrier.value.id, 'example')
  expect((await w.api.request('POST', `/api/boards/${board}/versions`, { name: 'During private writing' })).status).toBe(201)

  const before = await canarySearch(w, C, { framesSince: since, boards: [board], restore: true })
  expectFoundIn(before.places, [`live ${room}`, ...storedPlaces(w, room)])
  expectOnlyIn(before.places, (p) => p.includes(room))

  const mark = w.frames.mark()
  expect((await w.api.request('POST', `/api/boards/${board}/session`, { action: 'reveal' })).status).toBe(200)
  await everyoneHas(on, made.value.id, C.text)
  const after = await canarySearch(w, C, { boards: [board], framesSince: mark })
  expectFoundIn(after.places, [`live ${board}`, `export ${board} json`, ...ROLES.map((r) => `frames ${r} ${board}`)])
}

/**
 * [E10] Anonymous mode: a guest's typed name is stored nowhere and sent to nobody; their user id
 * rests only in the account tables (users, sessions, memberships) and the audit log's actor
 * column, never in a document, version, export, frame, stream or log line.
 */
export async function anonymousScenario(w: World): Promise<void> {
  const since = w.startScenario()
  const NAME = fresh('name')
  const ORG = fresh('org')
  const board = await w.board('Tenants’ voices', { anonymous: true })
  const invite = await w.api.request<{ token: string }>('POST', `/api/boards/${board}/invites`, { role: 'contributor' })
  expect(invite.status).toBe(201)
  const guest = new ApiClient(w.server.url)
  const joined = await guest.request<{ user: { id: string } }>('POST', `/api/invites/${invite.body.token}/accept`, { displayName: NAME.text, organisation: ORG.text })
  expect(joined.status).toBe(201)
  const ID = canary(joined.body.user.id)
  expect((await guest.request('PATCH', '/api/auth/me', { displayName: NAME.text })).status).toBe(200)

  const on = await w.watch(board)
  const g = w.connect('guest', board, guest.token!)
  await synced(g)
  g.provider.awareness.setLocalStateField('user', { name: NAME.text, colour: '#123456' })
  const gClient = g.doc.clientID
  await waitFor(() => ROLES.every((r) => (on[r].provider.awareness.getStates().get(gClient)?.user as { name?: string } | undefined)?.name === 'Participant'), WAIT_MS, 'neutral presence')
  const story = createStory(g.doc, { pos: { x: 0, y: 0 }, text: 'We were moved three times in a year', fields: { consent } }, local)
  if (!story.ok) throw new Error('story')
  const other = createStory(g.doc, { pos: { x: 300, y: 0 }, text: 'Nobody called back' }, local)
  if (!other.ok) throw new Error('story')
  const pattern = createPattern(g.doc, { name: 'Moved on', area: { x: 0, y: 0, w: 600, h: 300 }, storyIds: [story.value.id, other.value.id] }, local)
  if (!pattern.ok) throw new Error('pattern')
  await everyoneHas(on, story.value.id, 'moved three times')
  expect((await guest.request('POST', `/api/boards/${board}/stories`, { pos: { x: 0, y: 400 }, text: 'A restricted account', fields: { sensitivity: 'restricted' } })).status).toBe(201)
  expect((await guest.request('POST', `/api/boards/${board}/versions`, { name: 'Guest’s version' })).status).toBe(201)
  // A client that writes an author anyway is refused whole.
  const named = w.connect('guest', board, guest.token!)
  await synced(named)
  createStory(named.doc, { pos: { x: 0, y: 600 }, text: 'signed', author: NAME.text }, local)
  await waitForRejection(w.server, board, 'forbidden_key')

  // The organisation is stored (membership): the search sees account tables.
  const [org, name, id] = await canarySearchAll(w, [ORG, NAME, ID], { framesSince: since, boards: [board], restore: true })
  expectFoundIn(org!.places, [/^row memberships /])
  expectOnlyIn(name!.places, () => false)
  expectFoundIn(id!.places, [/^row users /, /^row memberships /])
  expectOnlyIn(id!.places, (p) => /^(row |pg_dump public\.)(users|sessions|memberships|audit_log) /.test(p))
}

/**
 * [E2][E3][E5] Exports: a confidential story is in the members' data exports (JSON, CSV) and
 * quoted in no report of any audience or format; a working story with consent is quoted (so the
 * report search sees quotes); a restricted story is in no export at all.
 */
export async function exportsScenario(w: World): Promise<void> {
  const since = w.startScenario()
  const CONF = fresh('conf')
  const WORK = fresh('work')
  const RESTR = fresh('restr')
  const board = await w.board('Debt advice team')
  const on = await w.watch(board)
  const conf = createStory(on.contributor.doc, { pos: { x: 0, y: 0 }, text: `${CONF.text} a confidential account`, fields: { sensitivity: 'confidential', consent } }, local)
  const work = createStory(on.contributor.doc, { pos: { x: 300, y: 0 }, text: `${WORK.text} a quotable account`, fields: { consent } }, local)
  if (!conf.ok || !work.ok) throw new Error('stories')
  const restr = await w.people.contributor.api.request<{ id: string }>('POST', `/api/boards/${board}/stories`, { pos: { x: 0, y: 300 }, text: `${RESTR.text} a restricted account`, fields: { sensitivity: 'restricted', consent } })
  expect(restr.status).toBe(201)
  const pattern = createPattern(on.contributor.doc, { name: 'Debt spirals', area: { x: 0, y: 0, w: 600, h: 600 }, storyIds: [conf.value.id, work.value.id, restr.body.id] }, local)
  if (!pattern.ok) throw new Error('pattern')
  await everyoneHas(on, work.value.id, WORK.text)
  await roomHolds(w.server, board, (d) => readBoard(d).patterns[0]?.members.length === 3)

  const reports = (places: string[]) => places.filter((p) => / report\.(md|pdf) /.test(p))
  const [working, confidential, restricted] = await canarySearchAll(w, [WORK, CONF, RESTR], { framesSince: since, boards: [board] })
  expectFoundIn(working!.places, [`export ${board} report.md descriptive`, `export ${board} report.pdf descriptive`, `export ${board} report.md technical`])
  expectFoundIn(confidential!.places, [`export ${board} json`, `export ${board} stories.csv`])
  expect(reports(confidential!.places)).toEqual([])
  const room = `${board}~restricted`
  expectFoundIn(restricted!.places, [`live ${room}`, `frames owner ${room}`, ...storedPlaces(w, room)])
  expectOnlyIn(restricted!.places, (p) => p.includes(room))
}

/** Text typed into a story's first line in a copy of the board (online or not). */
function typeInto(doc: Y.Doc, id: string, text: string): void {
  const fragment = storiesMap(doc).get(id)!.get(STORY_KEYS.text) as Y.XmlFragment
  const line = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText
  doc.transact(() => line.insert(line.length, ` ${text}`), local)
}

/**
 * [E12][E8][E5] A stale offline copy (a second stock provider, synced, then disconnected) types
 * into a story after it was restricted or withdrawn, then reconnects: its text reaches no other
 * person's frames and no stored row, stream entry, version or export. The same offline typing
 * before the change is first seen everywhere (the control), so the search sees this path.
 */
export async function staleCopyScenario(w: World, change: 'restrict' | 'withdraw'): Promise<void> {
  const since = w.startScenario()
  const CTRL = fresh('ctrl')
  const C = fresh(`stale-${change.slice(0, 2)}`)
  const board = await w.board('Money advice')
  const on = await w.watch(board)
  const made = createStory(on.contributor.doc, { pos: { x: 0, y: 0 }, text: 'Rent arrears letter came late', fields: { consent } }, local)
  if (!made.ok) throw new Error('story')
  const id = made.value.id
  inPattern(on.contributor.doc, id)
  await everyoneHas(on, id, 'arrears')
  const stale = w.connect('contributor-offline', board, w.people.contributor.api.token!)
  await synced(stale)
  await waitFor(() => storyText(stale.doc, id)?.includes('arrears') ?? false, WAIT_MS, 'the stale copy holds the story')

  // The control: typed offline while the story is an ordinary one, it reaches everyone on reconnect.
  stale.provider.disconnect()
  typeInto(stale.doc, id, CTRL.text)
  stale.provider.connect()
  await everyoneHas(on, id, CTRL.text)
  const control = await canarySearch(w, CTRL, { framesSince: since, boards: [board] })
  expectFoundIn(control.places, [`live ${board}`, `export ${board} json`, ...ROLES.map((r) => `frames ${r} ${board}`), ...storedPlaces(w, board)])
  await synced(stale)
  stale.provider.disconnect()

  const res =
    change === 'restrict'
      ? await w.people.contributor.api.request('PUT', `/api/boards/${board}/stories/${id}/sensitivity`, { sensitivity: 'restricted' })
      : await w.people.contributor.api.request('POST', `/api/boards/${board}/stories/${id}/withdraw`)
  expect(res.status).toBe(200)
  await waitFor(() => Object.values(on).every((c) => (storyText(c.doc, id) ?? '') === ''), WAIT_MS, 'the change on every copy')
  const mark = w.frames.mark()
  const room = await w.server.lw.rooms.get(board)
  const refusedBefore = room.stats().rejected.unplaceable ?? 0
  typeInto(stale.doc, id, C.text)
  const typed = Y.getState(stale.doc.store, stale.doc.clientID)
  stale.provider.connect()
  // The room has answered the stale copy: refused it, or taken its update in.
  await waitFor(async () => (room.stats().rejected.unplaceable ?? 0) > refusedBefore || (await w.server.lw.rooms.read(board, (d) => Y.getState(d.store, stale.doc.clientID) >= typed)), WAIT_MS, 'the stale update handled')
  // Everyone's copy has heard from the server since (a move of another story), so nothing is in flight.
  const barrier = createStory(on.owner.doc, { pos: { x: 900, y: 0 }, text: 'After the reconnect' }, local)
  if (!barrier.ok) throw new Error('barrier')
  await everyoneHas(on, barrier.value.id, 'After the reconnect')
  const after = await canarySearch(w, C, { boards: [board], framesSince: mark, restore: true })
  // Only the stale copy's own document and the frames its own socket got back may hold it.
  expectOnlyIn(after.places, (p) => p.startsWith(`frames contributor-offline ${board}`))
  // Taken as Yjs keeps it, deleted, so the stale copy keeps syncing (E12, R5): nothing refused.
  expect(room.stats().rejected.unplaceable ?? 0).toBe(refusedBefore)
  expect(await w.server.lw.rooms.read(board, (d) => Y.getState(d.store, stale.doc.clientID))).toBeGreaterThanOrEqual(typed)
}

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
    // KNOWN GAP, reported (docs/ethics-canary.md): opening a draft room logs `board_migrated`
    // naming the room, and a draft room's name holds its writer's id. Any other line fails.
    const logged = w.logLines.filter((l) => l.includes(needle))
    expect(logged.filter((l) => !/"event":"board_migrated","board":"[^"]*~draft~/.test(l)), `${what} in the log`).toEqual([])
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
