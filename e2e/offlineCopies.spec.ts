// What a board leaves on the device. Ended access (a removal: 4403; a sign-out) hides the board and
// deletes its offline copies from the browser (the board's y-indexeddb store, its restricted
// room's and drafts'); a withdrawal takes the story's words out of every member's stored copy; and
// offline work the board refused is kept in the tab and offered back after the reload. The
// browser's stores are read raw (every value of every object store) and searched for canaries,
// found first so the search is proven to see them. Hooks: client/board/offlineCopy.ts,
// client/access/keptWork.ts, client/access/KeptWork.tsx.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Person, useE2E } from './support/fixture.ts'
import { report, severeViolations } from './support/axe.ts'
import { ARTIFACTS } from './support/paths.ts'
import { seedStories } from './support/seed.ts'

const e2e = useE2E()
const SYNC = { timeout: 15_000, interval: 50 }
const STEP = 120_000

/** Names of the IndexedDB databases this page's origin holds. */
const databases = (page: Page): Promise<string[]> =>
  page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''))

/**
 * Whether any stored value of the database (every object store, bytes read as Latin-1) contains
 * `text`. Opens the database only if it exists: opening would create it.
 */
const storeHolds = (page: Page, name: string, text: string): Promise<boolean> =>
  page.evaluate(
    async ([name, text]) => {
      if (!(await indexedDB.databases()).some((d) => d.name === name)) return false
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(name)
        r.onsuccess = () => resolve(r.result)
        r.onerror = () => reject(new Error(String(r.error)))
      })
      try {
        const stores = [...db.objectStoreNames]
        if (stores.length === 0) return false
        const tx = db.transaction(stores, 'readonly')
        const all = await Promise.all(
          stores.map(
            (s) =>
              new Promise<unknown[]>((resolve, reject) => {
                const r = tx.objectStore(s).getAll()
                r.onsuccess = () => resolve(r.result)
                r.onerror = () => reject(new Error(String(r.error)))
              }),
          ),
        )
        const asText = (v: unknown) =>
          v instanceof Uint8Array
            ? Array.from(v, (b) => String.fromCharCode(b)).join('')
            : JSON.stringify(v)
        return all.flat().some((v) => asText(v).includes(text))
      } finally {
        db.close()
      }
    },
    [name, text] as const,
  )

/** Leaves a store as an earlier client (or another person on this phone) might have. */
const leaveStore = (page: Page, name: string): Promise<void> =>
  page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const r = indexedDB.open(name)
        r.onupgradeneeded = () => r.result.createObjectStore('updates', { autoIncrement: true })
        r.onsuccess = () => {
          const tx = r.result.transaction('updates', 'readwrite')
          tx.objectStore('updates').add(new TextEncoder().encode('left behind'))
          tx.oncomplete = () => (r.result.close(), resolve())
        }
        r.onerror = () => reject(new Error(String(r.error)))
      }),
    name,
  )

const userId = async (p: Person) =>
  (await p.api.request<{ user: { id: string } }>('GET', '/api/auth/me')).body.user.id

const boardStores = (names: string[], boardId: string) =>
  names.filter((n) => n === `learning-wall:${boardId}` || n.startsWith(`learning-wall:${boardId}~`))

/** A board with one seeded story, the person a member of it with the board open. */
async function boardWithStory(owner: Person, member: Person, title: string, text: string) {
  const boardId = await owner.api.createBoard(title, 'team')
  await e2e.addMember(owner, boardId, member, 'contributor')
  const [storyId] = await seedStories(e2e.baseUrl, owner.api.token!, boardId, [{ pos: { x: 0, y: 0 }, text }])
  await member.board.open(boardId)
  // The board's words are in the member's offline copy: the search sees them.
  await expect.poll(() => storeHolds(member.page, `learning-wall:${boardId}`, text), SYNC).toBe(true)
  return { boardId, storyId: storyId! }
}

