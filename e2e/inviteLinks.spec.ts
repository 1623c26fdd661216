// Invite links as a facilitator running a workshop uses them: the link was forwarded, so she stops
// new joins (the guests already in keep working, a newcomer is told the link is paused), allows
// joins again, watches the count of members through the link follow people joining without a
// reload, and removes everyone who joined through it only after a question naming how many.
// Screenshots: e2e/artifacts/invite-remove-1280.png, invite-remove-768.png; axe on the dialog.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { report, severeViolations } from './support/axe.ts'
import { type Person, useE2E } from './support/fixture.ts'
import { ARTIFACTS } from './support/paths.ts'

const e2e = useE2E({ bypassCSP: true })
const SYNC = { timeout: 15_000, interval: 100 }
const STEP = 120_000

async function joinAsGuest(page: Page, token: string, name: string): Promise<void> {
  await page.goto(`${e2e.baseUrl}/i/${token}`)
  await page.getByTestId('invite-display-name').fill(name)
  await page.getByTestId('invite-submit').click()
  await page.waitForURL(/\/b\//)
}

describe('pausing an invite link and removing who joined through it', () => {
  let owner: Person
  let boardId: string
  let token = ''
  let first: Awaited<ReturnType<typeof e2e.visitor>>
  const row = () => owner.page.getByTestId('invite-row')

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true })
    owner = await e2e.person('Fran Facilitator')
    boardId = await owner.api.createBoard('Workshop with a forwarded link', 'place')
    const res = await owner.api.request<{ token: string }>('POST', `/api/boards/${boardId}/invites`, { role: 'contributor' })
    token = res.body.token
    first = await e2e.visitor()
    await joinAsGuest(first.page, token, 'Gil Guest')
    await first.board.ready()
    await owner.board.open(boardId)
    await owner.page.getByTestId('people-settings-button').click()
    await owner.page.getByTestId('people-tab-invites').click()
  }, STEP)

  it('stop new joins: the guest already in keeps the board, a newcomer is told the link is paused', async () => {
    await expect.poll(() => row().getByTestId('invite-members').innerText(), SYNC).toBe('1 member through it now')
    await row().getByRole('button', { name: /^Stop new joins/ }).click()
    await expect.poll(() => row().getAttribute('data-state'), SYNC).toBe('paused')
    const late = await e2e.visitor()
    await late.page.goto(`${e2e.baseUrl}/i/${token}`)
    const problem = late.page.getByTestId('invite-problem')
    await problem.waitFor()
    expect(await problem.getAttribute('data-code')).toBe('invite_disabled')
    expect(await problem.innerText()).toContain('This invite link takes no new joins for now')
    // Gil is still connected and may still write.
    expect(await first.board.connectionStatus()).toBe('connected')
    expect(await first.board.api((lw) => lw.session.access.getState().canEdit)).toBe(true)
  }, STEP)

  it('allow new joins again: the count of members through the link follows without a reload', async () => {
    await row().getByRole('button', { name: /^Allow new joins/ }).click()
    await expect.poll(() => row().getAttribute('data-state'), SYNC).toBe('live')
    const second = await e2e.visitor()
    await joinAsGuest(second.page, token, 'Hal Guest')
    await expect.poll(() => row().getByTestId('invite-members').innerText(), SYNC).toBe('2 members through it now')
  }, STEP)

  it('removing everyone who joined asks first, naming how many; axe finds nothing serious', async () => {
    await row().getByRole('button', { name: /^Remove everyone who joined/ }).click()
    const question = owner.page.getByRole('group', { name: 'Confirm removing everyone who joined through this link' })
    expect(await question.innerText()).toContain('Remove all 2 people who joined through this link from the board?')
    expect(await owner.page.getByTestId('invite-revoke-confirm').innerText()).toBe('Remove 2 people')
    const violations = await severeViolations(owner.page)
    expect(violations.length, report('people dialog, invite links, removal question', violations)).toBe(0)
    await owner.page.screenshot({ path: join(ARTIFACTS, 'invite-remove-1280.png') })
    await owner.page.setViewportSize({ width: 768, height: 1024 })
    await owner.page.screenshot({ path: join(ARTIFACTS, 'invite-remove-768.png') })
    await owner.page.setViewportSize({ width: 1280, height: 800 })
    await owner.page.getByTestId('invite-revoke-confirm').click()
    await expect.poll(() => row().getAttribute('data-state'), SYNC).toBe('revoked')
    const notice = first.page.getByTestId('close-notice')
    await notice.waitFor({ timeout: 10_000 })
    expect(await notice.getAttribute('data-code')).toBe('4403')
  }, STEP)
})
