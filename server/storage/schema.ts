// Relational schema and its migrations, one definition for SQLite and PostgreSQL via Kysely.
import { Migrator, sql, type Generated, type Kysely, type Migration, type MigrationProvider } from 'kysely'

export type Dialect = 'sqlite' | 'postgres'

export interface Database {
  boards: {
    id: string
    title: string
    scale: string
    element: string
    anonymous: number
    created_at: string
    updated_at: string
  }
  users: {
    id: string
    kind: string
    email: string | null
    password_hash: string | null
    display_name: string
    organisation: string
    is_admin: number
    expires_at: string | null
    created_at: string
  }
  sessions: {
    token_hash: string
    user_id: string
    expires_at: string
    created_at: string
  }
  memberships: {
    board_id: string
    user_id: string
    role: string
    organisation: string
    invite_id: string | null
    created_at: string
  }
  invites: {
    id: string
    token_hash: string
    board_id: string
    role: string
    created_by: string
    expires_at: string
    max_uses: number | null
    uses: number
    revoked_at: string | null
    disabled_at: string | null
    created_at: string
  }
  vote_sessions: {
    id: string
    board_id: string
    status: string
    votes_per_person: number
    max_per_pattern: number | null
    opened_at: string
    closed_at: string | null
  }
  votes: {
    session_id: string
    user_id: string
    pattern_id: string
    organisation: string
    count: number
  }
  cycle_links: {
    id: string
    lower_board: string
    higher_board: string
    kind: string
    status: string
    /** The board whose manager accepts a pending link; null when made active at once. */
    awaiting_board: string | null
    created_by: string
    created_at: string
  }
  conditions: {
    id: string
    source_board: string
    source_pattern: string
    target_board: string
    kind: string
    status: string
    decline_reason: string | null
    /** Null for a raise from an anonymous board: nothing stored links a person to it. */
    created_by: string | null
    created_at: string
    updated_at: string
  }
  pattern_shares: {
    id: string
    source_board: string
    source_pattern: string
    target_board: string
    /** Null for a share from an anonymous board. */
    created_by: string | null
    created_at: string
  }
  board_versions: {
    id: string
    board_id: string
    kind: string
    name: string | null
    state: Uint8Array
    bytes: number
    created_by: string | null
    created_at: string
  }
  /** Who created each story, recorded by the server (never read from the document). */
  story_authors: {
    board_id: string
    story_id: string
    user_id: string
    created_at: string
  }
  audit_log: {
    id: Generated<number | bigint>
    at: string
    board_id: string | null
    actor_id: string | null
    action: string
    details: string
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
  /** Which key reclaims a Yjs client id of a room (docs/api.md, sync): a hash, never a person. */
  client_keys: {
    room: string
    client_id: number | bigint
    key_hash: string
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
    '0002_people_and_access': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('boards').addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0)).execute()
        await db.schema
          .createTable('users')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('email', 'text', (c) => c.unique())
          .addColumn('password_hash', 'text')
          .addColumn('display_name', 'text', (c) => c.notNull())
          .addColumn('organisation', 'text', (c) => c.notNull())
          .addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('expires_at', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute()
        await db.schema
          .createTable('sessions')
          .addColumn('token_hash', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute()
        await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute()
        await db.schema
          .createTable('memberships')
          .addColumn('board_id', 'text', (c) => c.notNull().references('boards.id').onDelete('cascade'))
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('organisation', 'text', (c) => c.notNull())
          .addColumn('invite_id', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('memberships_pk', ['board_id', 'user_id'])
          .execute()
        await db.schema.createIndex('memberships_user').on('memberships').column('user_id').execute()
        await db.schema
          .createTable('invites')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('token_hash', 'text', (c) => c.notNull().unique())
          .addColumn('board_id', 'text', (c) => c.notNull().references('boards.id').onDelete('cascade'))
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('max_uses', 'integer')
          .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('revoked_at', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute()
        let audit = db.schema.createTable('audit_log')
        audit =
          dialect === 'postgres'
            ? audit.addColumn('id', 'bigserial', (c) => c.primaryKey())
            : audit.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        await audit
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('board_id', 'text')
          .addColumn('actor_id', 'text')
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('details', 'text', (c) => c.notNull())
          .execute()
        await db.schema.createIndex('audit_board').on('audit_log').columns(['board_id', 'id']).execute()
      },
    },
    '0003_votes': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('vote_sessions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('board_id', 'text', (c) => c.notNull().references('boards.id').onDelete('cascade'))
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('votes_per_person', 'integer', (c) => c.notNull())
          .addColumn('max_per_pattern', 'integer')
          .addColumn('opened_at', 'text', (c) => c.notNull())
          .addColumn('closed_at', 'text')
          .execute()
        await db.schema.createIndex('vote_sessions_board').on('vote_sessions').columns(['board_id', 'status']).execute()
        await db.schema
          .createTable('votes')
          .addColumn('session_id', 'text', (c) => c.notNull().references('vote_sessions.id').onDelete('cascade'))
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('pattern_id', 'text', (c) => c.notNull())
          .addColumn('organisation', 'text', (c) => c.notNull())
          .addColumn('count', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('votes_pk', ['session_id', 'user_id', 'pattern_id'])
          .execute()
      },
    },
    '0004_connected_cycles': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('cycle_links')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('lower_board', 'text', (c) => c.notNull().references('boards.id').onDelete('cascade'))
          .addColumn('higher_board', 'text', (c) => c.notNull().references('boards.id').onDelete('cascade'))
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('cycle_links_pair', ['lower_board', 'higher_board'])
          .execute()
        await db.schema
          .createTable('conditions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('source_board', 'text', (c) => c.notNull().references('boards.id').onDelete('cascade'))
          .addColumn('source_pattern', 'text', (c) => c.notNull())
          .addColumn('target_board', 'text', (c) => c.notNull().references('boards.id').onDelete('cascade'))
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('decline_reason', 'text')
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('conditions_once', ['source_board', 'source_pattern', 'target_board'])
          .execute()
        await db.schema
          .createTable('pattern_shares')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('source_board', 'text', (c) => c.notNull().references('boards.id').onDelete('cascade'))
          .addColumn('source_pattern', 'text', (c) => c.notNull())
          .addColumn('target_board', 'text', (c) => c.notNull().references('boards.id').onDelete('cascade'))
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('pattern_shares_once', ['source_board', 'source_pattern', 'target_board'])
          .execute()
      },
    },
    '0005_versions': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('board_versions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('board_id', 'text', (c) => c.notNull().references('boards.id').onDelete('cascade'))
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('name', 'text')
          .addColumn('state', blob, (c) => c.notNull())
          .addColumn('bytes', 'integer', (c) => c.notNull())
          .addColumn('created_by', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute()
        await db.schema.createIndex('board_versions_board').on('board_versions').columns(['board_id', 'created_at']).execute()
      },
    },
    '0006_story_authors': {
      async up(db: Kysely<unknown>) {
        // One row per story: the first creator is its author (withdrawal rights); never on anonymous boards.
        await db.schema
          .createTable('story_authors')
          .addColumn('board_id', 'text', (c) => c.notNull().references('boards.id').onDelete('cascade'))
          .addColumn('story_id', 'text', (c) => c.notNull())
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('story_authors_pk', ['board_id', 'story_id'])
          .execute()
        await db.schema.createIndex('story_authors_user').on('story_authors').columns(['board_id', 'user_id']).execute()
      },
    },
    '0007_anonymous_raises': {
      async up(db: Kysely<unknown>) {
        // A raise from an anonymous board records no raiser: conditions.created_by becomes nullable.
        if (dialect === 'postgres') {
          await db.schema.alterTable('conditions').alterColumn('created_by', (c) => c.dropNotNull()).execute()
          return
        }
        // SQLite cannot drop NOT NULL in place: the table is rebuilt with the same columns and keys.
        await db.schema
          .createTable('conditions_next')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('source_board', 'text', (c) => c.notNull().references('boards.id').onDelete('cascade'))
          .addColumn('source_pattern', 'text', (c) => c.notNull())
          .addColumn('target_board', 'text', (c) => c.notNull().references('boards.id').onDelete('cascade'))
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('decline_reason', 'text')
          .addColumn('created_by', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('conditions_once_next', ['source_board', 'source_pattern', 'target_board'])
          .execute()
        await sql`insert into conditions_next select id, source_board, source_pattern, target_board, kind, status, decline_reason, created_by, created_at, updated_at from conditions`.execute(db)
        await db.schema.dropTable('conditions').execute()
        await db.schema.alterTable('conditions_next').renameTo('conditions').execute()
      },
    },
    '0008_link_awaiting_board': {
      async up(db: Kysely<unknown>) {
        // Which board's manager accepts a pending link (the other one than it was requested from).
        await db.schema.alterTable('cycle_links').addColumn('awaiting_board', 'text').execute()
      },
    },
    '0009_anonymous_shares': {
      async up(db: Kysely<unknown>) {
        // A share from an anonymous board records no sharer: pattern_shares.created_by becomes nullable.
        if (dialect === 'postgres') {
          await db.schema.alterTable('pattern_shares').alterColumn('created_by', (c) => c.dropNotNull()).execute()
          return
        }
        // SQLite cannot drop NOT NULL in place: the table is rebuilt with the same columns and keys.
        await db.schema
          .createTable('pattern_shares_next')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('source_board', 'text', (c) => c.notNull().references('boards.id').onDelete('cascade'))
          .addColumn('source_pattern', 'text', (c) => c.notNull())
          .addColumn('target_board', 'text', (c) => c.notNull().references('boards.id').onDelete('cascade'))
          .addColumn('created_by', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('pattern_shares_once_next', ['source_board', 'source_pattern', 'target_board'])
          .execute()
        await sql`insert into pattern_shares_next select id, source_board, source_pattern, target_board, created_by, created_at from pattern_shares`.execute(db)
        await db.schema.dropTable('pattern_shares').execute()
        await db.schema.alterTable('pattern_shares_next').renameTo('pattern_shares').execute()
      },
    },
    '0010_client_keys': {
      async up(db: Kysely<unknown>) {
        // Ownership of Yjs client ids survives restarts: the hash of the key that first wrote each.
        await db.schema
          .createTable('client_keys')
          .addColumn('room', 'text', (c) => c.notNull())
          .addColumn('client_id', 'bigint', (c) => c.notNull())
          .addColumn('key_hash', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('client_keys_pk', ['room', 'client_id'])
          .execute()
      },
    },
    '0011_invite_disabled': {
      async up(db: Kysely<unknown>) {
        // A link can stop taking new joins without ending the memberships that came through it.
        await db.schema.alterTable('invites').addColumn('disabled_at', 'text').execute()
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
