// The e2e fixture, used once per spec file: the server (from the global setup, or its own when a
// spec runs without it), a headless Chromium, and people: an account made through the API whose
// browser context carries its session, with page objects for home and board. Everything opened
// here is closed in afterAll.
import { afterAll, beforeAll, inject } from 'vitest'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { ApiClient, uniqueEmail } from '../../server/testing/apiClient.ts'
import { launchBrowser } from '../browser.ts'
import { BoardPage } from '../pages/BoardPage.ts'
import { HomePage } from '../pages/HomePage.ts'
import { SignInPage } from '../pages/SignInPage.ts'
import { buildClient } from './buildClient.ts'
import { startServer, type RunningServer } from './server.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the server the global setup started, when it started one. */
    e2eBaseUrl?: string
  }
}

export const PASSWORD = 'correct horse battery staple'

export type Person = {
  name: string
  email: string
  api: ApiClient
  context: BrowserContext
  page: Page
  home: HomePage
  board: BoardPage
  /** Opens another tab in the same browser context (same account, same offline copy). */
  newTab(): Promise<{ page: Page; board: BoardPage }>
}

export type E2E = {
  readonly baseUrl: string
  readonly browser: Browser
  /** An account made through the API, signed in in a fresh browser context. */
  person(name: string, options?: BrowserContextOptions): Promise<Person>
  /** A fresh browser context with nobody signed in. */
  visitor(
    options?: BrowserContextOptions,
  ): Promise<{
    context: BrowserContext
    page: Page
    signIn: SignInPage
    home: HomePage
    board: BoardPage
  }>
  /** Makes `who` a member of the board with `role` (the owner's API call). */
  addMember(
    owner: Person,
    boardId: string,
    who: Person,
    role?: 'facilitator' | 'contributor' | 'observer',
  ): Promise<void>
}

/** Browser-side failures worth seeing in a test's output. */
function watch(page: Page, name: string): void {
  page.on('pageerror', (e) => process.stderr.write(`[${name}] page error: ${e.message}\n`))
}

export function useE2E(defaults: BrowserContextOptions = {}): E2E {
  let baseUrl = ''
  let browser: Browser | undefined
  let ownServer: RunningServer | undefined
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    const provided = inject('e2eBaseUrl')
    const [url, b] = await Promise.all([
      provided ??
        buildClient().then(async (staticDir) => {
          ownServer = await startServer({ staticDir })
          return ownServer.url
        }),
      launchBrowser(),
    ])
    baseUrl = url
    browser = b
  }, 240_000)

  afterAll(async () => {
    await Promise.allSettled(contexts.map((c) => c.close()))
    await browser?.close()
    await ownServer?.stop()
  })

  const newContext = async (options: BrowserContextOptions = {}) => {
    if (!browser) throw new Error('useE2E: the browser is not running (beforeAll failed?)')
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      ...defaults,
      ...options,
    })
    // Fail a step within the test's time rather than hang on one locator for 30 s.
    context.setDefaultTimeout(20_000)
    contexts.push(context)
    return context
  }

  return {
    get baseUrl() {
      return baseUrl
    },
    get browser() {
      if (!browser) throw new Error('useE2E: the browser is not running')
      return browser
    },
    async person(name, options) {
      const api = new ApiClient(baseUrl)
      const email = uniqueEmail(name.toLowerCase().replace(/[^a-z]+/g, '') || 'person')
      await api.signUp(email, name, PASSWORD)
      const context = await newContext(options)
      const cookies = api.browserCookies().map((cookie) => {
        // As the server sets them: the session is HTTP-only, the CSRF token readable by the page.
        const session = cookie.name === 'lw_session'
        return { ...cookie, httpOnly: session, sameSite: session ? ('Lax' as const) : ('Strict' as const) }
      })
      await context.addCookies(cookies)
      const page = await context.newPage()
      watch(page, name)
      return {
        name,
        email,
        api,
        context,
        page,
        home: new HomePage(page, baseUrl),
        board: new BoardPage(page, baseUrl),
        async newTab() {
          const tab = await context.newPage()
          watch(tab, `${name} (tab 2)`)
          return { page: tab, board: new BoardPage(tab, baseUrl) }
        },
      }
    },
    async visitor(options) {
      const context = await newContext(options)
      const page = await context.newPage()
      watch(page, 'visitor')
      return {
        context,
        page,
        signIn: new SignInPage(page, baseUrl),
        home: new HomePage(page, baseUrl),
        board: new BoardPage(page, baseUrl),
      }
    },
    async addMember(owner, boardId, who, role = 'contributor') {
      const res = await owner.api.request('POST', `/api/boards/${boardId}/members`, {
        email: who.email,
        role,
      })
      if (res.status !== 201)
        throw new Error(`add ${who.email} as ${role}: ${res.status} ${JSON.stringify(res.body)}`)
    },
  }
}
