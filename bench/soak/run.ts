// Soak (issue 15): SOAK_CLIENTS people (200) keep joining, writing, moving and leaving SOAK_BOARDS
// boards (20) for SOAK_MINUTES (30). The server's heap after a full collection is sampled every
// SOAK_SAMPLE_S seconds (30); at the end, once everyone has left and the rooms have unloaded, it
// must be back near where it started. Standalone: `npx tsx bench/soak/run.ts` (not part of
// `npm run bench`: it takes half an hour). Writes bench/results/soak.json.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import { ApiClient } from '../../server/testing/apiClient.ts'
import { installCleanup, REPO, spawnTs, stop, waitForLine } from '../lib/procs.ts'

const env = process.env
const MINUTES = Number(env.SOAK_MINUTES ?? 30)
const CLIENTS = Number(env.SOAK_CLIENTS ?? 200)
const BOARDS = Number(env.SOAK_BOARDS ?? 20)
const SAMPLE_MS = Number(env.SOAK_SAMPLE_S ?? 30) * 1000
const log = (s: string) => process.stderr.write(`soak: ${s}\n`)
const MiB = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10

type Memory = { heapUsed: number; rss: number; external: number; rooms: number }
type Sample = Memory & { atS: number }

function memory(server: ChildProcess): Promise<Memory> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('no memory answer')), 30_000)
    const on = (m: { kind: string } & Memory) => {
      if (m.kind !== 'memory') return
      clearTimeout(t)
      server.off('message', on)
      resolve(m)
    }
    server.on('message', on)
    server.send({ kind: 'memory' })
  })
}

installCleanup()
const server = spawnTs('bench/soak/server.ts', { nodeArgs: ['--expose-gc'], ipc: true })
const port = Number((await waitForLine(server, /READY (\d+)/))[1])
const url = `http://127.0.0.1:${port}`
const api = new ApiClient(url)
await api.signUp(`soak.${Date.now()}@example.org`, 'Soak')
const boards: string[] = []
for (let i = 0; i < BOARDS; i++) boards.push(await api.createBoard(`Soak board ${i}`))
// Each board loaded once and unloaded, so the baseline holds what any first load leaves behind.
await new Promise((r) => setTimeout(r, 3000))
const start = await memory(server)
log(`start: heap ${MiB(start.heapUsed)} MiB, rss ${MiB(start.rss)} MiB, rooms ${start.rooms}`)

const began = Date.now()
const crowd = spawnTs('bench/soak/crowd.ts', {
  args: [`ws://127.0.0.1:${port}/sync`, api.token!, boards.join(',')],
  env: { CROWD_CLIENTS: String(CLIENTS), CROWD_MS: String(MINUTES * 60_000) },
})
let crowdOut = ''
crowd.stdout?.on('data', (d: Buffer) => (crowdOut += d.toString()))
const crowdDone = new Promise<void>((r) => crowd.once('exit', () => r()))

const samples: Sample[] = []
let finished = false
void crowdDone.then(() => (finished = true))
while (!finished) {
  await Promise.race([new Promise((r) => setTimeout(r, SAMPLE_MS)), crowdDone])
  if (finished) break
  const m = await memory(server)
  samples.push({ ...m, atS: Math.round((Date.now() - began) / 1000) })
  log(
    `${samples.at(-1)!.atS} s: heap ${MiB(m.heapUsed)} MiB, rss ${MiB(m.rss)} MiB, rooms ${m.rooms}`,
  )
}
const totals = JSON.parse(crowdOut.trim().split('\n').at(-1) ?? '{}') as Record<string, number>

// Everyone has left: the rooms unload (ROOM_UNLOAD_MS 2 s, then compaction), then measure.
let end = await memory(server)
for (let i = 0; i < 30 && end.rooms > 0; i++) {
  await new Promise((r) => setTimeout(r, 1000))
  end = await memory(server)
}
await new Promise((r) => setTimeout(r, 2000))
end = await memory(server)
await stop(server)

const peak = samples.reduce((a, s) => (s.heapUsed > a.heapUsed ? s : a), start as Sample)
const result = {
  minutes: MINUTES,
  clients: CLIENTS,
  boards: BOARDS,
  crowd: totals,
  startHeapMiB: MiB(start.heapUsed),
  peakHeapMiB: MiB(peak.heapUsed),
  endHeapMiB: MiB(end.heapUsed),
  startRssMiB: MiB(start.rss),
  endRssMiB: MiB(end.rss),
  endRooms: end.rooms,
  samples: samples.map((s) => ({
    atS: s.atS,
    heapMiB: MiB(s.heapUsed),
    rssMiB: MiB(s.rss),
    rooms: s.rooms,
  })),
}
const dir = join(REPO, 'bench', 'results')
mkdirSync(dir, { recursive: true })
writeFileSync(join(dir, 'soak.json'), JSON.stringify(result, null, 2))
console.log(
  `Soak: ${CLIENTS} clients on ${BOARDS} boards for ${MINUTES} min: ${totals.visits ?? 0} visits (${totals.failedVisits ?? 0} failed), ${totals.stories ?? 0} stories, ${totals.moves ?? 0} moves`,
)
console.log(
  `heap after a full GC: start ${result.startHeapMiB} MiB, peak ${result.peakHeapMiB} MiB, end ${result.endHeapMiB} MiB (${end.rooms} rooms loaded); rss start ${result.startRssMiB} MiB, end ${result.endRssMiB} MiB`,
)
const grew = end.heapUsed - start.heapUsed
console.log(
  `end − start: ${MiB(grew)} MiB heap ${grew <= Math.max(8 * 1024 * 1024, start.heapUsed * 0.2) ? '(back to its starting level)' : '(DID NOT RETURN: a leak?)'}`,
)
process.exit(0)
