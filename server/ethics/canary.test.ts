// The ethics canary suite on SQLite: one server for the file; the scenarios are shared with the
// PostgreSQL + Redis run (canaryScaledOut.test.ts) in canaryScenarios.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createStory } from '../../shared/ops/story.ts'
import { canary, holds, merged } from '../testing/canaryForms.ts'
import { startWorld, type World } from '../testing/canaryWorld.ts'
import { anonymousSessionScenario, linkedBoardsScenario } from './canaryAcrossBoards.ts'
import { anonymousScenario, draftScenario, exportsScenario, restrictionScenario, staleCopyScenario, withdrawalScenario } from './canaryScenarios.ts'

// Each scenario searches every place several times (every export of every board included).
describe('ethics canary, SQLite', { timeout: 180_000 }, () => {
  let w: World
  beforeAll(async () => {
    w = await startWorld('sqlite')
  })
  afterAll(async () => {
    await w?.close()
  })

  it('the search reads Yjs V1 and V2 updates, and text typed one update at a time once merged', () => {
    const C = canary('CNRY-forms-7Qe2x')
    const doc = new Y.Doc()
    createStory(doc, { pos: { x: 0, y: 0 }, text: `before ${C.text} after` }, { kind: 'local' })
    expect(holds(Y.encodeStateAsUpdate(doc), C)).toBe(true)
    expect(holds(Y.encodeStateAsUpdateV2(doc), C)).toBe(true)
    const typed = new Y.Doc()
    const updates: Uint8Array[] = []
    typed.on('updateV2', (u: Uint8Array) => updates.push(u))
    const text = typed.getText('t')
    for (const ch of C.text) text.insert(text.length, ch)
    expect(updates.some((u) => holds(u, C))).toBe(false)
    expect(holds(merged(updates, 'v2')!, C)).toBe(true)
    expect(holds(Buffer.from(C.text).toString('hex'), C) && holds(Buffer.from(`x${C.text}`).toString('base64'), C)).toBe(true)
  })

  it('[E8] withdrawal: found everywhere before, nowhere after', () => withdrawalScenario(w))
  it('[E5][E6] restriction: afterwards only in restricted rooms, also for a board restored before it', () => restrictionScenario(w))
  it('[E5][E10] private drafts reach nobody before the reveal', () => draftScenario(w))
  it('[E10] anonymous mode: a guest’s name nowhere, their id only in account tables', () => anonymousScenario(w))
  it('[E10][E19][E20][E21][E22] a whole anonymous session: no contributor id, email or name outside the account tables', () => anonymousSessionScenario(w))
  it('[E2][E3][E5] exports: confidential never quoted, restricted in no export', () => exportsScenario(w))
  it('[E15][E16][E17][E8] linked boards, their versions and restored boards quote through the server only; after a withdrawal, nowhere', () => linkedBoardsScenario(w, 'withdraw'))
  it('[E15][E16][E17][E5] linked boards, their versions and restored boards quote through the server only; after a restriction, only the restricted room', () => linkedBoardsScenario(w, 'restrict'))
  it('[E12][E5] a stale offline copy typing into a story restricted meanwhile: in no other frame and no stored byte', () => staleCopyScenario(w, 'restrict'))
  it('[E12][E8] a stale offline copy typing into a story withdrawn meanwhile: in no other frame and no stored byte', () => staleCopyScenario(w, 'withdraw'))
})
