// Peers in two browsers: the owners of two team boards linked horizontally (Tess is also a
// contributor on Pia's board, which sharing needs). Tess shares a pattern with the peer cycle;
// Pia sees the read-only reference card live on her canvas and in her outline, with the evidence
// counts and the sharing cycle, but no way into Tess's board (she has no role there). Tess renames
// the pattern and Pia's card follows; once a teller consents to quotes on linked boards, Pia's card
// shows the quote, fetched from the server (her document never holds it); Tess stops sharing and
// the card disappears. Shared again and
// then deleted on Tess's board, the card stays on Pia's as "no longer live" until Pia removes it.
// Screenshots: e2e/artifacts/peers-share.png (Tess's share dialog), peers.png (Pia's canvas with the
// card and its panel open), peers-not-live.png (the card once the original is deleted).
//
// The steps build on each other, as one session does. Hooks: client/README.md "Connected cycles".
import { join } from 'node:path'
import type { Locator } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { report, severeViolations } from './support/axe.ts'
import { type Person, useE2E } from './support/fixture.ts'
import { ARTIFACTS } from './support/paths.ts'

// bypassCSP only so that axe-core can be injected (the app's CSP allows its own scripts only).
const e2e = useE2E({ bypassCSP: true })
/** Waiting for the other side (the server refreshes references ≈1 s after a change settles). */
const SYNC = { timeout: 20_000, interval: 100 }
const STEP = 120_000

const PATTERN = 'Letters nobody understands'
const RENAMED = 'Letters written for lawyers, not tenants'
const STORIES = ['Threw the arrears letter away unread', 'Called the office to ask what the letter meant']

