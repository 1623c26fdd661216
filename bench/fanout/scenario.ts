// One fan-out scenario: a server child, load workers holding the clients, a warm-up, a measured
// window, then everything stopped. Server CPU comes from /proc/<pid>/stat over the window.
import type { ChildProcess } from 'node:child_process'
import { randomInt } from 'node:crypto'
import { Histogram } from '../lib/hist.ts'
import { exitOrStop, spawnTs } from '../lib/procs.ts'
import { cpuSeconds, machineCpu, rssMiB } from '../lib/procstat.ts'
import type { WorkerResult, WorkerStart } from './loadWorker.ts'
import { startServer, type ServerKind } from './servers.ts'

export type Load = {
  clients: number
  workers: number
  probes: number
  cursorHz: number
  dragHz: number
  dragMs: number
  warmupMs: number
  measureMs: number
}

export type Quantiles = { p50: number; p90: number; p99: number; max: number; samples: number }

/** Scale-out only: what crossed instances, and the Redis commands it took. */
export type ScaleOutResult = {
  instances: number
  /** Only entries and updates from a client on another instance (null with one instance). */
  crossAwareness: Quantiles | null
  crossUpdates: Quantiles | null
  /** In the same run, entries from clients on the same instance as the probe. */
  sameAwareness: Quantiles | null
  /** Redis calls per command over the window, and per message the clients sent in. */
  redisCommands: Record<string, number>
  redisPerMessage: number
  redisCpuPct: number
}

export type ScenarioResult = {
  server: ServerKind
  clients: number
  awareness: Quantiles
  updates: Quantiles
  scaleOut: ScaleOutResult | null
  /** Frames and awareness entries received by all clients together, per second. */
  framesPerSec: number
  entriesPerSec: number
  /** Entries that would arrive if every sent awareness message reached every other client. */
  expectedEntriesPerSec: number
  sentPerSec: number
  targetSentPerSec: number
  updatesSentPerSec: number
  serverCpuPct: number
  serverRssMiB: number
  workerCpuPct: number
  workerLoopDelayP99Ms: number
  /** CPU used on this machine by processes other than the server, the workers and this one (% of one core). */
  otherCpuPct: number
  stealPct: number
  openAtEnd: number
}

const quantiles = (h: Histogram): Quantiles => ({
  p50: h.quantile(0.5),
  p90: h.quantile(0.9),
  p99: h.quantile(0.99),
  max: h.max,
  samples: h.count,
})

