// A write the server refuses (here: the board was locked under a participant) leaves that copy
// with a change the board never will have, and every later change of that copy depends on it.
// The client is told (y-protocols "permission denied"), says why, drops its copy and loads the
// board's; once unlocked, the participant's edits reach everyone again. Hooks:
// client/access/writeRefusals.ts.
import { beforeAll, describe, expect, it } from 'vitest'
import { type Person, useE2E } from './support/fixture.ts'

const e2e = useE2E()
const SYNC = { timeout: 15_000, interval: 50 }
const STEP = 120_000

describe('a write refused by the server', () => {
  let owner: Person
  let participant: Person
  let boardId: string

  beforeAll(async () => {
    ;[owner, participant] = await Promise.all([
      e2e.person('Fran Facilitator'),
      e2e.person('Pat Participant'),
    ])
    boardId = await owner.api.createBoard('Locked mid-sentence', 'team')
    await e2e.addMember(owner, boardId, participant, 'contributor')
    await Promise.all([owner.board.open(boardId), participant.board.open(boardId)])
  }, STEP)

  it(
    'is dropped, the participant is told why, and their copy reloads from the board',
    async () => {
      const lock = await owner.api.request('POST', `/api/boards/${boardId}/session`, {
        action: 'lock',
        on: true,
      })
      expect(lock.status).toBe(200)
      // The participant's copy writes anyway, past every guard in the page (as a copy that was
      // offline, or typing, when the lock came would).
      const reloaded = participant.page.waitForEvent('load', { timeout: 30_000 })
      await participant.board.api((lw) => {
        const doc = lw.doc
        Object.getPrototypeOf(doc).transact.call(doc, () =>
          doc.getMap('stories').set('forced-while-locked', 1),
        )
      })
      await reloaded
      await participant.board.ready()
      await expect
        .poll(() => participant.page.locator('.notice').textContent(), SYNC)
        .toMatch(/locked.*dropped/)
      expect(
        await participant.board.api((lw) => lw.doc.getMap('stories').has('forced-while-locked')),
      ).toBe(false)
      expect(
        await owner.board.api((lw) => lw.doc.getMap('stories').has('forced-while-locked')),
      ).toBe(false)
    },
    STEP,
  )

  it(
    'after unlocking, the participant’s new story reaches the facilitator',
    async () => {
      const unlock = await owner.api.request('POST', `/api/boards/${boardId}/session`, {
        action: 'lock',
        on: false,
      })
      expect(unlock.status).toBe(200)
      // The unlock reaches the participant's copy through the board document.
      await expect
        .poll(() => participant.board.api((lw) => lw.session.access.getState().canEdit), SYNC)
        .toBe(true)
      const id = await participant.board.newStory()
      await participant.board.type('Written after the lock')
      await participant.board.stopWriting()
      await expect.poll(() => owner.board.storyText(id), SYNC).toBe('Written after the lock')
    },
    STEP,
  )
})
