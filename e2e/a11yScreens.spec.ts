// Accessibility of the screens a connected cycle goes through, with axe-core (no violation of
// impact serious or critical) and the keyboard: the team board and its outline, every dialog it
// opens, the raise dialog (Esc gives the focus back to Raise…), a story moved to another pattern
// in the outline (the focus stays on its pattern field), the skip link, the organisation board
// with raised cards (one resolved: the green pill's contrast) on the canvas and in the outline,
// the map and the presenter view. Screenshots: e2e/artifacts/raise-dialog-, higher-board-,
// presenter-1280.png and -768.png.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { createPattern } from '../shared/ops/pattern.ts'
import { createStory } from '../shared/ops/story.ts'
import { report, severeViolations } from './support/axe.ts'
import { type Person, useE2E } from './support/fixture.ts'
import { ARTIFACTS } from './support/paths.ts'
import { writeBoard } from './support/seed.ts'

const e2e = useE2E({ bypassCSP: true })
const SYNC = { timeout: 15_000, interval: 100 }
const STEP = 120_000

async function expectNoSevere(page: Page, where: string): Promise<void> {
  const violations = await severeViolations(page)
  expect(violations.length, report(where, violations)).toBe(0)
}

/** What has the focus: its test id, or its tag and accessible text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return 'body'
    return el.getAttribute('data-testid') ?? `${el.tagName.toLowerCase()}:${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}`
  })

describe('accessibility of the connected-cycle screens', () => {
  let tess: Person
  let omar: Person
  let teamBoard: string
  let orgBoard: string
  const patterns: Record<string, string> = {}
  let storyToMove = ''

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true })
    ;[tess, omar] = await Promise.all([e2e.person('Tess Team'), e2e.person('Omar Organisation')])
    teamBoard = await tess.api.createBoard('Benefits team', 'team')
    orgBoard = await omar.api.createBoard('City council', 'organisation')
    await e2e.addMember(omar, orgBoard, tess, 'contributor')
    const link = await tess.api.request<{ link: { id: string } }>('POST', `/api/boards/${teamBoard}/links`, { otherBoardId: orgBoard, kind: 'vertical' })
    expect(link.status).toBe(201)
    expect((await omar.api.request('POST', `/api/boards/${orgBoard}/links/${link.body.link.id}/accept`)).status).toBe(200)
    const made = await writeBoard(e2e.baseUrl, tess.api.token!, teamBoard, (doc) => {
      const local = { kind: 'local' } as const
      const ids = ['Waited six weeks for a decision', 'Rent arrears grew while waiting', 'Same worker every visit', 'She believed me'].map((text, i) => {
        const r = createStory(doc, { pos: { x: 40 + (i % 2) * 240, y: 60 + Math.floor(i / 2) * 260 }, text }, local)
        if (!r.ok) throw new Error(r.error.message)
        return r.value.id
      })
      const out: Record<string, string> = {}
      for (const [name, members, y] of [['Waiting wears people down', ids.slice(0, 2), 20], ['Trust comes first', ids.slice(2), 280]] as const) {
        const p = createPattern(doc, { name, area: { x: 0, y, w: 520, h: 230 }, storyIds: [...members] }, local)
        if (!p.ok) throw new Error(p.error.message)
        out[name] = p.value.id
      }
      return { out, last: ids[3]! }
    })
    Object.assign(patterns, made.out)
    storyToMove = made.last
    for (const [name, kind] of [['Waiting wears people down', 'barrier'], ['Trust comes first', 'enabler']] as const) {
      const r = await tess.api.request<{ condition: { id: string } }>('POST', `/api/boards/${teamBoard}/patterns/${patterns[name]}/raise`, { targetBoardId: orgBoard, kind, note: 'From the team' })
      expect(r.status).toBe(201)
      if (kind === 'enabler') expect((await omar.api.request('PATCH', `/api/conditions/${r.body.condition.id}`, { status: 'resolved', response: 'Done in the new rota' })).status).toBe(200)
    }
    await tess.board.open(teamBoard)
  }, STEP)

  it('the board: a skip link first, past the header to the canvas; axe on the canvas', async () => {
    const { page } = tess
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('skip-link')
    expect(await page.getByTestId('skip-link').isVisible()).toBe(true)
    await page.keyboard.press('Enter')
    expect(await focused(page)).toBe('board-canvas')
    await expectNoSevere(page, 'team board, canvas')
  }, STEP)

  it('every dialog and form the board opens has no serious or critical violation', async () => {
    const { page } = tess
    const dialog = page.locator('dialog[open], [role=dialog]').first()
    // Modal dialogs: opened, checked (each tab of People & settings), closed with Esc.
    for (const [what, open] of [
      ['People & settings', () => page.getByTestId('people-settings-button').click()],
      ['Export & history', () => page.getByRole('button', { name: /^Export/ }).click()],
      ['Keyboard shortcuts', () => page.getByRole('button', { name: /keyboard shortcuts/i }).first().click()],
    ] as const) {
      await open()
      await dialog.waitFor()
      await expectNoSevere(page, `dialog ${what}`)
      if (what === 'People & settings') {
        for (const tab of ['invites', 'settings', 'audit']) {
          await page.getByTestId(`people-tab-${tab}`).click()
          await expectNoSevere(page, `People & settings, ${tab}`)
        }
      }
      await page.keyboard.press('Escape')
      await dialog.waitFor({ state: 'hidden' })
    }
    // Forms that open in place: a session's method, a dot vote's limits.
    await page.getByTestId('session-setup').click()
    await expect.poll(() => page.getByTestId('session-setup').getAttribute('aria-expanded')).toBe('true')
    await expectNoSevere(page, 'Run a session… form')
    await page.getByTestId('session-setup').click()
    await page.getByTestId('vote-setup').click()
    await page.getByTestId('vote-open').waitFor()
    await expectNoSevere(page, 'Start a dot vote… form')
    await page.getByTestId('vote-setup').click()
    await page.getByTestId('vote-open').waitFor({ state: 'detached' })
  }, STEP)

  it('Connected cycles: the "Link another cycle" form is whole at 1280 px (nothing cut or out of reach); axe', async () => {
    const { page } = tess
    await page.getByTestId('links-toggle').click()
    const form = page.getByTestId('link-form')
    await form.waitFor()
    await form.scrollIntoViewIfNeeded()
    const cut = await page.evaluate(() => {
      const f = document.querySelector<HTMLElement>('[data-testid=link-form]')!
      const panel = f.closest<HTMLElement>('.cycles-panel') ?? document.body
      const p = panel.getBoundingClientRect()
      return [f, ...f.querySelectorAll<HTMLElement>('*')].filter((el) => {
        const r = el.getBoundingClientRect()
        return r.width > 0 && (r.right > p.right + 1 || r.left < p.left - 1 || r.right > window.innerWidth || el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
      }).map((el) => el.tagName + (el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''))
    })
    expect(cut).toEqual([])
    await expectNoSevere(page, 'Connected cycles panel')
    await page.getByTestId('links-toggle').click()
  }, STEP)

  it('the details panel shows a measure\'s whole name and unit', async () => {
    const { page } = tess
    const [a] = await tess.board.stories()
    const at = await tess.board.storyOnScreen(a!.id)
    await page.mouse.click(at.x, at.y)
    await page.keyboard.press('i')
    await page.getByTestId('story-panel').waitFor()
    await page.getByRole('button', { name: 'Add measure' }).click()
    await page.getByLabel('Measure 1 name').fill('household income')
    await page.getByLabel('Measure 1 value').fill('1200')
    await page.getByLabel('Measure 1 unit').fill('GBP/month')
    const cut = await page.evaluate(() => [...document.querySelectorAll<HTMLInputElement>('.measure-row input')].filter((i) => i.scrollWidth > i.clientWidth + 1).map((i) => i.value))
    expect(cut).toEqual([])
    await expectNoSevere(page, 'story details panel with a measure')
    await page.getByRole('button', { name: 'Close story details' }).click()
    await page.getByTestId('story-panel').waitFor({ state: 'detached' })
  }, STEP)

  it('the outline: axe; a story moved to another pattern keeps the focus on its pattern field', async () => {
    const { page } = tess
    await tess.board.showOutline()
    await expectNoSevere(page, 'team outline')
    const field = page.locator(`li[data-testid=outline-story][data-story-id="${storyToMove}"] [data-testid=story-pattern]`)
    await field.focus()
    await field.selectOption(patterns['Waiting wears people down']!)
    await expect.poll(() => tess.board.api((lw) => lw.snapshot().patterns.find((p) => p.name === 'Waiting wears people down')!.members.length), SYNC).toBe(3)
    await expect.poll(() => focused(page), SYNC).toBe('story-pattern')
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-story-id'))).toBe(storyToMove)
  }, STEP)

  it('the raise dialog: axe, and Esc gives the focus back to Raise…', async () => {
    const { page } = tess
    const raise = page.locator(`[data-testid=outline] [data-testid=raise-button][data-pattern-id="${patterns['Trust comes first']}"]`)
    await raise.focus()
    await page.keyboard.press('Enter')
    await page.getByTestId('raise-dialog').waitFor()
    await expectNoSevere(page, 'raise dialog')
    await page.screenshot({ path: join(ARTIFACTS, 'raise-dialog-1280.png') })
    await page.setViewportSize({ width: 768, height: 1024 })
    await page.screenshot({ path: join(ARTIFACTS, 'raise-dialog-768.png') })
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.keyboard.press('Escape')
    await page.getByTestId('raise-dialog').waitFor({ state: 'detached' })
    await expect.poll(() => focused(page), SYNC).toBe('raise-button')
  }, STEP)

  it('the share dialog (no peer cycle yet): axe, and Esc gives the focus back', async () => {
    const { page } = tess
    const share = page.locator(`[data-testid=outline] [data-testid=share-button][data-pattern-id="${patterns['Trust comes first']}"]`)
    await share.focus()
    await page.keyboard.press('Enter')
    await page.getByTestId('share-dialog').waitFor()
    await expectNoSevere(page, 'share dialog')
    await page.keyboard.press('Escape')
    await page.getByTestId('share-dialog').waitFor({ state: 'detached' })
    await expect.poll(() => focused(page), SYNC).toBe('share-button')
  }, STEP)

  it('a guest who joined the team board by link is told in the raise dialog that raising needs a role up there, before filling it in', async () => {
    const invite = await tess.api.request<{ token: string }>('POST', `/api/boards/${teamBoard}/invites`, { role: 'contributor' })
    const guest = await e2e.visitor()
    await guest.page.goto(`${e2e.baseUrl}/i/${invite.body.token}`)
    await guest.page.getByTestId('invite-display-name').fill('Gus Guest')
    await guest.page.getByTestId('invite-submit').click()
    await guest.page.waitForURL(/\/b\//)
    await guest.board.ready()
    await guest.board.showOutline()
    await guest.page.locator(`[data-testid=outline] [data-testid=raise-button][data-pattern-id="${patterns['Trust comes first']}"]`).click()
    const note = guest.page.getByTestId('raise-no-role')
    await note.waitFor()
    expect(await note.innerText()).toContain('Raising to City council needs a contributor role there')
    expect(await guest.page.getByTestId('raise-kind-barrier').isDisabled()).toBe(true)
    expect(await guest.page.getByTestId('raise-submit').isDisabled()).toBe(true)
    await expectNoSevere(guest.page, 'raise dialog, no role up there')
  }, STEP)

  it('the organisation board with raised cards, one resolved: canvas and outline', async () => {
    const { page } = omar
    await omar.board.open(orgBoard)
    await expect.poll(() => omar.board.api((lw) => lw.session.cycles.data.getState().conditions.length), SYNC).toBe(2)
    // Cards are content: the board does not call itself empty.
    expect(await page.getByTestId('empty-board-hint').count()).toBe(0)
    await expectNoSevere(page, 'organisation board, canvas with cards')
    await page.screenshot({ path: join(ARTIFACTS, 'higher-board-1280.png') })
    await page.setViewportSize({ width: 768, height: 1024 })
    await page.screenshot({ path: join(ARTIFACTS, 'higher-board-768.png') })
    await page.setViewportSize({ width: 1280, height: 800 })
    await omar.board.showOutline()
    await page.locator('[data-testid=condition]').first().waitFor()
    await expectNoSevere(page, 'organisation board, outline with cards')
  }, STEP)

  it('the map and the presenter view', async () => {
    const { page } = omar
    await page.goto(`${e2e.baseUrl}/map`)
    await page.locator('[data-testid=map-cycle]').first().waitFor()
    await expectNoSevere(page, 'map')
    await tess.page.goto(`${e2e.baseUrl}/b/${teamBoard}/present`)
    await tess.page.getByTestId('board-canvas').waitFor()
    await expectNoSevere(tess.page, 'presenter view')
    await tess.page.screenshot({ path: join(ARTIFACTS, 'presenter-1280.png') })
    await tess.page.setViewportSize({ width: 768, height: 1024 })
    await tess.page.screenshot({ path: join(ARTIFACTS, 'presenter-768.png') })
    await tess.page.setViewportSize({ width: 1280, height: 800 })
  }, STEP)
})
