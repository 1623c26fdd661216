// What the ethics canary scenarios share: fresh canaries, the two kinds of check (found where it
// must be; nowhere else), where each storage setup keeps a room's log, and small document steps.
import { expect } from 'vitest'
import type * as Y from 'yjs'
import { newId } from '../../shared/model/ids.ts'
import { storiesMap } from '../../shared/model/layout.ts'
import { readBoard } from '../../shared/model/readBoard.ts'
import { STORY_KEYS } from '../../shared/model/story.ts'
import { createPattern } from '../../shared/ops/pattern.ts'
import { canary, type Canary } from '../testing/canaryForms.ts'
import { ROLES, type World } from '../testing/canaryWorld.ts'
import { waitFor, type TestClient } from '../testing/harness.ts'

export const local = { kind: 'local' } as const
/** Waits are for conditions, not sleeps: generous, because the suite runs beside others on 2 cores. */
export const WAIT_MS = 30_000
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
export const RAW = /^sqlite (file|-wal|-shm)/

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
export const OTHERS = ROLES.filter((r) => r !== 'contributor')

/** A pattern holding the story, so reports of each audience may quote it. */
export function inPattern(doc: Y.Doc, storyId: string): void {
  const made = createPattern(doc, { name: 'Care proceedings', area: { x: 0, y: 0, w: 600, h: 300 }, storyIds: [storyId] }, local)
  if (!made.ok) throw new Error('pattern')
}

export const storyText = (doc: Y.Doc, id: string) => readBoard(doc).stories.find((s) => s.id === id)?.text

export async function everyoneHas(on: Record<string, TestClient>, id: string, text: string) {
  await waitFor(() => Object.values(on).every((c) => storyText(c.doc, id)?.includes(text) ?? false), WAIT_MS, 'the story on every role’s copy')
}


/** Text typed into a story's first line in a copy of the board (online or not). */
export function typeInto(doc: Y.Doc, id: string, text: string): void {
  const fragment = storiesMap(doc).get(id)!.get(STORY_KEYS.text) as Y.XmlFragment
  const line = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText
  doc.transact(() => line.insert(line.length, ` ${text}`), local)
}

