// Research ethics in two browsers: Olive (owner) writes a story, records consent, and restricts
// it from the story panel; Casey (contributor) watches the text leave her copy of the board and
// sees only a "Restricted story" placeholder, while Olive still reads it (from the restricted
// room) under a clear marker. Olive then withdraws it and it disappears for both. Screenshots:
// e2e/artifacts/ethics-owner.png, ethics-contributor.png and ethics-withdrawn.png. Casey then
// withdraws a story she wrote herself (the server recorded her as its author), and is offered no
// Withdraw on Olive's: e2e/artifacts/ethics-author-withdraw.png.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Person, useE2E } from './support/fixture.ts'
import { ARTIFACTS } from './support/paths.ts'

const e2e = useE2E()
const SYNC = { timeout: 15_000, interval: 50 }
const STEP = 120_000
const CANARY = 'CANARY-e2e-4b7d behind on rent since the operation'

describe('restricted stories, consent and withdrawal in the browser', () => {
  let olive: Person
  let casey: Person
  let boardId: string

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true })
    olive = await e2e.person('Olive')
    casey = await e2e.person('Casey')
    boardId = await olive.api.createBoard('Housing team', 'team')
    await e2e.addMember(olive, boardId, casey, 'contributor')
    // Confirmations (restrict, withdraw) are accepted as a person would.
    olive.page.on('dialog', (d) => void d.accept())
    casey.page.on('dialog', (d) => void d.accept())
  }, STEP)

  it('[E5] restricting from the panel takes the text out of a contributor’s copy; the owner still reads it; withdrawal removes it', async () => {
    await olive.board.open(boardId)
    await casey.board.open(boardId)
    const id = await olive.board.newStory()
    await olive.board.type(CANARY)
    await olive.board.stopWriting()
    await expect.poll(() => casey.board.storyText(id), SYNC).toBe(CANARY)

    // Consent, in the panel: a role is enough.
    const openPanel = (p: Person) => p.page.evaluate((sid) => window.__learningWall!.session.ui.setState({ selection: new Set([sid]), panelOpen: true }), id)
    await openPanel(olive)
    const panel = olive.page.getByTestId('story-panel')
    await panel.getByLabel('Given by').fill('tenant')
    await panel.getByLabel('Given by').blur()
    await panel.getByLabel('Quotes in reports').check()
    await expect.poll(async () => (await casey.board.story(id))?.consent?.covers, SYNC).toEqual(['quotes'])
    expect((await casey.board.story(id))?.consent?.givenBy).toBe('tenant')

    await panel.getByLabel('Sensitivity').selectOption('restricted')
    await expect.poll(async () => (await casey.board.story(id))?.sensitivity, SYNC).toBe('restricted')
    expect(await casey.board.storyText(id)).toBe('')
    expect((await casey.board.story(id))?.consent).toBeUndefined()
    await expect.poll(() => olive.page.getByTestId('restricted-content').innerText(), SYNC).toContain(CANARY)

    await openPanel(casey)
    await expect.poll(() => casey.page.getByTestId('story-panel').innerText(), SYNC).toContain('Restricted story')
    expect(await casey.page.content()).not.toContain('CANARY-e2e')
    // On the canvas the owner's copy draws the text with a "restricted" tag; the contributor's, a placeholder.
    await expect.poll(() => olive.board.canvasTexts(), SYNC).toContain('restricted')
    expect(await casey.board.canvasTexts()).toContain('Restricted story')
    expect(await casey.board.canvasTexts()).not.toContain('restricted')
    await casey.page.screenshot({ path: join(ARTIFACTS, 'ethics-contributor.png') })
    await olive.page.screenshot({ path: join(ARTIFACTS, 'ethics-owner.png') })
    await casey.board.showOutline()
    await expect.poll(() => casey.board.outlineText(id), SYNC).toContain('Restricted story')

    await olive.page.getByRole('button', { name: 'Withdraw story…' }).click()
    await expect.poll(async () => (await casey.board.story(id)) === undefined, SYNC).toBe(true)
    await expect.poll(async () => (await olive.board.story(id)) === undefined, SYNC).toBe(true)
    // What remains is a mark that a story was withdrawn, without any of it.
    await expect.poll(() => casey.page.getByTestId('outline-withdrawn').innerText(), SYNC).toMatch(/Withdrawn stories\s*\(1\)/)
    expect(await casey.page.content()).not.toContain('CANARY-e2e')
    await casey.page.screenshot({ path: join(ARTIFACTS, 'ethics-withdrawn.png') })
  }, STEP)

  it('[E11] a contributor withdraws the story she wrote, and is offered no Withdraw on someone else’s', async () => {
    await casey.board.showCanvas()
    const olives = await olive.board.newStory()
    await olive.board.type('Olive wrote this one')
    await olive.board.stopWriting()
    const mine = await casey.board.newStory()
    await casey.board.type('Casey wrote this one')
    await casey.board.stopWriting()
    await expect.poll(() => olive.board.storyText(mine), SYNC).toBe('Casey wrote this one')
    await expect.poll(() => casey.board.storyText(olives), SYNC).toBe('Olive wrote this one')

    const select = (sid: string) => casey.page.evaluate((id) => window.__learningWall!.session.ui.setState({ selection: new Set([id]), panelOpen: true }), sid)
    const panel = casey.page.getByTestId('story-panel')
    const withdrawButton = panel.getByRole('button', { name: 'Withdraw story…' })
    await select(olives)
    await expect.poll(() => panel.locator(`[data-story-id="${olives}"]`).count(), SYNC).toBe(1)
    // The server says which stories are hers; Olive's is not, so no Withdraw is offered on it.
    await expect.poll(() => casey.page.evaluate(async (board) => (await (await fetch(`/api/boards/${board}/stories/mine`)).json()) as unknown, boardId), SYNC).toEqual({ storyIds: [mine] })
    expect(await withdrawButton.count()).toBe(0)

    await select(mine)
    await expect.poll(() => withdrawButton.count(), SYNC).toBe(1)
    await withdrawButton.scrollIntoViewIfNeeded()
    await casey.page.screenshot({ path: join(ARTIFACTS, 'ethics-author-withdraw.png') })
    await withdrawButton.click()
    await expect.poll(async () => (await olive.board.story(mine)) === undefined, SYNC).toBe(true)
    await expect.poll(async () => (await casey.board.story(mine)) === undefined, SYNC).toBe(true)
    expect(await olive.board.storyText(olives)).toBe('Olive wrote this one')
  }, STEP)
})
