// The soak's server: Learning Wall in this process (SQLite in a temp DATA_DIR), so its heap can be
// measured after a full collection (`--expose-gc`). Answers IPC `{ kind: 'memory' }` with the heap,
// RSS, loaded rooms and open connections. Prints `READY <port>` once listening.
import { serve } from '@hono/node-server'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../../server/app.ts'
import { loadConfig } from '../../server/config.ts'
import { silentLog } from '../../server/log.ts'
import { openSqliteStorage } from '../../server/storage/sqlite.ts'

const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with --expose-gc')

const dataDir = mkdtempSync(join(tmpdir(), 'lw-soak-'))
const config = loadConfig({
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  STATIC_DIR: '',
  ROOM_UNLOAD_MS: process.env.ROOM_UNLOAD_MS ?? '2000',
  BOARDS_PER_HOUR: '100000',
  PASSWORD_HASH_COST: '14',
})
const storage = await openSqliteStorage({ dataDir })
const lw = createApp({ config, storage, log: silentLog })
const server = serve(
  { fetch: lw.app.fetch, port: 0, hostname: '127.0.0.1', serverOptions: lw.serverOptions },
  (info) => {
    process.stdout.write(`READY ${info.port}\n`)
  },
)
lw.injectWebSocket(server)

process.on('message', (m: { kind: string }) => {
  if (m.kind !== 'memory') return
  // Two collections: the first may only schedule finalisers.
  gc()
  gc()
  const mem = process.memoryUsage()
  process.send?.({
    kind: 'memory',
    heapUsed: mem.heapUsed,
    rss: mem.rss,
    external: mem.external,
    rooms: lw.rooms.loadedCount(),
  })
})
process.on('SIGTERM', () => {
  void lw
    .close()
    .then(() => storage.close())
    .finally(() => process.exit(0))
})
