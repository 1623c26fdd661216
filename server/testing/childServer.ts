// The real server as a child process (`node --import tsx server/main.ts`), for tests that must
// kill it the hard way. Test-only; production code never imports this.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const live = new Set<ChildProcess>()
// A test that crashes or times out must not leave a server running.
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL')
})

/** A port that was free a moment ago: the OS picks it for a throwaway listener. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => (port ? resolve(port) : reject(new Error('no port'))))
    })
  })
}

export type ChildServer = {
  child: ChildProcess
  url: string
  wsUrl: string
  /** Everything the child wrote to stderr, for failure messages. */
  stderr(): string
  /** SIGKILL: no shutdown hook runs, nothing is flushed. Resolves once the process is gone. */
  kill9(): Promise<void>
}

export type ChildServerOptions = { port: number; dataDir: string; env?: Record<string, string> }

/** Starts the server and resolves once it prints its start-up line. */
export async function startChildServer(o: ChildServerOptions): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO,
    env: {
      ...process.env,
      PORT: String(o.port),
      HOST: '127.0.0.1',
      DATA_DIR: o.dataDir,
      STATIC_DIR: '',
      LOG_LEVEL: 'warn',
      ...o.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  live.add(child)
  child.once('exit', () => live.delete(child))
  let err = ''
  child.stderr.on('data', (d: Buffer) => (err += d.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await new Promise<void>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(
      () => fail(new Error(`server did not start in 60 s: ${out} ${err}`)),
      60_000,
    )
    const onData = (d: Buffer) => {
      out += d.toString()
      if (/is running on http:\/\/localhost:\d+/.test(out)) done()
    }
    const onExit = (code: number | null) =>
      fail(new Error(`server exited (${code}) during start-up: ${out} ${err}`))
    const done = () => {
      clearTimeout(timer)
      child.stdout.off('data', onData)
      child.off('exit', onExit)
      resolve()
    }
    const fail = (e: Error) => {
      done()
      child.kill('SIGKILL')
      reject(e)
    }
    child.stdout.on('data', onData)
    child.once('exit', onExit)
  })
  // Keep draining stdout so a chatty child never blocks on a full pipe.
  child.stdout.resume()
  return {
    child,
    url: `http://127.0.0.1:${o.port}`,
    wsUrl: `ws://127.0.0.1:${o.port}/sync`,
    stderr: () => err,
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exited
    },
  }
}