describe('peers: a pattern shared with a horizontally linked cycle', () => {
  let tess: Person
  let pia: Person
  let teamA: string
  let teamB: string
  let patternId: string

  const inOutline = (who: Person, selector: string): Locator => who.page.locator(`[data-testid=outline] ${selector}`)
  const expectAccessible = async (who: Person, include: string) => {
    const violations = await severeViolations(who.page, { include })
    expect(violations.length, report(include, violations)).toBe(0)
  }
  const references = (who: Person) =>
    who.board.api((lw) => lw.session.cycles.data.getState().references.map((r) => ({ id: r.id, name: r.name, live: r.live, stories: r.evidence.stories })))

  beforeAll(async () => {
    ;[tess, pia] = await Promise.all([e2e.person('Tess Benefits'), e2e.person('Pia Housing')])
    teamA = await tess.api.createBoard('Benefits team', 'team')
    teamB = await pia.api.createBoard('Housing team', 'team')
    await e2e.addMember(pia, teamB, tess, 'contributor')
    // Tess manages only her own board, so the peer link waits until Pia accepts it.
    const asked = await tess.api.request<{ link: { id: string; status: string } }>('POST', `/api/boards/${teamA}/links`, { otherBoardId: teamB, kind: 'horizontal' })
    expect(asked.body.link.status).toBe('pending')
    const accepted = await pia.api.request<{ link: { status: string } }>('POST', `/api/boards/${teamB}/links/${asked.body.link.id}/accept`, {})
    expect(accepted.body.link.status).toBe('active')
  }, STEP)

  it('Tess groups two stories into a pattern; Pia has her own board open', async () => {
    await tess.board.open(teamA)
    patternId = await tess.board.outlinePattern(PATTERN, STORIES)

    await pia.board.open(teamB)
    expect(await references(pia)).toEqual([])
    expect(await pia.page.getByTestId('peers-toggle').count()).toBe(0)
  }, STEP)

  it('Tess shares it with the peer cycle; the card appears live on Pia’s canvas, read only', async () => {
    await inOutline(tess, `[data-testid=share-button][data-pattern-id="${patternId}"]`).click()
    const dialog = tess.page.getByTestId('share-dialog')
    await dialog.waitFor()
    await dialog.getByTestId('share-target').selectOption({ label: 'Housing team (Team)' })
    await expectAccessible(tess, '[data-testid=share-dialog]')
    await dialog.getByTestId('share-submit').click()
    await expect.poll(() => dialog.getByTestId('share-result').getAttribute('data-tone'), SYNC).toBe('ok')
    await expect.poll(() => dialog.locator(`[data-testid=share-item][data-target-id="${teamB}"]`).count(), SYNC).toBe(1)
    // Sharing again makes no second card.
    await dialog.getByTestId('share-submit').click()
    await expect.poll(() => dialog.getByTestId('share-result').getAttribute('data-tone'), SYNC).toBe('info')
    expect(await dialog.getByTestId('share-item').count()).toBe(1)
    await tess.page.screenshot({ path: join(ARTIFACTS, 'peers-share.png') })
    await dialog.getByTestId('share-close').click()
    await dialog.waitFor({ state: 'detached' })

    // Live on Pia's board without a reload: the document's reference, then the card on the canvas.
    await expect.poll(() => references(pia), SYNC).toEqual([expect.objectContaining({ name: PATTERN, live: true, stories: 2 })])
    const [ref] = await references(pia)
    await pia.page.getByTestId('peers-toggle').click()
    const box = (await pia.board.canvas.boundingBox())!
    await pia.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    const panel = pia.page.getByTestId('reference-panel')
    await expect.poll(() => panel.getAttribute('data-reference-id'), SYNC).toBe(ref!.id)
    expect(await panel.getByTestId('reference-name').innerText()).toBe(PATTERN)
    expect(await panel.getByTestId('reference-state').innerText()).toBe('Read only · live')
    expect(await panel.getByTestId('reference-evidence').innerText()).toContain('2 stories: 2 supporting')
    expect(await panel.getByTestId('reference-source').innerText()).toBe('Shared by Benefits team (Team)')
    // No story text crosses, and Pia has no role on Tess's board: no way in, and she is told why.
    expect(await panel.innerText()).not.toContain(STORIES[0])
    await panel.getByTestId('reference-no-access').waitFor()
    expect(await panel.getByTestId('reference-open-source').count()).toBe(0)
    // The card is not part of Pia's board: no story or pattern was added to her document.
    expect(await pia.board.api((lw) => ({ s: lw.snapshot().stories.length, p: lw.snapshot().patterns.length }))).toEqual({ s: 0, p: 0 })
    await expectAccessible(pia, '[data-testid=reference-panel]')
    await pia.page.screenshot({ path: join(ARTIFACTS, 'peers.png') })
    await pia.page.getByRole('button', { name: 'Close the shared pattern panel' }).click()
  }, STEP)

  it('Tess, who has a role on both boards, can follow the card back to the original', async () => {
    const { page, board } = await tess.newTab()
    await board.open(teamB)
    await board.showOutline()
    const item = page.locator('[data-testid=reference]')
    await item.getByTestId('reference-open-source').click()
    await expect.poll(() => new URL(page.url()).pathname, SYNC).toBe(`/b/${teamA}`)
    expect(new URL(page.url()).searchParams.get('pattern')).toBe(patternId)
    await page.close()
  }, STEP)

  it('Tess renames the pattern; Pia’s card follows', async () => {
    const section = inOutline(tess, `[data-testid=outline-pattern][data-pattern-id="${patternId}"]`)
    await section.getByRole('button', { name: `Rename pattern ${PATTERN}` }).click()
    const input = section.getByRole('textbox', { name: 'Pattern name' })
    await input.fill(RENAMED)
    await input.press('Enter')
    await expect.poll(async () => (await references(pia))[0]?.name, SYNC).toBe(RENAMED)
    await pia.board.showOutline()
    const item = pia.page.locator('[data-testid=outline] [data-testid=reference]')
    await expect.poll(() => item.getByTestId('reference-name').innerText(), SYNC).toBe(RENAMED)
    expect(await item.getAttribute('data-live')).toBe('true')
    await expectAccessible(pia, '[data-testid=peer-references]')
  }, STEP)

  it('[E16] once the first teller consents to quotes on linked boards, Pia sees the quote, fetched from the server; her document holds no story words [E15]', async () => {
    await tess.board.api((lw) => {
      const first = lw.snapshot().stories.find((s) => s.text.startsWith('Threw the arrears letter'))!
      const map = lw.doc.getMap('stories').get(first.id) as { set(key: string, value: unknown): void }
      map.set('consent', { givenBy: 'tenant', covers: ['board', 'linkedBoards', 'quotes'], date: '2026-11-20' })
    })
    // The card is read when shown: open Pia's board afresh and look at the outline's reference.
    await pia.board.open(teamB)
    await pia.board.showOutline()
    const item = pia.page.locator('[data-testid=outline] [data-testid=reference]')
    await expect.poll(() => item.getByTestId('reference-quotes').innerText().catch(() => ''), SYNC).toContain(STORIES[0])
    expect(await item.innerText()).not.toContain(STORIES[1])
    expect(await pia.board.api((lw) => JSON.stringify(lw.doc.getMap('references').toJSON()))).not.toContain(STORIES[0])
  }, STEP)

  it('Tess stops sharing; the card disappears from Pia’s board', async () => {
    await inOutline(tess, `[data-testid=share-button][data-pattern-id="${patternId}"]`).click()
    const dialog = tess.page.getByTestId('share-dialog')
    const item = dialog.locator(`[data-testid=share-item][data-target-id="${teamB}"]`)
    await item.waitFor()
    await item.getByTestId('share-remove').click()
    await expect.poll(() => dialog.getByTestId('share-item').count(), SYNC).toBe(0)
    await dialog.getByTestId('share-close').click()
    await expect.poll(() => references(pia), SYNC).toEqual([])
    await expect.poll(() => pia.page.locator('[data-testid=outline] [data-testid=reference]').count(), SYNC).toBe(0)
    expect(await pia.page.getByTestId('peers-toggle').count()).toBe(0)
  }, STEP)

  it('a deleted original stays on the peer board as "no longer live" until the peer removes it', async () => {
    await inOutline(tess, `[data-testid=share-button][data-pattern-id="${patternId}"]`).click()
    const dialog = tess.page.getByTestId('share-dialog')
    await dialog.getByTestId('share-submit').click()
    await expect.poll(() => dialog.getByTestId('share-result').getAttribute('data-tone'), SYNC).toBe('ok')
    await dialog.getByTestId('share-close').click()
    const item = pia.page.locator('[data-testid=outline] [data-testid=reference]')
    await expect.poll(() => item.getAttribute('data-live'), SYNC).toBe('true')

    await inOutline(tess, `[data-testid=outline-pattern][data-pattern-id="${patternId}"]`).getByRole('button', { name: `Pattern details: ${RENAMED}` }).click()
    await tess.page.getByTestId('pattern-delete').click()
    await expect.poll(() => item.getAttribute('data-live'), SYNC).toBe('false')
    expect(await item.getByTestId('reference-name').innerText()).toBe(RENAMED)
    expect(await item.getByTestId('reference-not-live').innerText()).toContain('No longer live: the original was deleted on Benefits team')
    expect(await item.getByTestId('reference-state').innerText()).toBe('No longer live')
    await pia.board.showCanvas()
    await pia.page.screenshot({ path: join(ARTIFACTS, 'peers-not-live.png') })
    await pia.board.showOutline()
    // Pia owns the peer board: she may take the card away.
    await item.getByTestId('reference-unshare').click()
    await expect.poll(() => references(pia), SYNC).toEqual([])
  }, STEP)
})
