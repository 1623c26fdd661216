// PostgreSQL storage (DATABASE_URL): the same stores and contract suite as SQLite, through
// Kysely's PostgreSQL dialect on a `pg` pool. Relational migrations run at start-up.
import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { migrateSchema, type Database } from './schema.ts'
import { createStores } from './stores.ts'
import type { Storage } from './types.ts'

// bigint columns (sequence numbers) come back as strings by default; they fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v))

export async function openPostgresStorage(options: { url: string; poolSize?: number }): Promise<Storage> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 })
  // An idle connection that the server ends (a restart, an administrator, a failover) is reported
  // on the pool; without a listener that would crash the process. The pool drops the connection
  // and opens a new one when next needed; queries in flight fail and are answered as errors.
  pool.on('error', () => undefined)
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  try {
    await migrateSchema(db, 'postgres')
  } catch (e) {
    await db.destroy()
    throw e
  }
  return {
    kind: 'postgres',
    ...createStores(db, 'postgres'),
    async scrub() {
      // Rewrites the document tables without dead rows. PostgreSQL's own WAL and any base backups
      // keep old pages until they are recycled: an operator's retention setting.
      await sql`vacuum full doc_updates, doc_snapshots, board_versions`.execute(db)
    },
    async close() {
      await db.destroy()
    },
  }
}
