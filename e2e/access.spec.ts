// People and access in three browsers: the owner invites one guest as contributor and one as
// observer through invite links; the contributor edits; the observer cannot, in the UI and when a
// write is forced over the socket; revoking the contributor's link removes them from the live
// board. Hooks: client/README.md "Access".
import type { Page } from 'playwright-core'
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Person, useE2E } from './support/fixture.ts'

const e2e = useE2E()
const SYNC = { timeout: 15_000, interval: 50 }
const STEP = 120_000

async function joinAsGuest(page: Page, baseUrl: string, token: string, name: string): Promise<void> {
  await page.goto(`${baseUrl}/i/${token}`)
  await page.getByTestId('invite-display-name').fill(name)
  await page.getByTestId('invite-organisation').fill('Citizens Advice')
  await page.getByTestId('invite-submit').click()
  await page.waitForURL(/\/b\//)
}

describe('people and access', () => {
  let owner: Person
  let boardId: string
  const invites: Record<'contributor' | 'observer', { token: string; id: string }> = {} as never
  let contributor: Awaited<ReturnType<typeof e2e.visitor>>
  let observer: Awaited<ReturnType<typeof e2e.visitor>>

  beforeAll(async () => {
    owner = await e2e.person('Owen Owner')
    boardId = await owner.api.createBoard('Workshop with guests', 'place')
    for (const role of ['contributor', 'observer'] as const) {
      const res = await owner.api.request<{ token: string; invite: { id: string } }>('POST', `/api/boards/${boardId}/invites`, { role })
      invites[role] = { token: res.body.token, id: res.body.invite.id }
    }
    ;[contributor, observer] = await Promise.all([e2e.visitor(), e2e.visitor()])
    await owner.board.open(boardId)
  }, STEP)

  it('guests join through invite links with only a name and organisation', async () => {
    await joinAsGuest(contributor.page, e2e.baseUrl, invites.contributor.token, 'Cara Contributor')
    await joinAsGuest(observer.page, e2e.baseUrl, invites.observer.token, 'Oli Observer')
    await contributor.board.ready()
    await observer.board.ready()
    await observer.page.getByTestId('view-only-badge').waitFor()
    expect(await contributor.page.getByTestId('view-only-badge').count()).toBe(0)
  }, STEP)

  it('the contributor writes a story and the owner sees it', async () => {
    await contributor.board.newStory()
    await contributor.board.type('Guest story from table three')
    await contributor.board.stopWriting()
    await expect.poll(() => owner.board.api((lw) => lw.snapshot().stories.map((s) => s.text)), SYNC).toContain('Guest story from table three')
  }, STEP)

  it('the observer cannot write: N does nothing, and a write forced over the socket is dropped', async () => {
    await observer.board.canvas.focus()
    await observer.page.keyboard.press('n')
    await observer.page.keyboard.type('should not exist')
    // Forced: a raw socket with the observer's own session sends a real update.
    const session = (await observer.context.cookies()).find((c) => c.name === 'lw_session')!.value
    const ws = new WebSocket(`${e2e.baseUrl.replace('http', 'ws')}/sync/${boardId}?token=${session}`)
    await new Promise((r) => ws.once('open', r))
    const doc = new Y.Doc()
    doc.getMap('stories').set('forcedbyobserver', 1)
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, 0)
    encoding.writeVarUint(e, 2)
    encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc))
    ws.send(encoding.toUint8Array(e))
    // A later edit by the owner proves the server handled the forced frame before it.
    await owner.board.newStory()
    await owner.board.type('Owner marker')
    await owner.board.stopWriting()
    await expect.poll(() => observer.board.api((lw) => lw.snapshot().stories.map((s) => s.text)), SYNC).toContain('Owner marker')
    const texts = await owner.board.api((lw) => lw.snapshot().stories.map((s) => s.text))
    expect(texts).not.toContain('should not exist')
    expect(await owner.board.api((lw) => lw.doc.getMap('stories').has('forcedbyobserver'))).toBe(false)
    ws.close()
  }, STEP)

  it('revoking the contributor\'s link removes them from the live board', async () => {
    const res = await owner.api.request('DELETE', `/api/boards/${boardId}/invites/${invites.contributor.id}`)
    expect(res.status).toBe(200)
    const notice = contributor.page.getByTestId('close-notice')
    await notice.waitFor({ timeout: 10_000 })
    expect(await notice.getAttribute('data-code')).toBe('4403')
    await expect.poll(() => owner.board.api((lw) => lw.peers().length), SYNC).toBe(1)
  }, STEP)
})
