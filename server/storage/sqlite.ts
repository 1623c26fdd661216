// The embedded default: SQLite in DATA_DIR through better-sqlite3@12, WAL mode, synchronous=FULL
// so an appended update survives power loss as well as a killed process.
import { mkdirSync } from 'node:fs'
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
  database.pragma('synchronous = FULL')
  database.pragma('foreign_keys = ON')
  database.pragma('busy_timeout = 5000')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) })
  await migrateSchema(db, 'sqlite')
  return {
    kind: 'sqlite',
    file,
    ...createStores(db, 'sqlite'),
    async close() {
      await db.destroy()
    },
  }
}
