// The ethics canary scenarios on one board, written once and run by one test file per storage
// setup (canary.test.ts on SQLite, canaryScaledOut.test.ts on PostgreSQL with Redis); scenarios
// across boards are in canaryAcrossBoards.ts. Each first finds its canary where it is expected,
// so the search is proven to see it, then finds it nowhere it must not be. Place names come from
// server/testing/canary.ts.
import { expect } from 'vitest'
import * as Y from 'yjs'
import { draftRoom } from '../../shared/model/facilitation.ts'
import { storiesMap } from '../../shared/model/layout.ts'
import { readBoard } from '../../shared/model/readBoard.ts'
import { createPattern } from '../../shared/ops/pattern.ts'
import { createStory } from '../../shared/ops/story.ts'
import { ApiClient } from '../testing/apiClient.ts'
import { canarySearch, canarySearchAll } from '../testing/canary.ts'
import { canary } from '../testing/canaryForms.ts'
import { ROLES, type World } from '../testing/canaryWorld.ts'
import { roomHolds, synced, waitFor } from '../testing/harness.ts'
import { waitForRejection } from '../testing/rejections.ts'
import { consent, everyoneHas, expectFoundIn, expectOnlyIn, fresh, inPattern, local, OTHERS, storedPlaces, storyText, typeInto, WAIT_MS } from './canaryChecks.ts'

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

