// The embedded default: SQLite in DATA_DIR through better-sqlite3@12 in WAL mode. Every write
// resolves only once the WAL is on disk, so an appended update survives power loss as well as a
// killed process. better-sqlite3 is synchronous: with synchronous=FULL each commit's fsync would
// stop the event loop (and every room's presence) for 5-30 ms, so commits skip the fsync
// (synchronous=NORMAL) and the WAL is fdatasync'ed on libuv's thread pool before the promise
// resolves: the same guarantee, without blocking.
import { mkdirSync } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { createStores } from './stores.ts'
import { migrateSchema, type Database } from './schema.ts'
import type { Storage } from './types.ts'

export type SqliteOptions = { dataDir: string; fileName?: string }

export async function openSqliteStorage(options: SqliteOptions): Promise<Storage & { file: string }> {
  mkdirSync(options.dataDir, { recursive: true })
  const file = join(options.dataDir, options.fileName ?? 'learning-wall.sqlite')
  const database = new SQLite(file)
  database.pragma('journal_mode = WAL')
  database.pragma('synchronous = NORMAL')
  database.pragma('foreign_keys = ON')
  database.pragma('busy_timeout = 5000')
  // Deleted content is overwritten with zeros, not left in free pages (withdrawal really erases).
  database.pragma('secure_delete = ON')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) })
  await migrateSchema(db, 'sqlite')
  let wal: Promise<FileHandle> | null = null
  const syncWal = async () => {
    wal ??= open(`${file}-wal`, 'r')
    await (await wal).datasync()
  }
  await syncWal()
  const stores = Object.fromEntries(
    Object.entries(createStores(db, 'sqlite')).map(([name, store]) => [name, durable(store, syncWal)]),
  ) as ReturnType<typeof createStores>
  return {
    kind: 'sqlite',
    file,
    ...stores,
    async scrub() {
      // TRUNCATE: every frame is copied into the database and the WAL file is cut to zero bytes.
      database.pragma('wal_checkpoint(TRUNCATE)')
      await syncWal()
    },
    async close() {
      await db.destroy()
      await (await wal)?.close()
    },
  }
}

/** The store with every method resolving only after `sync()`. */
function durable<T extends object>(store: T, sync: () => Promise<void>): T {
  return new Proxy(store, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver)
      if (typeof value !== 'function') return value
      return async (...args: unknown[]) => {
        const result: unknown = await (value as (...a: unknown[]) => unknown).apply(target, args)
        await sync()
        return result
      }
    },
  })
}
