// Connected learning cycles in two browsers: the owner of a team board and the owner of an
// organisation board (each a contributor on the other's board where the flow needs it). The team
// links up to the organisation (pending until the organisation accepts), raises a pattern as a
// barrier; the card appears live on the organisation board (canvas and outline), which
// acknowledges, responds and later declines with a reason, and the team board's pattern shows each
// answer live. The map shows both cycles, their link and the open count.
//
// The steps build on each other, as one session does. Hooks: client/README.md "Connected cycles".
import type { Locator, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Person, useE2E } from './support/fixture.ts'

const e2e = useE2E()
/** Waiting for the other side: generous on a shared two-core machine; no timing is asserted. */
const SYNC = { timeout: 15_000, interval: 50 }
const STEP = 120_000

const PATTERN = 'Decisions take too long'
const STORIES = ['Waited six weeks for a decision', 'Fell into rent arrears while waiting']
const REASON = 'Statutory timescales apply'
const RESPONSE = 'We see this in our data too'

/** The connected-cycles controls of one board page, by their test hooks. */
class Cycles {
  constructor(readonly page: Page) {}

  hook(id: string): Locator {
    return this.page.getByTestId(id)
  }

  async openLinks(): Promise<Locator> {
    const panel = this.hook('links-panel')
    if (!(await panel.count())) await this.hook('links-toggle').click()
    await panel.waitFor()
    return panel
  }

  link(otherBoardId: string): Locator {
    return this.page.locator(`[data-testid=link-item][data-other-id="${otherBoardId}"]`)
  }

  /** In the outline: the marks of where a pattern went (there may also be a pattern panel). */
  raisedStatus(patternId: string): Locator {
    return this.page.locator(`[data-testid=outline] [data-testid=pattern-cycles][data-pattern-id="${patternId}"] [data-testid=raised-status]`)
  }

  raisedMarkText(patternId: string): Promise<string> {
    return this.page.locator(`[data-testid=outline] [data-testid=pattern-cycles][data-pattern-id="${patternId}"] [data-testid=raised-mark]`).innerText()
  }

  async raise(patternId: string, kind: 'enabler' | 'barrier', target: string, note = ''): Promise<{ tone: string | null; text: string }> {
    await this.page.locator(`[data-testid=outline] [data-testid=raise-button][data-pattern-id="${patternId}"]`).click()
    await this.hook('raise-dialog').waitFor()
    await this.hook(`raise-kind-${kind}`).check()
    const targets = this.hook('raise-target')
    if (await targets.count()) await targets.selectOption({ label: target })
    if (note) await this.hook('raise-note').fill(note)
    await this.hook('raise-submit').click()
    const result = this.hook('raise-result')
    await result.waitFor()
    const out = { tone: await result.getAttribute('data-tone'), text: await result.innerText() }
    await this.hook('raise-close').click()
    await this.hook('raise-dialog').waitFor({ state: 'detached' })
    return out
  }

  condition(id?: string): Locator {
    return this.page.locator(id ? `[data-testid=condition][data-condition-id="${id}"]` : '[data-testid=condition]')
  }

  /** Condition cards the board document holds (what the canvas draws), through the test API. */
  cardsOnCanvas(): Promise<Array<{ id: string; status: string; name: string }>> {
    return this.page.evaluate(() => window.__learningWall!.session.cycles.data.getState().conditions.map((c) => ({ id: c.id, status: c.status, name: c.name })))
  }

  mapCount(boardId: string, direction: 'raised' | 'received', kind: 'enabler' | 'barrier'): Promise<string> {
    return this.page.locator(`[data-testid=map-cycle][data-board-id="${boardId}"] [data-testid=open-count][data-direction=${direction}][data-kind=${kind}]`).textContent().then((t) => (t ?? '').trim())
  }
}

