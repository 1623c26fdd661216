// `npx tsx bench/exports/run.ts`: the cost of exports on a 1,000-story board with 25 patterns, and
// what a heavy export does to the server's event loop (everyone's edits and presence run there):
// the board PDF rendered in the export worker thread (as the server does) against the same render
// on the main thread. Prints a table; JSON in bench/results/exports.json.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { patternsCsv, storiesCsv } from '../../shared/export/csv.ts'
import { exportBoard } from '../../shared/export/exportBoard.ts'
import { buildReport, quotesOf, reportMarkdown } from '../../shared/export/report.ts'
import { renderSvg } from '../../shared/export/svg.ts'
import { addPattern, addStory, newBoard } from '../../shared/testing/board.ts'
import { ExportJobs } from '../../server/exports/jobs.ts'
import { render } from '../../server/exports/render.ts'
import { silentLog } from '../../server/log.ts'
import { REPO } from '../lib/procs.ts'

const STORIES = 1000
const PATTERNS = 25

const doc = newBoard()
const ids: string[] = []
for (let i = 0; i < STORIES; i++) {
  ids.push(
    addStory(doc, `story-${String(i).padStart(5, '0')}`, {
      pos: { x: (i % 40) * 220, y: Math.floor(i / 40) * 160 },
      text: `Story ${i}: the letter arrived after the deadline, so the family paid the fine twice and lost a week of wages.`,
      fields: { tellerRole: ['Resident', 'Practitioner', 'Manager'][i % 3], outcome: (['better', 'worse', 'mixed', 'unclear'] as const)[i % 4] },
    }),
  )
}
for (let p = 0; p < PATTERNS; p++) addPattern(doc, `pattern-${String(p).padStart(3, '0')}`, ids.slice(p * 40, p * 40 + 40), { x: p * 400, y: -600 })

const time = <T>(f: () => T): [T, number] => {
  const t = performance.now()
  const r = f()
  return [r, performance.now() - t]
}
const timeAsync = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now()
  const r = await f()
  return [r, performance.now() - t]
}

const [data, tExport] = time(() => exportBoard(doc, { anonymous: false, ballots: [], exportedAt: new Date().toISOString() }))
const [, tJson] = time(() => JSON.stringify(data))
const [, tCsv] = time(() => storiesCsv(data) + patternsCsv(data))
const [, tReport] = time(() => reportMarkdown(buildReport(data, quotesOf(doc), 'technical')))
const [pic, tSvg] = time(() => renderSvg(data, { kind: 'board' })!)

/** How late a 10 ms timer fires on this thread while `work` runs (what a socket message would wait). */
async function loopDelayDuring(work: () => Promise<unknown>): Promise<{ ms: number; p99: number; max: number }> {
  const lags: number[] = []
  let stop = false
  const arm = () => {
    const expected = performance.now() + 10
    setTimeout(() => {
      lags.push(Math.max(0, performance.now() - expected))
      if (!stop) arm()
    }, 10)
  }
  arm()
  // A render on this thread starts only after the probe is armed.
  await new Promise((r) => setTimeout(r, 0))
  const [, ms] = await timeAsync(work)
  // One more tick, so a block at the very end is measured too.
  await new Promise((r) => setTimeout(r, 20))
  stop = true
  lags.sort((a, b) => a - b)
  return { ms, p99: lags[Math.floor(lags.length * 0.99)] ?? 0, max: lags.at(-1) ?? 0 }
}

const jobs = new ExportJobs({ log: silentLog })
// Warm the worker (its first job pays the thread's start-up and module loading).
await jobs.settled(jobs.start({ kind: 'board.png', svg: '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', width: 1, height: 1 }, { boardId: 'b', userId: 'u', fileName: 'x' }).id)
const worker = await loopDelayDuring(async () => jobs.settled(jobs.start({ kind: 'board.pdf', data }, { boardId: 'b', userId: 'u', fileName: 'x' }).id))
const workerPng = await loopDelayDuring(async () => jobs.settled(jobs.start({ kind: 'board.png', svg: pic.svg, width: pic.width, height: pic.height }, { boardId: 'b', userId: 'u', fileName: 'x' }).id))
const inline = await loopDelayDuring(() => render({ kind: 'board.pdf', data }, () => {}))
await jobs.close()

const rows: Array<[string, string]> = [
  ['board', `${STORIES} stories, ${PATTERNS} patterns`],
  ['read the board into the export (ms)', tExport.toFixed(0)],
  ['JSON stringify (ms)', tJson.toFixed(0)],
  ['both CSVs (ms)', tCsv.toFixed(0)],
  ['technical report, Markdown (ms)', tReport.toFixed(0)],
  ['SVG of the board (ms)', tSvg.toFixed(0)],
  ['board PDF in the worker: wall time (ms)', worker.ms.toFixed(0)],
  ['  main-thread event-loop delay p99 / max (ms)', `${worker.p99.toFixed(1)} / ${worker.max.toFixed(1)}`],
  ['board PNG in the worker: wall time (ms)', workerPng.ms.toFixed(0)],
  ['  main-thread event-loop delay p99 / max (ms)', `${workerPng.p99.toFixed(1)} / ${workerPng.max.toFixed(1)}`],
  ['same PDF on the main thread (ms)', inline.ms.toFixed(0)],
  ['  main-thread event-loop delay p99 / max (ms)', `${inline.p99.toFixed(1)} / ${inline.max.toFixed(1)}`],
]
const width = Math.max(...rows.map((r) => r[0].length))
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`)
mkdirSync(join(REPO, 'bench', 'results'), { recursive: true })
writeFileSync(join(REPO, 'bench', 'results', 'exports.json'), JSON.stringify({ at: new Date().toISOString(), rows: Object.fromEntries(rows) }, null, 2))
