// Starts Learning Wall: configuration from the environment, SQLite in DATA_DIR by default.
import { serve } from '@hono/node-server'
import { createApp } from './app.ts'
import { openRedisBus } from './scale/redisBus.ts'
import { loadConfig } from './config.ts'
import { jsonLog } from './log.ts'
import { openPostgresStorage } from './storage/postgres.ts'
import { openSqliteStorage } from './storage/sqlite.ts'

async function main(): Promise<void> {
  const config = loadConfig(process.env)
  const log = jsonLog((line) => process.stdout.write(line + '\n'), config.logLevel)
  const storage = config.databaseUrl
    ? await openPostgresStorage({ url: config.databaseUrl })
    : await openSqliteStorage({ dataDir: config.dataDir })
  const bus = config.redisUrl ? openRedisBus(config.redisUrl, log) : undefined
  const lw = createApp({ config, storage, log, bus })
  const server = serve({ fetch: lw.app.fetch, port: config.port, hostname: config.host, serverOptions: lw.serverOptions }, (info) => {
    log.info('listening', { port: info.port, storage: storage.kind, bus: bus ? bus.instanceId : null })
    process.stdout.write(`Learning Wall is running on http://localhost:${info.port}\n`)
  })
  lw.injectWebSocket(server)

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    log.info('stopping', { signal })
    server.close()
    await lw.close()
    await bus?.close()
    await storage.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((e: unknown) => {
  process.stderr.write(`Learning Wall could not start: ${(e as Error).message}\n`)
  process.exit(1)
})