describe('connected learning cycles', () => {
  let tess: Person
  let omar: Person
  let teamBoard: string
  let orgBoard: string
  let patternId: string
  let conditionId: string
  let team: Cycles
  let org: Cycles

  beforeAll(async () => {
    ;[tess, omar] = await Promise.all([e2e.person('Tess Team'), e2e.person('Omar Organisation')])
    teamBoard = await tess.api.createBoard('Benefits team', 'team')
    orgBoard = await omar.api.createBoard('City council', 'organisation')
    // Raising needs a contributor role on both boards.
    await e2e.addMember(omar, orgBoard, tess, 'contributor')
    team = new Cycles(tess.page)
    org = new Cycles(omar.page)
  }, STEP)

  it('the team groups two stories into a pattern in the outline view', async () => {
    await tess.board.open(teamBoard)
    expect(await team.hook('board-scale').getAttribute('data-scale')).toBe('team')
    expect(await team.hook('board-element').innerText()).toBe('Understand the system')
    patternId = await tess.board.outlinePattern(PATTERN, STORIES)
    // The first teller agreed to be quoted on linked boards (a raise quotes only with that consent).
    await tess.board.api((lw) => {
      const first = lw.snapshot().stories.find((s) => s.text.startsWith('Waited six weeks'))!
      const map = lw.doc.getMap('stories').get(first.id) as { set(key: string, value: unknown): void }
      map.set('consent', { givenBy: 'tenant', covers: ['board', 'linkedBoards', 'quotes'], date: '2026-11-20' })
    })
  }, STEP)

  it('links up to the organisation: pending (nothing to raise to yet) until the organisation accepts', async () => {
    const panel = await team.openLinks()
    await panel.getByTestId('link-board').selectOption({ label: 'City council (Organisation)' })
    expect(await panel.getByTestId('link-kind-vertical').isChecked()).toBe(true)
    await panel.getByTestId('link-submit').click()
    await expect.poll(() => team.link(orgBoard).getAttribute('data-status'), SYNC).toBe('pending')
    expect(await team.link(orgBoard).getAttribute('data-direction')).toBe('up')

    // A pending link leads nowhere yet.
    await tess.page.locator(`[data-testid=outline] [data-testid=raise-button][data-pattern-id="${patternId}"]`).click()
    await team.hook('raise-no-targets').waitFor()
    await team.hook('raise-close').click()

    await omar.board.open(orgBoard)
    const orgPanel = await org.openLinks()
    await orgPanel.locator(`[data-testid=link-item][data-other-id="${teamBoard}"] [data-testid=link-accept]`).click()
    await expect.poll(() => org.link(teamBoard).getAttribute('data-status'), SYNC).toBe('active')
    expect(await org.link(teamBoard).getAttribute('data-direction')).toBe('down')
    await org.hook('links-toggle').click()
  }, STEP)

  it('raises the pattern as a barrier; the card appears live on the organisation board', async () => {
    const raised = await team.raise(patternId, 'barrier', 'City council (Organisation)', 'People fall into arrears while they wait')
    expect(raised.tone).toBe('ok')
    await expect.poll(() => team.raisedStatus(patternId).getAttribute('data-status'), SYNC).toBe('raised')
    expect(await team.raisedMarkText(patternId)).toContain('City council')

    // Live on the organisation's canvas (the document's cards) without a reload ...
    await expect.poll(async () => (await org.cardsOnCanvas()).length, SYNC).toBe(1)
    const [card] = await org.cardsOnCanvas()
    conditionId = card!.id
    expect(card).toMatchObject({ name: PATTERN, status: 'raised' })
    // ... and a click on the card opens the condition panel.
    await org.hook('below-toggle').click()
    const box = (await omar.board.canvas.boundingBox())!
    await omar.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    await expect.poll(() => org.hook('condition-panel').getAttribute('data-condition-id'), SYNC).toBe(conditionId)
    await omar.page.getByRole('button', { name: 'Close the condition panel' }).click()

    // The outline lists it with what was carried across.
    await omar.board.showOutline()
    const item = org.condition(conditionId)
    await item.waitFor()
    expect(await item.getAttribute('data-kind')).toBe('barrier')
    expect(await item.getAttribute('data-status')).toBe('raised')
    expect(await item.getByTestId('condition-evidence').innerText()).toContain('2 stories')
    // The quote is resolved by the server when the card is shown [E16]; the organisation's document
    // (and so its offline copy) holds no story's words [E15].
    await expect.poll(() => item.getByTestId('condition-quotes').innerText(), SYNC).toContain(STORIES[0])
    expect(await omar.board.api((lw) => JSON.stringify(lw.doc.getMap('conditions').toJSON()))).not.toContain(STORIES[0])
  }, STEP)

  it('the organisation acknowledges and responds; the team’s pattern shows both live', async () => {
    const item = org.condition(conditionId)
    await item.locator('[data-testid=set-status][data-status=acknowledged]').click()
    await expect.poll(() => team.raisedStatus(patternId).getAttribute('data-status'), SYNC).toBe('acknowledged')
    expect(await team.raisedStatus(patternId).innerText()).toBe('Acknowledged')
    await expect.poll(() => item.getAttribute('data-status'), SYNC).toBe('acknowledged')

    await item.getByTestId('response-input').fill(RESPONSE)
    await item.getByTestId('response-submit').click()
    await expect.poll(() => team.raisedMarkText(patternId), SYNC).toContain(RESPONSE)
  }, STEP)

  it('the map shows both cycles, their link and the open count', async () => {
    const { page } = await tess.newTab()
    const map = new Cycles(page)
    await page.goto(`${e2e.baseUrl}/map`)
    await page.locator('[data-testid=map-cycle]').first().waitFor()
    const ids = await page.locator('[data-testid=map-cycle]').evaluateAll((els) => els.map((e) => e.getAttribute('data-board-id')))
    expect(ids).toEqual(expect.arrayContaining([teamBoard, orgBoard]))
    const link = page.locator(`[data-testid=map-link][data-lower="${teamBoard}"][data-higher="${orgBoard}"]`)
    expect(await link.getAttribute('data-status')).toBe('active')
    expect(await map.mapCount(teamBoard, 'raised', 'barrier')).toBe('1')
    expect(await map.mapCount(orgBoard, 'received', 'barrier')).toBe('1')
    expect(await map.mapCount(orgBoard, 'raised', 'barrier')).toBe('0')
    // The same data as a table.
    expect(await page.locator(`[data-testid=map-row][data-board-id="${teamBoard}"] [data-testid=map-row-raised]`).innerText()).toBe('0 / 1')
    // Scales run upwards: the organisation is drawn above the team.
    const y = async (id: string) => (await page.locator(`[data-testid=map-cycle][data-board-id="${id}"]`).boundingBox())!.y
    expect(await y(orgBoard)).toBeLessThan(await y(teamBoard))
    await page.close()
  }, STEP)

  it('the organisation declines with a reason; status and reason appear live on the team’s pattern', async () => {
    const item = org.condition(conditionId)
    await item.getByTestId('decline-toggle').click()
    // A reason is required.
    expect(await item.getByTestId('decline-submit').isDisabled()).toBe(true)
    await item.getByTestId('decline-reason-input').fill(REASON)
    await item.getByTestId('decline-submit').click()
    await expect.poll(() => team.raisedStatus(patternId).getAttribute('data-status'), SYNC).toBe('declined')
    expect(await team.raisedStatus(patternId).innerText()).toBe('Declined')
    expect(await tess.page.locator('[data-testid=outline] [data-testid=raised-decline-reason]').innerText()).toBe(REASON)
    await expect.poll(() => item.getByTestId('condition-decline-reason').innerText(), SYNC).toContain(REASON)
  }, STEP)

  it('a retried raise says it was already raised; the organisation sees only what was carried across', async () => {
    const again = await team.raise(patternId, 'barrier', 'City council (Organisation)')
    expect(again.tone).toBe('info')
    expect(again.text).toContain('already raised')
    expect(await org.cardsOnCanvas()).toHaveLength(1)

    // Omar has no role on the team board: the evidence stays there.
    await org.condition(conditionId).getByTestId('show-evidence').click()
    const note = org.condition(conditionId).getByTestId('evidence-note')
    await note.waitFor()
    expect(await note.innerText()).toMatch(/carried across/)
    expect(new URL(omar.page.url()).pathname).toBe(`/b/${orgBoard}`)
  }, STEP)
})
