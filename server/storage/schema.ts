// Relational schema and its migrations, one definition for SQLite and PostgreSQL via Kysely.
import { Migrator, sql, type Generated, type Kysely, type Migration, type MigrationProvider } from 'kysely'

export type Dialect = 'sqlite' | 'postgres'

export interface Database {
  boards: {
    id: string
    title: string
    scale: string
    element: string
    created_at: string
    updated_at: string
  }
  doc_updates: {
    seq: Generated<number | bigint>
    board_id: string
    data: Uint8Array
  }
  doc_snapshots: {
    board_id: string
    data: Uint8Array
    upto_seq: number | bigint
  }
}

function migrations(dialect: Dialect): Record<string, Migration> {
  const blob = dialect === 'postgres' ? sql`bytea` : sql`blob`
  return {
    '0001_boards_and_documents': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('boards')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('scale', 'text', (c) => c.notNull())
          .addColumn('element', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute()
        let updates = db.schema.createTable('doc_updates')
        updates =
          dialect === 'postgres'
            ? updates.addColumn('seq', 'bigserial', (c) => c.primaryKey())
            : updates.addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
        await updates
          .addColumn('board_id', 'text', (c) => c.notNull())
          .addColumn('data', blob, (c) => c.notNull())
          .execute()
        await db.schema.createIndex('doc_updates_board_seq').on('doc_updates').columns(['board_id', 'seq']).execute()
        await db.schema
          .createTable('doc_snapshots')
          .addColumn('board_id', 'text', (c) => c.primaryKey())
          .addColumn('data', blob, (c) => c.notNull())
          .addColumn('upto_seq', 'bigint', (c) => c.notNull())
          .execute()
      },
    },
  }
}

export async function migrateSchema(db: Kysely<Database>, dialect: Dialect): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) }
  const migrator = new Migrator({ db, provider })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    throw new Error(`relational migration failed at ${failed?.migrationName ?? '?'}: ${String(error)}`)
  }
}
