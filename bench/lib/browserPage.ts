// The browser side of the benchmarks that drive the real client: a context signed in as a person
// made through the API, and a board page that has synced. Nothing here measures anything.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { ApiClient } from '../../server/testing/apiClient.ts'

export const VIEWPORT = { width: 1280, height: 800 }
// tsx compiles with keepNames: functions handed to the page may call esbuild's `__name`.
const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((f) => f)'

export async function signedInContext(browser: Browser, api: ApiClient, viewport = VIEWPORT): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport })
  await context.addCookies(api.browserCookies())
  await context.addInitScript(NAME_SHIM)
  return context
}

/** The test API is up, the socket is connected and the board has arrived (large boards take long). */
export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const lw = window.__learningWall
      return !!lw && lw.synced() && lw.connection().status === 'connected'
    },
    undefined,
    { timeout: 180_000 },
  )
}
