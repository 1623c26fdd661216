// CSV import benchmark in headless Chromium with the test build: `npx tsx bench/import/run.ts`.
//
//   import 1,000 rows onto an empty board and onto boards that already hold 2,000 and 5,000
//   stories: the file input's change event → the import report on screen (the page's own
//   performance.now(), so the test's round trips are not counted); median of BENCH_IMPORT_RUNS
//   (default 3), each on a fresh board.
//
// The file has 20 bad rows, as in e2e/patterns.spec.ts. E2E_CLIENT_DIR=<dir> measures another test
// build (e.g. one made before a change) against the same server code. Expect noise on a shared
// machine; nothing here is a pass/fail test.
import { cpus, loadavg } from 'node:os'
import type { Page } from 'playwright-core'
import { ApiClient, uniqueEmail } from '../../server/testing/apiClient.ts'
import { launchBrowser } from '../../e2e/browser.ts'
import { buildClient } from '../../e2e/support/buildClient.ts'
import { seedStories, storyGrid } from '../../e2e/support/seed.ts'
import { startServer } from '../../e2e/support/server.ts'
import { signedInContext, waitReady } from '../lib/browserPage.ts'

const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 3)
const SIZES = (process.env.BENCH_IMPORT_BOARDS ?? '0,2000,5000').split(',').map(Number)
const log = (line: string) => process.stderr.write(`[bench:import] ${line}\n`)

function csv(rows = 1000): string {
  const lines = ['text,tags,outcome']
  for (let i = 0; i < rows; i++) lines.push(i % 50 === 7 ? `Visit ${i},a,nonsense` : `"Visit ${i}, ward ${i % 7}",ward-${i % 7},better`)
  return lines.join('\n')
}

/** change event → report on screen, in the page's clock. */
async function timeImport(page: Page, file: string): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __importMs: Promise<number> }
    const input = document.querySelector('[data-testid=import-input]')!
    w.__importMs = new Promise((resolve) => {
      input.addEventListener(
        'change',
        () => {
          const t0 = performance.now()
          const seen = () => document.querySelector('[data-testid=import-report]') !== null
          new MutationObserver((_, obs) => {
            if (!seen()) return
            obs.disconnect()
            resolve(performance.now() - t0)
          }).observe(document.body, { subtree: true, childList: true })
        },
        { once: true },
      )
    })
  })
  await page.getByTestId('import-input').setInputFiles({ name: 'visits.csv', mimeType: 'text/csv', buffer: Buffer.from(file) })
  const ms = await page.evaluate(() => (window as unknown as { __importMs: Promise<number> }).__importMs)
  const imported = await page.getByTestId('import-report').getAttribute('data-imported')
  if (imported !== '980') throw new Error(`expected 980 imported, the report says ${imported}`)
  return ms
}

async function main(): Promise<void> {
  log(`machine: ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`)
  const staticDir = await buildClient(log)
  const [server, browser] = await Promise.all([startServer({ staticDir }), launchBrowser()])
  try {
    const api = new ApiClient(server.url)
    await api.signUp(uniqueEmail('bench'), 'Bench Person')
    const file = csv()
    for (const n of SIZES) {
      const times: number[] = []
      for (let run = 0; run < RUNS; run++) {
        const boardId = await api.createBoard(`Import bench ${n}`)
        if (n > 0) await seedStories(server.url, api.token!, boardId, storyGrid(n), { batch: 500, timeoutMs: 600_000 })
        const context = await signedInContext(browser, api)
        const page = await context.newPage()
        await page.goto(`${server.url}/b/${boardId}`)
        await waitReady(page)
        times.push(await timeImport(page, file))
        log(`${n} stories, run ${run + 1}: ${times.at(-1)!.toFixed(0)} ms`)
        await context.close()
      }
      const sorted = [...times].sort((a, b) => a - b)
      process.stdout.write(`import 1,000 rows onto ${n} stories: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(', ')})\n`)
    }
  } finally {
    await browser.close().catch(() => undefined)
    await server.stop()
  }
}

await main()
