// `npm run bench`: fan-out latency for Learning Wall, a raw ws relay and Hocuspocus at 50 and 200
// clients, then Learning Wall scaled out (PostgreSQL + Redis, one instance and two with the clients
// split: the latency crossing adds and the Redis commands per message), then the 5,000-story
// board's size, load time and heap, then the canvas in headless
// Chromium (bench/canvas/run.ts, its own table and bench/results/canvas.json). One table, targets
// beside the figures, JSON in bench/results/latest.json. Every child process is killed on any exit.
//
// Environment (for development): BENCH_QUICK=1 shortens the windows, BENCH_SERVERS=a,b and
// BENCH_CLIENTS=50,200 pick scenarios, BENCH_SCALE=0 skips the scale-out scenarios (A2;
// BENCH_SCALE_CLIENTS=50 their size; TEST_DATABASE_URL the PostgreSQL server), BENCH_SIZE=0 skips part B, BENCH_CANVAS=0 skips part C
// (its own settings: see bench/canvas/run.ts), BENCH_AMPLIFICATION=0 skips part D (read
// amplification: bench/amplification/run.ts), BENCH_PROFILE=1 writes a
// --cpu-prof of each Learning Wall server child to bench/results/prof.
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { runScenario, type Load, type ScenarioResult } from './fanout/scenario.ts'
import { scaleOutAvailable } from './fanout/scaleOut.ts'
import { SCALED_KINDS, SERVER_KINDS, type ServerKind } from './fanout/servers.ts'
import { installCleanup, REPO, spawnTs, stop } from './lib/procs.ts'
import { cpuPlan, pin, raisePriority } from './lib/sched.ts'
import { amplificationTable, runAmplification, type AmplificationResult } from './amplification/run.ts'
import { fanoutTable, scaleOutTable, sizeTable, verdicts, verdictTable } from './report.ts'
import type { SizeResult } from './size/types.ts'

const env = process.env
const quick = env.BENCH_QUICK === '1'
const servers = (env.BENCH_SERVERS?.split(',') ?? SERVER_KINDS) as ServerKind[]
const clientCounts = (env.BENCH_CLIENTS ?? '50,200').split(',').map(Number)
const resultsDir = join(REPO, 'bench', 'results')

function loadFor(clients: number): Load {
  return {
    clients,
    workers: Number(env.BENCH_WORKERS ?? 1),
    probes: 10,
    cursorHz: 20,
    dragHz: 30,
    dragMs: Number(env.BENCH_DRAG_MS ?? 2000),
    warmupMs: quick ? 1000 : 2000,
    measureMs: quick ? 3000 : 9000,
  }
}

const LEGEND = [
  '   p50…max: send() at the sender → receipt at 10 probe clients, every awareness entry they get; upd: the same for',
  '   the story-move update. sent/s: awareness messages sent (target/s: the load as defined). frames/s in, entries/s:',
  '   frames and awareness entries received by all clients; deliv% = entries / (sent × (clients − 1)): below 100 when',
  '   a server coalesces (Learning Wall sends only the newest state per client per flush) or is behind. CPU% is % of',
  '   one core over the window: srv = server child (/proc/<pid>/stat), load = load worker, other = every other process',
  '   on the machine (noise from outside the bench).',
]

async function boardSize(): Promise<SizeResult> {
  const child = spawnTs('bench/size/boardSize.ts', {
    nodeArgs: ['--expose-gc'],
    ipc: true,
    env: { BENCH_STORIES: env.BENCH_STORIES ?? '5000' },
  })
  try {
    return await new Promise<SizeResult>((resolve, reject) => {
      child.on(
        'message',
        (m: { type: string; result: SizeResult }) => m.type === 'size' && resolve(m.result),
      )
      child.once('exit', (code) => reject(new Error(`board size child exited with ${code}`)))
    })
  } finally {
    await stop(child)
  }
}

/** Part C: the canvas benchmark's table (it prints nothing else on stdout). */
async function canvasBench(): Promise<string> {
  const child = spawnTs('bench/canvas/run.ts')
  let table = ''
  child.stdout?.on('data', (d: Buffer) => (table += d.toString()))
  try {
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    if (code !== 0) throw new Error(`canvas bench exited with ${code}`)
    return table.trim()
  } finally {
    await stop(child)
  }
}

/** Which code was measured: the commit and how many server/ and shared/ files differ from it. */
function codeVersion(): { commit: string; uncommittedFiles: number } {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: REPO }).toString().trim()
    const dirty = git('status', '--porcelain', '--', 'server', 'shared')
    return {
      commit: git('rev-parse', '--short', 'HEAD'),
      uncommittedFiles: dirty ? dirty.split('\n').length : 0,
    }
  } catch {
    return { commit: 'unknown', uncommittedFiles: 0 }
  }
}

