// The ethics canary suite on PostgreSQL with Redis (as scaled out: updates through a Redis stream):
// one server for the file, the same scenarios as the SQLite run (canaryScenarios.ts).
import { afterAll, beforeAll, describe, it } from 'vitest'
import { startWorld, type World } from '../testing/canaryWorld.ts'
import { anonymousSessionScenario, linkedBoardsScenario } from './canaryAcrossBoards.ts'
import { anonymousScenario, draftScenario, exportsScenario, restrictionScenario, staleCopyScenario, withdrawalScenario } from './canaryScenarios.ts'

// Each scenario searches every place several times (every export of every board included).
describe('ethics canary, PostgreSQL and Redis', { timeout: 180_000 }, () => {
  let w: World
  beforeAll(async () => {
    w = await startWorld('postgres+redis')
  })
  afterAll(async () => {
    await w?.close()
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
