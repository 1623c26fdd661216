// A load-generator process: runs a share of the clients of one scenario, driven over IPC by the
// orchestrator (start → ready, go → result, stop). Counters cover the measurement window only.
import { getPriority } from 'node:os'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { LoadClient, Tally, type ClientSpec } from './loadClient.ts'
import { Wire, type Dialect } from './wire.ts'

export type WorkerStart = {
  type: 'start'
  /** One URL per server instance; a client connects to `urls[instance]`. */
  urls: string[]
  dialect: Dialect
  docName: string
  relay: boolean
  clients: Array<{ clientId: number; dragger: boolean; probe: boolean; instance: number }>
  /** Every client of the scenario (all workers): [clientId, instance]. */
  instances: Array<[number, number]>
  cursorHz: number
  dragHz: number
  dragMs: number
}
export type WorkerGo = { type: 'go'; warmupMs: number; measureMs: number }
export type WorkerResult = {
  type: 'result'
  seconds: number
  frames: number
  bytes: number
  entries: number
  awarenessSent: number
  updatesSent: number
  awareness: ReturnType<Tally['awareness']['toJSON']>
  updates: ReturnType<Tally['updates']['toJSON']>
  crossAwareness: ReturnType<Tally['awareness']['toJSON']>
  crossUpdates: ReturnType<Tally['updates']['toJSON']>
  sameAwareness: ReturnType<Tally['awareness']['toJSON']>
  cpuSeconds: number
  loopDelayP99Ms: number
  loopDelayMaxMs: number
  open: number
  nice: number
}
type Command = WorkerStart | WorkerGo | { type: 'stop' }

const tally = new Tally()
let clients: LoadClient[] = []
let ticker: NodeJS.Timeout | null = null
const send = (m: unknown) => process.send?.(m)

function start(cmd: WorkerStart): void {
  const wire = new Wire(cmd.dialect, cmd.docName)
  const instances = new Map(cmd.instances)
  let ready = 0
  const timeout = setTimeout(() => send({ type: 'ready', ready, of: clients.length }), 30_000)
  const onReady = () => {
    if (++ready === clients.length) {
      clearTimeout(timeout)
      send({ type: 'ready', ready, of: clients.length })
    }
  }
  clients = cmd.clients.map((c) => {
    const spec: ClientSpec = {
      ...c,
      url: cmd.urls[c.instance]!,
      instances,
      wire,
      relay: cmd.relay,
      cursorHz: cmd.cursorHz,
      dragHz: cmd.dragHz,
      dragMs: cmd.dragMs,
    }
    return new LoadClient(spec, tally, onReady)
  })
}

function go(cmd: WorkerGo): void {
  const t0 = performance.timeOrigin + performance.now()
  // Spread first sends over one period so clients do not tick in lockstep.
  for (const c of clients) c.nextSend = t0 + Math.random() * 50
  ticker = setInterval(() => {
    const t = performance.timeOrigin + performance.now()
    for (const c of clients) c.tick(t)
  }, 1)
  const loop = monitorEventLoopDelay({ resolution: 1 })
  setTimeout(() => {
    tally.reset()
    tally.measuring = true
    loop.enable()
    const cpu0 = process.cpuUsage()
    const w0 = performance.now()
    setTimeout(() => {
      tally.measuring = false
      loop.disable()
      const cpu = process.cpuUsage(cpu0)
      const result: WorkerResult = {
        type: 'result',
        seconds: (performance.now() - w0) / 1000,
        frames: tally.frames,
        bytes: tally.bytes,
        entries: tally.entries,
        awarenessSent: tally.awarenessSent,
        updatesSent: tally.updatesSent,
        awareness: tally.awareness.toJSON(),
        updates: tally.updates.toJSON(),
        crossAwareness: tally.crossAwareness.toJSON(),
        crossUpdates: tally.crossUpdates.toJSON(),
        sameAwareness: tally.sameAwareness.toJSON(),
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
        loopDelayP99Ms: loop.percentile(99) / 1e6,
        loopDelayMaxMs: loop.max / 1e6,
        open: clients.filter((c) => c.ws.readyState === c.ws.OPEN).length,
        nice: getPriority(),
      }
      send(result)
    }, cmd.measureMs)
  }, cmd.warmupMs)
}

function stopAll(): void {
  if (ticker) clearInterval(ticker)
  for (const c of clients) c.close()
  setTimeout(() => process.exit(0), 50)
}

process.on('message', (cmd: Command) => {
  if (cmd.type === 'start') start(cmd)
  else if (cmd.type === 'go') go(cmd)
  else stopAll()
})
process.on('disconnect', () => process.exit(0))
