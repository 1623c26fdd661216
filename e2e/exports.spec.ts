// Show your working, in a browser: the owner of a seeded board opens Export & history, downloads a
// pattern as PDF through a worker job (progress shown, then the file), the board as JSON, imports
// that JSON from the home page as a new board with the same content, names a version "End of
// workshop" and restores it as a new board. An observer can export but not restore.
// Screenshots: e2e/artifacts/export-progress.png (a PNG rendering), export.png (the dialog after a
// PDF), history.png (versions).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createPattern, setMembership } from '../shared/ops/pattern.ts'
import { pdfPages, pdfText } from '../server/exports/pdfText.ts'
import { severeViolations, report } from './support/axe.ts'
import { type Person, useE2E } from './support/fixture.ts'
import { ARTIFACTS } from './support/paths.ts'
import { addStory, writeBoard } from './support/seed.ts'

// bypassCSP only so that axe-core can be injected (the app's CSP allows its own scripts only).
const e2e = useE2E({ acceptDownloads: true, bypassCSP: true })
const STEP = 120_000
const PATTERN = 'Persistence builds trust'

describe('exports, import and history', () => {
  let owner: Person
  let observer: Person
  let boardId: string
  let exported: { stories: unknown[]; patterns: unknown[] }

  beforeAll(async () => {
    ;[owner, observer] = await Promise.all([e2e.person('Esme Owner'), e2e.person('Otis Observer')])
    boardId = await owner.api.createBoard('Debt advice team', 'team')
    await e2e.addMember(owner, boardId, observer, 'observer')
    await writeBoard(e2e.baseUrl, owner.api.token!, boardId, (doc) => {
      const a = addStory(doc, { pos: { x: 40, y: 60 }, text: [[{ text: 'She came back ' }, { text: 'three times', marks: ['bold'] }]], fields: { tellerRole: 'Resident', outcome: 'better' } })
      const b = addStory(doc, { pos: { x: 280, y: 60 }, text: 'Waiting lists felt endless', fields: { tellerRole: 'Practitioner', outcome: 'worse' } })
      addStory(doc, { pos: { x: 700, y: 400 }, text: 'A loose story' })
      const p = createPattern(doc, { name: PATTERN, area: { x: 0, y: 0, w: 520, h: 260 }, storyIds: [a] }, { kind: 'local' })
      if (!p.ok) throw new Error('pattern')
      setMembership(doc, { storyId: b, pattern: p.value.id, role: 'counter-example' }, { kind: 'local' })
    })
  }, STEP)

  it('downloads a pattern as PDF through a job with progress, and the board as JSON', async () => {
    const { page } = owner
    await owner.board.open(boardId)
    await page.getByTestId('export-button').click()
    const dialog = page.getByTestId('export-dialog')
    await dialog.waitFor()
    // The whole board as PNG: the progress bar shows while the worker renders.
    const pngDownload = page.waitForEvent('download', { timeout: 60_000 })
    await page.getByTestId('export-png').click()
    await page.locator('[data-testid=export-progress] progress').waitFor()
    await page.screenshot({ path: join(ARTIFACTS, 'export-progress.png') })
    const png = readFileSync((await (await pngDownload).path()))
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    const scope = page.getByTestId('export-scope')
    const patternOption = await scope.locator('option', { hasText: `Pattern: ${PATTERN}` }).getAttribute('value')
    await scope.selectOption(patternOption)
    const pdfDownload = page.waitForEvent('download', { timeout: 60_000 })
    await page.getByTestId('export-pdf').click()
    await expect.poll(() => page.getByTestId('export-progress').textContent(), { timeout: 60_000 }).toMatch(/PDF/)
    const pdf = await pdfDownload
    expect(pdf.suggestedFilename()).toBe('debt-advice-team-pattern.pdf')
    const bytes = readFileSync((await pdf.path()))
    expect(pdfPages(bytes)).toBe(2)
    expect(pdfText(bytes)).toContain(PATTERN)
    expect(pdfText(bytes)).not.toContain('A loose story')
    await expect.poll(() => page.getByTestId('export-progress').textContent()).toContain('PDF ready')
    const violations = await severeViolations(page, { include: '[data-testid=export-dialog]' })
    expect(violations, report('export dialog', violations)).toEqual([])
    await page.screenshot({ path: join(ARTIFACTS, 'export.png') })

    const jsonDownload = page.waitForEvent('download')
    await page.getByTestId('export-json').click()
    const json = await jsonDownload
    exported = JSON.parse(readFileSync((await json.path()), 'utf8'))
    expect(exported.stories).toHaveLength(3)
    expect(exported.patterns).toHaveLength(1)
    await page.getByTestId('dialog-close').click()
  }, STEP)

  it('imports the JSON from the home page as a new board with the same content', async () => {
    const { page } = owner
    await owner.home.goto()
    await page.getByTestId('import-board-file').setInputFiles({ name: 'debt-advice-team.learning-wall.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) })
    await page.waitForURL(/\/b\//, { timeout: 30_000 })
    const newId = new URL(page.url()).pathname.split('/').pop()!
    expect(newId).not.toBe(boardId)
    await owner.board.ready()
    const again = await owner.api.request<string>('GET', `/api/boards/${newId}/export/json`)
    const { exportedAt: _a, ...rest } = again.body as unknown as Record<string, unknown>
    const { exportedAt: _b, ...before } = exported as unknown as Record<string, unknown>
    expect(rest).toEqual(before)
  }, STEP)

  it('names a version and restores it as a new board; an observer may export but not restore', async () => {
    const { page } = owner
    await owner.board.open(boardId)
    await page.getByTestId('export-button').click()
    await page.getByRole('tab', { name: 'History' }).click()
    await page.getByLabel('Name this version').fill('End of workshop')
    await page.getByRole('button', { name: 'Save version' }).click()
    await expect.poll(() => page.getByTestId('history-status').textContent()).toContain('Saved “End of workshop”')
    const named = page.locator('.version-list li[data-version-kind=named]', { hasText: 'End of workshop' })
    await named.waitFor()
    await page.screenshot({ path: join(ARTIFACTS, 'history.png') })
    await named.getByRole('button', { name: /Restore End of workshop/ }).click()
    await expect.poll(() => page.getByTestId('history-status').textContent(), { timeout: 30_000 }).toContain('Restored as a new board')
    await page.getByRole('link', { name: 'Open it' }).click()
    await expect.poll(() => page.getByTestId('board-title').textContent(), { timeout: 30_000 }).toBe('Debt advice team (End of workshop)')

    await observer.board.open(boardId)
    await observer.page.getByTestId('export-button').click()
    await observer.page.getByTestId('export-panel').waitFor()
    await observer.page.getByRole('tab', { name: 'History' }).click()
    await observer.page.locator('.version-list li').first().waitFor()
    expect(await observer.page.getByRole('button', { name: /Restore/ }).count()).toBe(0)
    expect(await observer.page.getByLabel('Name this version').count()).toBe(0)
  }, STEP)
})