async function main(): Promise<void> {
  installCleanup()
  const cpus = cpuPlan()
  if (cpus.load) pin(process.pid, cpus.load)
  raisePriority(process.pid)
  const startedAt = new Date().toISOString()
  const load0 = loadavg()[0]!
  const log = (s: string) => process.stderr.write(`${s}\n`)
  log(
    `bench: ${cpus.cores} CPUs; server pinned to ${cpus.server ?? 'any'}, load to ${cpus.load ?? 'any'}; load average ${load0.toFixed(2)}`,
  )
  const profile = env.BENCH_PROFILE === '1'
  if (profile) mkdirSync(join(resultsDir, 'prof'), { recursive: true })

  const rows: ScenarioResult[] = []
  for (const clients of clientCounts) {
    for (const kind of servers) {
      log(`bench: ${kind} with ${clients} clients…`)
      const nodeArgs =
        profile && kind === 'learning-wall'
          ? ['--cpu-prof', `--cpu-prof-dir=${join(resultsDir, 'prof')}`]
          : []
      rows.push(await runScenario(kind, loadFor(clients), cpus, nodeArgs))
    }
  }
  let scaleNote = ''
  if (env.BENCH_SCALE !== '0') {
    const missing = await scaleOutAvailable()
    if (missing) {
      scaleNote = `   skipped: ${missing}`
      log(`bench: scale-out skipped: ${missing}`)
    } else {
      const clients = Number(env.BENCH_SCALE_CLIENTS ?? 50)
      for (const kind of SCALED_KINDS) {
        log(`bench: ${kind} with ${clients} clients (PostgreSQL + private redis-server)…`)
        const nodeArgs = profile ? ['--cpu-prof', `--cpu-prof-dir=${join(resultsDir, 'prof')}`] : []
        rows.push(await runScenario(kind, loadFor(clients), cpus, nodeArgs))
      }
    }
  }
  let size: SizeResult | null = null
  if (env.BENCH_SIZE !== '0') {
    log('bench: building and loading the 5,000-story board…')
    size = await boardSize()
  }
  let amplification: AmplificationResult | null = null
  if (env.BENCH_AMPLIFICATION !== '0') {
    log('bench: read amplification (another board while a 2,000-story board is flooded with sync step 1)…')
    amplification = await runAmplification()
  }
  let canvas = ''
  if (env.BENCH_CANVAS !== '0') {
    log('bench: the canvas in headless Chromium (2k/5k/10k-story boards)…')
    canvas = await canvasBench()
  }

  const v = verdicts(rows, size)
  const code = codeVersion()
  const load = loadFor(clientCounts[0]!)
  const out = [
    '',
    `Learning Wall ${env.BENCH_LW_MAIN ? `from ${env.BENCH_LW_MAIN}` : code.commit}${code.uncommittedFiles ? ` + ${code.uncommittedFiles} uncommitted server/shared files` : ''}, Node ${process.version}, ${cpus.cores} CPUs, load average ${load0.toFixed(1)} at start`,
    '',
    `A. Fan-out latency, ms (awareness frames; "upd" = the drag-end document update). ${load.warmupMs / 1000} s warm-up, ${load.measureMs / 1000} s measured.`,
    '   Load: 4/5 of clients send cursor awareness at 20 Hz, 1/5 drag (awareness at 30 Hz, one story move per 2 s).',
    fanoutTable(rows.filter((r) => !SCALED_KINDS.includes(r.server))),
    ...LEGEND,
    '',
    'A2. Scale-out: Learning Wall over PostgreSQL + Redis, one instance, then two with the clients split in turn (same load).',
    scaleNote || scaleOutTable(rows),
    '   cross = only what probes received from clients on the other instance; added p99 = cross p99 − the single',
    '   instance p99. Redis cmds/msg = all Redis calls (both instances: XADD, PUBLISH, XREAD, …) / messages clients sent.',
    '',
    size
      ? `B. Board size: ${size.stories} stories (${size.authors} authors, text ~${Math.round(size.avgTextChars)} chars, tellerRole, 2 tags, outcome, sensitivity)`
      : '',
    size ? sizeTable(size) : '',
    '',
    ...(amplification
      ? ['D. Read amplification (bench/amplification/run.ts): board B round trip, quiet and while an observer floods board A', amplificationTable(amplification), '']
      : []),
    ...(canvas
      ? [
          'C. Canvas in headless Chromium (bench/canvas/run.ts; targets and verdicts in its table)',
          canvas,
          '',
        ]
      : []),
    'Targets',
    verdictTable(v),
    '',
  ]
  process.stdout.write(out.join('\n'))
  mkdirSync(resultsDir, { recursive: true })
  const json = {
    startedAt,
    finishedAt: new Date().toISOString(),
    node: process.version,
    cpus,
    loadAverageAtStart: load0,
    load: loadFor(0),
    fanout: rows,
    size,
    verdicts: v,
    amplification,
  }
  writeFileSync(join(resultsDir, 'latest.json'), JSON.stringify(json, null, 2) + '\n')
  log(`bench: wrote ${join('bench', 'results', 'latest.json')}`)
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`bench failed: ${(e as Error).stack ?? String(e)}\n`)
    process.exit(1)
  },
)
