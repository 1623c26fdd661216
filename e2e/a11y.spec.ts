// Accessibility with axe-core on the screens a person goes through: sign-in, home, and a board
// (canvas with a story being written, story details, keyboard help, outline view). No violation
// of impact serious or critical is allowed; each is listed with its elements when one appears.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { PEER_COLOURS } from '../client/presence/peers.ts'
import { uniqueEmail } from '../server/testing/apiClient.ts'
import type { BoardPage } from './pages/BoardPage.ts'
import { report, severeViolations } from './support/axe.ts'
import { type Person, PASSWORD, useE2E } from './support/fixture.ts'
import { ARTIFACTS } from './support/paths.ts'

// axe's source is injected as a script: the app's CSP (script-src 'self') would refuse it.
const e2e = useE2E({ bypassCSP: true })
const STEP = 120_000

async function expectNoSevere(
  page: Person['page'],
  where: string,
  options: Parameters<typeof severeViolations>[1] = {},
): Promise<void> {
  const violations = await severeViolations(page, options)
  expect(violations.length, report(where, violations)).toBe(0)
}

/** Each person's colour is picked at random; fix it so that one run checks what the next does. */
const setColour = (board: BoardPage, name: string, colour: string) =>
  board.page.evaluate(
    ({ n, c }) => window.__learningWall!.session.setUser({ name: n, colour: c }),
    { n: name, c: colour },
  )

describe('accessibility (axe-core, serious and critical)', () => {
  let visitor: Awaited<ReturnType<typeof e2e.visitor>>
  let boardId: string
  let dan: Person
  const EVE = 'Eve Evaluator'

  beforeAll(async () => {
    visitor = await e2e.visitor()
  })

  it(
    'sign-in page',
    async () => {
      await visitor.signIn.goto()
      // It says what Learning Wall is before asking for anything.
      expect(await visitor.page.getByTestId('product-intro').innerText()).toMatch(/making sense of people’s stories together/)
      await expectNoSevere(visitor.page, 'sign-in page')
      mkdirSync(ARTIFACTS, { recursive: true })
      await visitor.page.screenshot({ path: join(ARTIFACTS, 'sign-in-1280.png') })
    },
    STEP,
  )

  it(
    'create-account form',
    async () => {
      await visitor.page.getByRole('button', { name: 'No account yet? Create one' }).click()
      await visitor.page.getByLabel('Your name, as others see it').waitFor()
      await expectNoSevere(visitor.page, 'create-account form')
    },
    STEP,
  )

  it(
    'home page with a board listed',
    async () => {
      // The account is made through the form, as a person would.
      await visitor.page.getByRole('button', { name: 'Have an account? Sign in' }).click()
      await visitor.signIn.createAccount({
        email: uniqueEmail('eve'),
        password: PASSWORD,
        displayName: EVE,
        organisation: 'Westbury Council',
      })
      await visitor.home.goto()
      boardId = await visitor.home.createBoard('Accessible board')
      // The new board says how to begin, and the hint goes with the first story.
      const hint = visitor.page.getByTestId('empty-board-hint')
      await hint.waitFor()
      expect(await hint.innerText()).toMatch(/Double-click anywhere, or press N/)
      await expectNoSevere(visitor.page, 'empty board')
      await visitor.page.screenshot({ path: join(ARTIFACTS, 'empty-board-1280.png') })
      await visitor.page.setViewportSize({ width: 768, height: 1024 })
      await visitor.page.screenshot({ path: join(ARTIFACTS, 'empty-board-768.png') })
      await visitor.page.setViewportSize({ width: 1280, height: 800 })
      await visitor.home.goto()
      expect(await visitor.home.boardTitles()).toContain('Accessible board')
      await expectNoSevere(visitor.page, 'home page')
    },
    STEP,
  )

  it(
    'board canvas while writing a story, with someone else on the board',
    async () => {
      dan = await e2e.person('Dan Colleague')
      // Eve's account lives only in her browser: she adds Dan from the page, CSRF header and all.
      const status = await visitor.page.evaluate(
        async ({ id, email }) => {
          const csrf = /(?:^|;\s*)lw_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? ''
          const r = await fetch(`/api/boards/${id}/members`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'x-csrf-token': decodeURIComponent(csrf),
            },
            body: JSON.stringify({ email, role: 'contributor' }),
          })
          return r.status
        },
        { id: boardId, email: dan.email },
      )
      expect(status).toBe(201)
      await Promise.all([visitor.board.open(boardId), dan.board.open(boardId)])
      // A colour white initials are readable on; the whole palette is checked below.
      await Promise.all([
        setColour(visitor.board, EVE, '#6a4c93'),
        setColour(dan.board, dan.name, '#6a4c93'),
      ])
      await visitor.board.newStory()
      await visitor.board.type('Letters in plain English halved the missed appointments')
      await expect.poll(() => visitor.board.avatarNames()).toContain(dan.name)
      await expectNoSevere(visitor.page, 'board canvas (writing a story)')
    },
    STEP,
  )

  it(
    'story details panel',
    async () => {
      await visitor.board.stopWriting()
      await visitor.page.keyboard.press('i')
      await visitor.page.getByTestId('story-panel').getByLabel('Experiment').waitFor()
      await expectNoSevere(visitor.page, 'story details panel')
    },
    STEP,
  )

  it(
    'keyboard help',
    async () => {
      await visitor.board.canvas.focus()
      await visitor.page.keyboard.press('?')
      await visitor.page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor()
      await expectNoSevere(visitor.page, 'keyboard help')
      await visitor.page.keyboard.press('Escape')
    },
    STEP,
  )

  it(
    'outline view',
    async () => {
      await visitor.board.showOutline()
      await visitor.page.locator('li[data-testid=outline-story]').first().waitFor()
      await expectNoSevere(visitor.page, 'outline view')
    },
    STEP,
  )

  it(
    'avatar initials are readable on every colour a person can get',
    async () => {
      const failing: string[] = []
      for (const colour of PEER_COLOURS) {
        await Promise.all([
          setColour(visitor.board, EVE, colour),
          setColour(dan.board, dan.name, colour),
        ])
        await expect
          .poll(() => visitor.page.locator(`[data-peer="${dan.name}"]`).getAttribute('style'))
          .toContain(hexToRgb(colour))
        const violations = await severeViolations(visitor.page, {
          include: '[data-testid=avatars]',
          rules: ['color-contrast'],
        })
        if (violations.length) failing.push(report(`avatars on ${colour}`, violations))
      }
      expect(failing.length, failing.join('\n')).toBe(0)
    },
    STEP,
  )
})

function hexToRgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
  return `rgb(${r}, ${g}, ${b})`
}