describe('what a board leaves on the device', () => {
  let owner: Person

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true })
    owner = await e2e.person('Orla Owner')
  }, STEP)

  it(
    '[E25] removed from the board (4403): the board leaves the page and none of its stores stays in the browser',
    async () => {
      const cara = await e2e.person('Cara Contributor')
      const canary = 'CANARY-REMOVED-7f3a'
      const { boardId } = await boardWithStory(owner, cara, 'Removal', canary)
      const caraId = await userId(cara)
      // The restricted room's and the drafts' stores, as an earlier client could have left them.
      await leaveStore(cara.page, `learning-wall:${boardId}~restricted`)
      await leaveStore(cara.page, `learning-wall:${boardId}~draft~${caraId}`)
      expect(boardStores(await databases(cara.page), boardId)).toHaveLength(3)

      const removed = await owner.api.request('DELETE', `/api/boards/${boardId}/members/${caraId}`)
      expect(removed.status).toBe(200)
      await cara.page.getByTestId('close-notice').and(cara.page.locator('[data-code="4403"]')).waitFor()
      await expect
        .poll(() => cara.page.getByTestId('device-copy').getAttribute('data-forgotten'), SYNC)
        .toBe('true')
      expect(await cara.page.getByTestId('board-canvas').count()).toBe(0)
      expect(await cara.page.getByTestId('board-title').count()).toBe(0)
      expect(await cara.page.locator('body').innerText()).not.toContain(canary)
      expect(await cara.page.title()).toBe('Learning Wall')
      expect(boardStores(await databases(cara.page), boardId)).toEqual([])
    },
    STEP,
  )

  it(
    '[E25] removed while no board page was open: the home page deletes that board’s stores and keeps the others’',
    async () => {
      const rita = await e2e.person('Rita Returning')
      const { boardId } = await boardWithStory(owner, rita, 'Removed while away', 'CANARY-AWAY-22c1')
      const { boardId: kept } = await boardWithStory(owner, rita, 'Still hers', 'STILL-HERS-5e0a')
      await rita.home.goto()
      const removed = await owner.api.request('DELETE', `/api/boards/${boardId}/members/${await userId(rita)}`)
      expect(removed.status).toBe(200)
      expect(boardStores(await databases(rita.page), boardId)).toHaveLength(1)
      await rita.home.goto()
      await expect.poll(async () => boardStores(await databases(rita.page), boardId), SYNC).toEqual([])
      expect(boardStores(await databases(rita.page), kept)).toEqual([`learning-wall:${kept}`])
    },
    STEP,
  )

  it(
    '[E25] signing out in another tab: the open board ends as a 4401 would, and no board’s store stays',
    async () => {
      const dana = await e2e.person('Dana Device')
      const canary = 'CANARY-SIGNOUT-51c2'
      const { boardId } = await boardWithStory(owner, dana, 'Shared phone', canary)
      const home = await dana.newTab()
      await home.page.goto(e2e.baseUrl + '/')
      await home.page.getByTestId('profile-menu-button').click()
      await home.page.getByTestId('profile-signout').click()
      await dana.page.getByTestId('close-notice').and(dana.page.locator('[data-code="4401"]')).waitFor()
      await expect
        .poll(() => dana.page.getByTestId('device-copy').getAttribute('data-forgotten'), SYNC)
        .toBe('true')
      expect(await dana.page.getByTestId('board-canvas').count()).toBe(0)
      await expect
        .poll(async () => (await databases(home.page)).filter((n) => n.startsWith('learning-wall:')), SYNC)
        .toEqual([])
      expect(await storeHolds(dana.page, `learning-wall:${boardId}`, canary)).toBe(false)
      // The session ended on the server too: the home tab asks to sign in.
      await home.page.getByRole('heading', { name: /sign in|create an account/i }).waitFor()
    },
    STEP,
  )

  it(
    '[E26] a withdrawal takes the story’s words out of another member’s stored copy; her board goes on',
    async () => {
      const mia = await e2e.person('Mia Member')
      const canary = 'CANARY-WITHDRAWN-9d0e'
      const { boardId, storyId } = await boardWithStory(owner, mia, 'Withdrawal', canary)
      const keep = 'KEPT-STORY-WORDS'
      await seedStories(e2e.baseUrl, owner.api.token!, boardId, [{ pos: { x: 400, y: 0 }, text: keep }])
      await expect.poll(() => storeHolds(mia.page, `learning-wall:${boardId}`, keep), SYNC).toBe(true)

      const withdrawn = await owner.api.request('POST', `/api/boards/${boardId}/stories/${storyId}/withdraw`)
      expect(withdrawn.status).toBe(200)
      await expect.poll(() => mia.board.story(storyId), SYNC).toBeUndefined()
      await expect.poll(() => storeHolds(mia.page, `learning-wall:${boardId}`, canary), SYNC).toBe(false)
      // The rest of the board is still stored, and Mia's next story still reaches the board.
      expect(await storeHolds(mia.page, `learning-wall:${boardId}`, keep)).toBe(true)
      await owner.board.open(boardId)
      const id = await mia.board.newStory()
      await mia.board.type('After the withdrawal')
      await mia.board.stopWriting()
      await expect.poll(() => owner.board.storyText(id), SYNC).toBe('After the withdrawal')
    },
    STEP,
  )

  it(
    '[E24] offline work the board refused (it was locked meanwhile) is offered back after the reload, and added as a new story',
    async () => {
      // bypassCSP: axe-core is injected into the page.
      const pia = await e2e.person('Pia Participant', { bypassCSP: true })
      const boardId = await owner.api.createBoard('Locked while offline', 'team')
      await e2e.addMember(owner, boardId, pia, 'contributor')
      await Promise.all([owner.board.open(boardId), pia.board.open(boardId)])

      await pia.context.setOffline(true)
      await expect.poll(() => pia.board.connectionStatus(), SYNC).toBe('offline')
      const lock = await owner.api.request('POST', `/api/boards/${boardId}/session`, { action: 'lock', on: true })
      expect(lock.status).toBe(200)
      // Pia, offline, has not heard of the lock: she writes a story.
      const written = 'Written on the bus while the board was locked'
      const offlineId = await pia.board.newStory()
      await pia.board.type(written)
      await pia.board.stopWriting()
      const second = await pia.board.newStory()
      await pia.board.type('A second thought, not needed')
      await pia.board.stopWriting()

      const reloaded = pia.page.waitForEvent('load', { timeout: 30_000 })
      await pia.context.setOffline(false)
      await reloaded
      await pia.board.ready()
      const panel = pia.page.getByTestId('kept-work')
      await panel.waitFor()
      const item = panel.locator(`[data-testid=kept-item][data-story-id="${offlineId}"]`)
      expect(await item.innerText()).toContain(written)
      expect(await item.getAttribute('data-kind')).toBe('missing')
      await expect.poll(() => pia.page.locator('.notice').textContent(), SYNC).toMatch(/locked.*offered back/)
      expect(await pia.board.story(offlineId)).toBeUndefined()
      expect(await owner.board.story(offlineId)).toBeUndefined()
      expect(await panel.locator('[data-testid=kept-item]').count()).toBe(2)
      await panel.screenshot({ path: join(ARTIFACTS, 'offline-kept.png') })
      await pia.page.screenshot({ path: join(ARTIFACTS, 'offline-kept-board.png') })
      const violations = await severeViolations(pia.page, { include: '[data-testid=kept-work]' })
      expect(violations, report('the kept-work panel', violations)).toEqual([])
      // One is let go: it leaves the offer and the tab's storage, and never reaches the board.
      await panel.locator(`[data-testid=kept-item][data-story-id="${second}"]`).getByTestId('kept-discard').click()
      expect(await panel.locator('[data-testid=kept-item]').count()).toBe(1)
      expect(await pia.page.evaluate((b) => sessionStorage.getItem(`learning-wall:kept:${b}`), boardId)).not.toContain('second thought')

      // Still locked: the offer waits, adding is not offered yet.
      expect(await item.getByTestId('kept-add').isDisabled()).toBe(true)

      const unlock = await owner.api.request('POST', `/api/boards/${boardId}/session`, { action: 'lock', on: false })
      expect(unlock.status).toBe(200)
      await expect.poll(() => pia.board.api((lw) => lw.session.access.getState().canEdit), SYNC).toBe(true)
      await item.getByTestId('kept-add').click()
      await panel.waitFor({ state: 'detached' })
      await expect
        .poll(async () => (await owner.board.stories()).map((s) => s.text), SYNC)
        .toEqual([written])
      // Handled: nothing of it is left in the tab's storage.
      expect(await pia.page.evaluate((b) => sessionStorage.getItem(`learning-wall:kept:${b}`), boardId)).toBeNull()
    },
    STEP,
  )

  it(
    '[E26] a story withdrawn while it was edited offline: the rest of the offline work reaches the board, and no word of the story stays on the device',
    async () => {
      const willa = await e2e.person('Willa Writer')
      const told = 'CANARY-TOLD-3b8e'
      const { boardId, storyId } = await boardWithStory(owner, willa, 'Withdrawn while offline', told)
      let loads = 0
      willa.page.on('load', () => loads++)

      await willa.context.setOffline(true)
      await expect.poll(() => willa.board.connectionStatus(), SYNC).toBe('offline')
      await willa.board.editStory(storyId)
      await willa.page.keyboard.press('End')
      await willa.board.type(' CANARY-OFFLINE-EDIT')
      await willa.board.stopWriting()
      const written = 'A new story written offline'
      const newId = await willa.board.newStory()
      await willa.board.type(written)
      await willa.board.stopWriting()
      await expect.poll(() => storeHolds(willa.page, `learning-wall:${boardId}`, told), SYNC).toBe(true)
      const withdrawn = await owner.api.request('POST', `/api/boards/${boardId}/stories/${storyId}/withdraw`)
      expect(withdrawn.status).toBe(200)

      // Back online: the server takes what it can place (server-canonical history: the edit inside
      // the withdrawn story has no place and is dropped), so nothing is refused and nothing reloads.
      await willa.context.setOffline(false)
      await owner.board.open(boardId)
      await expect.poll(() => owner.board.storyText(newId), SYNC).toBe(written)
      await expect.poll(() => willa.board.story(storyId), SYNC).toBeUndefined()
      await expect.poll(() => storeHolds(willa.page, `learning-wall:${boardId}`, 'CANARY'), SYNC).toBe(false)
      // Compacted, her own story is one run of text in the store, and still there.
      expect(await storeHolds(willa.page, `learning-wall:${boardId}`, written)).toBe(true)
      expect(await willa.page.getByTestId('kept-work').count()).toBe(0)
      expect(loads).toBe(0)
      expect(JSON.stringify(await owner.board.stories())).not.toMatch(/CANARY/)
    },
    STEP,
  )
})