function once<T>(child: ChildProcess, type: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`worker sent no ${type} within ${timeoutMs} ms`)),
      timeoutMs,
    )
    const onMessage = (m: { type: string }) => {
      if (m.type !== type) return
      clearTimeout(timer)
      child.off('message', onMessage)
      resolve(m as T)
    }
    child.on('message', onMessage)
  })
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export async function runScenario(
  kind: ServerKind,
  load: Load,
  cpus: { server: string | null; load: string | null },
  serverNodeArgs: string[] = [],
): Promise<ScenarioResult> {
  const server = await startServer(kind, cpus.server, serverNodeArgs)
  const workers: ChildProcess[] = []
  try {
    const ids = new Set<number>()
    while (ids.size < load.clients) ids.add(randomInt(1, 2 ** 31 - 1))
    const probeStep = Math.max(1, Math.floor(load.clients / load.probes))
    // Clients take the instances in turn, so draggers and probes are spread over all of them.
    const specs = [...ids].map((clientId, i) => ({
      clientId,
      dragger: i % 5 === 0,
      probe: i % probeStep === 1 % probeStep,
      instance: i % server.urls.length,
    }))
    const instances = server.urls.length > 1 ? specs.map((s): [number, number] => [s.clientId, s.instance]) : []
    const draggers = specs.filter((s) => s.dragger).length
    for (let w = 0; w < load.workers; w++) {
      const prof = process.env.BENCH_PROFILE_WORKER
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_WORKER}`]
        : []
      const worker = spawnTs('bench/fanout/loadWorker.ts', {
        ipc: true,
        cpus: cpus.load,
        nodeArgs: prof,
      })
      workers.push(worker)
      const start: WorkerStart = {
        type: 'start',
        urls: server.urls,
        instances,
        dialect: server.dialect,
        docName: server.docName,
        relay: server.relay,
        clients: specs.filter((_, i) => i % load.workers === w),
        cursorHz: load.cursorHz,
        dragHz: load.dragHz,
        dragMs: load.dragMs,
      }
      worker.send(start)
    }
    const ready = await Promise.all(
      workers.map((w) => once<{ ready: number; of: number }>(w, 'ready', 40_000)),
    )
    const notReady = ready.reduce((n, r) => n + r.of - r.ready, 0)
    if (notReady)
      throw new Error(`${notReady} of ${load.clients} clients did not connect to ${kind}`)
    await sleep(500)

    const results = workers.map((w) =>
      once<WorkerResult>(w, 'result', load.warmupMs + load.measureMs + 30_000),
    )
    for (const w of workers)
      w.send({ type: 'go', warmupMs: load.warmupMs, measureMs: load.measureMs })
    await sleep(load.warmupMs)
    const redisPid = server.redis?.pid ?? null
    const pids = server.children.flatMap((c) => (c.pid && c.pid !== redisPid ? [c.pid] : []))
    const serverCpuNow = () => pids.reduce((n, p) => n + cpuSeconds(p), 0)
    await server.redis?.reset()
    const redisCpu0 = redisPid ? cpuSeconds(redisPid) : 0
    const cpu0 = serverCpuNow()
    const machine0 = machineCpu()
    const self0 = process.cpuUsage()
    const t0 = performance.now()
    await sleep(load.measureMs)
    const wall = (performance.now() - t0) / 1000
    const serverCpu = serverCpuNow() - cpu0
    const redisCpu = redisPid ? cpuSeconds(redisPid) - redisCpu0 : 0
    const redisCommands = (await server.redis?.read()) ?? null
    const machine1 = machineCpu()
    const self = process.cpuUsage(self0)
    const serverRss = pids.reduce((n, p) => n + rssMiB(p), 0)
    const done = await Promise.all(results)

    const awareness = new Histogram()
    const updates = new Histogram()
    const crossAwareness = new Histogram()
    const crossUpdates = new Histogram()
    const sameAwareness = new Histogram()
    let frames = 0,
      entries = 0,
      sent = 0,
      updatesSent = 0,
      workerCpu = 0,
      loop = 0,
      open = 0
    const seconds = Math.max(...done.map((r) => r.seconds))
    for (const r of done) {
      awareness.merge(Histogram.fromJSON(r.awareness))
      updates.merge(Histogram.fromJSON(r.updates))
      crossAwareness.merge(Histogram.fromJSON(r.crossAwareness))
      crossUpdates.merge(Histogram.fromJSON(r.crossUpdates))
      sameAwareness.merge(Histogram.fromJSON(r.sameAwareness))
      frames += r.frames
      entries += r.entries
      sent += r.awarenessSent
      updatesSent += r.updatesSent
      workerCpu += r.cpuSeconds
      loop = Math.max(loop, r.loopDelayP99Ms)
      open += r.open
    }
    const cursorClients = load.clients - draggers
    const other =
      machine1.busy -
      machine0.busy -
      serverCpu -
      redisCpu -
      workerCpu * (wall / seconds) -
      (self.user + self.system) / 1e6
    return {
      server: kind,
      clients: load.clients,
      awareness: quantiles(awareness),
      updates: quantiles(updates),
      scaleOut: redisCommands
        ? {
            instances: server.urls.length,
            crossAwareness: server.urls.length > 1 ? quantiles(crossAwareness) : null,
            crossUpdates: server.urls.length > 1 ? quantiles(crossUpdates) : null,
            sameAwareness: server.urls.length > 1 ? quantiles(sameAwareness) : null,
            redisCommands,
            // Incoming = every awareness and document message the clients sent over the window.
            // (Rates, as Redis is counted over the orchestrator's window and messages over the workers'.)
            redisPerMessage:
              Object.values(redisCommands).reduce((a, b) => a + b, 0) / wall / Math.max(1e-9, (sent + updatesSent) / seconds),
            redisCpuPct: (redisCpu / wall) * 100,
          }
        : null,
      framesPerSec: frames / seconds,
      entriesPerSec: entries / seconds,
      expectedEntriesPerSec: (sent / seconds) * (load.clients - 1),
      sentPerSec: sent / seconds,
      targetSentPerSec: cursorClients * load.cursorHz + draggers * load.dragHz,
      updatesSentPerSec: updatesSent / seconds,
      serverCpuPct: (serverCpu / wall) * 100,
      serverRssMiB: serverRss,
      workerCpuPct: (workerCpu / seconds / load.workers) * 100,
      workerLoopDelayP99Ms: loop,
      otherCpuPct: Math.max(0, (other / wall) * 100),
      stealPct: ((machine1.steal - machine0.steal) / wall) * 100,
      openAtEnd: open,
    }
  } finally {
    for (const w of workers) if (w.connected) w.send({ type: 'stop' })
    await Promise.all(workers.map((w) => exitOrStop(w, 3000)))
    await server.close()
  }
}
