// Document and board storage over Kysely: the same queries serve SQLite and PostgreSQL.
import { sql, type Kysely, type Transaction } from 'kysely'
import { Role } from '../../shared/access/roles.ts'
import { CycleElement, Scale } from '../../shared/model/cycle.ts'
import type { Database, Dialect } from './schema.ts'
import type { BoardChanges, BoardRecord, BoardStore, DocStore, StoredDoc } from './types.ts'

const bytes = (data: Uint8Array): Uint8Array =>
  // Drivers hand back Buffers; callers get plain views of the same memory.
  new Uint8Array(data.buffer, data.byteOffset, data.byteLength)

/**
 * Appends and compactions of one board are serialised (SQLite has one writer; on PostgreSQL a
 * transaction-scoped advisory lock per board), so a board's sequence numbers commit in order:
 * a reader that has seen seq N has seen every earlier update of that board.
 */
export async function lockKey(tx: Transaction<Database>, dialect: Dialect, key: string): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${'lw:' + key}))`.execute(tx)
}
const lockBoard = lockKey

async function readAfter(tx: Transaction<Database>, boardId: string, afterSeq: number): Promise<StoredDoc> {
  const snap = await tx
    .selectFrom('doc_snapshots')
    .select(['data', 'upto_seq'])
    .where('board_id', '=', boardId)
    .executeTakeFirst()
  const uptoSeq = snap ? Number(snap.upto_seq) : 0
  // Updates at or below the snapshot's seq may already be deleted: then the snapshot is needed.
  const needSnapshot = snap !== undefined && uptoSeq > afterSeq
  const from = Math.max(afterSeq, needSnapshot ? uptoSeq : afterSeq)
  const rows = await tx
    .selectFrom('doc_updates')
    .select(['seq', 'data'])
    .where('board_id', '=', boardId)
    .where('seq', '>', from)
    .orderBy('seq')
    .execute()
  const last = rows.at(-1)
  return {
    snapshot: needSnapshot ? bytes(snap.data) : null,
    updates: rows.map((r) => bytes(r.data)),
    lastSeq: last ? Number(last.seq) : Math.max(from, uptoSeq),
  }
}

export function createDocStore(db: Kysely<Database>, dialect: Dialect): DocStore {
  // A read is two statements (snapshot, then updates after it). Under PostgreSQL's default READ
  // COMMITTED a compaction committing between them would be half seen: the old snapshot and only
  // the rows after the new one. REPEATABLE READ gives both statements one snapshot.
  const read = () => (dialect === 'postgres' ? db.transaction().setIsolationLevel('repeatable read') : db.transaction())
  return {
    load(boardId) {
      return read().execute((tx) => readAfter(tx, boardId, -1))
    },

    loadSince(boardId, afterSeq) {
      return read().execute((tx) => readAfter(tx, boardId, afterSeq))
    },

    async append(boardId, updates) {
      if (updates.length === 0) throw new Error('append needs at least one update')
      return db.transaction().execute(async (tx) => {
        await lockBoard(tx, dialect, boardId)
        const rows = await tx
          .insertInto('doc_updates')
          .values(updates.map((data) => ({ board_id: boardId, data })))
          .returning('seq')
          .execute()
        return Math.max(...rows.map((r) => Number(r.seq)))
      })
    },

    async compact(boardId, snapshot, uptoSeq) {
      await db.transaction().execute(async (tx) => {
        await lockBoard(tx, dialect, boardId)
        // A stale compaction (an older state than the stored snapshot) must never win.
        const current = await tx
          .selectFrom('doc_snapshots')
          .select('upto_seq')
          .where('board_id', '=', boardId)
          .executeTakeFirst()
        if (current && Number(current.upto_seq) >= uptoSeq) return
        await tx
          .insertInto('doc_snapshots')
          .values({ board_id: boardId, data: snapshot, upto_seq: uptoSeq })
          .onConflict((oc) => oc.column('board_id').doUpdateSet({ data: snapshot, upto_seq: uptoSeq }))
          .execute()
        await tx.deleteFrom('doc_updates').where('board_id', '=', boardId).where('seq', '<=', uptoSeq).execute()
      })
    },

    async delete(room) {
      await db.transaction().execute(async (tx) => {
        await lockBoard(tx, dialect, room)
        await tx.deleteFrom('doc_updates').where('board_id', '=', room).execute()
        await tx.deleteFrom('doc_snapshots').where('board_id', '=', room).execute()
        await tx.deleteFrom('client_keys').where('room', '=', room).execute()
      })
    },

    async clientKeys(room) {
      const rows = await db.selectFrom('client_keys').select(['client_id', 'key_hash']).where('room', '=', room).execute()
      return rows.map((r): [number, string] => [Number(r.client_id), r.key_hash])
    },

    async recordClientKeys(room, keys) {
      if (keys.length === 0) return
      await db
        .insertInto('client_keys')
        .values(keys.map(([client, keyHash]) => ({ room, client_id: client, key_hash: keyHash })))
        .onConflict((oc) => oc.columns(['room', 'client_id']).doNothing())
        .execute()
    },

    async roomsWithPrefix(prefix) {
      // substr, not LIKE: ids contain `_`, a LIKE wildcard.
      const match = sql<boolean>`substr(board_id, 1, ${prefix.length}) = ${prefix}`
      const a = await db.selectFrom('doc_updates').select('board_id').distinct().where(match).execute()
      const b = await db.selectFrom('doc_snapshots').select('board_id').where(match).execute()
      return [...new Set([...a, ...b].map((r) => r.board_id))].sort()
    },

    async stats(boardId) {
      const snap = await db
        .selectFrom('doc_snapshots')
        .select('data')
        .where('board_id', '=', boardId)
        .executeTakeFirst()
      const rows = await db.selectFrom('doc_updates').select('data').where('board_id', '=', boardId).execute()
      return {
        snapshotBytes: snap ? snap.data.byteLength : 0,
        logBytes: rows.reduce((n, r) => n + r.data.byteLength, 0),
        logCount: rows.length,
      }
    },
  }
}

type BoardRow = Database['boards']

function toRecord(row: BoardRow): BoardRecord {
  return {
    id: row.id,
    title: row.title,
    // Rows were validated on the way in; parse anyway so a hand-edited row cannot leak garbage.
    scale: Scale.catch('team').parse(row.scale),
    element: CycleElement.catch('understand').parse(row.element),
    anonymous: Boolean(row.anonymous),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export function createBoardStore(db: Kysely<Database>): BoardStore {
  return {
    async create(board) {
      await db
        .insertInto('boards')
        .values({
          id: board.id,
          title: board.title,
          scale: board.scale,
          element: board.element,
          anonymous: board.anonymous ? 1 : 0,
          created_at: board.createdAt,
          updated_at: board.updatedAt,
        })
        .execute()
      return board
    },
    async get(id) {
      const row = await db.selectFrom('boards').selectAll().where('id', '=', id).executeTakeFirst()
      return row ? toRecord(row) : null
    },
    async list() {
      const rows = await db.selectFrom('boards').selectAll().orderBy('updated_at', 'desc').execute()
      return rows.map(toRecord)
    },
    async listFor(userId) {
      const rows = await db
        .selectFrom('boards')
        .innerJoin('memberships', 'memberships.board_id', 'boards.id')
        .selectAll('boards')
        .select('memberships.role as role')
        .where('memberships.user_id', '=', userId)
        .orderBy('boards.updated_at', 'desc')
        .execute()
      return rows.map((r) => ({ ...toRecord(r), role: Role.catch('observer').parse(r.role) }))
    },
    async countOwnedBy(userId, since) {
      let q = db
        .selectFrom('boards')
        .innerJoin('memberships', 'memberships.board_id', 'boards.id')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('memberships.user_id', '=', userId)
        .where('memberships.role', '=', 'owner')
      if (since !== undefined) q = q.where('boards.created_at', '>=', since)
      const row = await q.executeTakeFirst()
      return Number(row?.n ?? 0)
    },
    async update(id, changes: BoardChanges) {
      const set: Partial<BoardRow> = { updated_at: new Date().toISOString() }
      if (changes.title !== undefined) set.title = changes.title
      if (changes.scale !== undefined) set.scale = changes.scale
      if (changes.element !== undefined) set.element = changes.element
      if (changes.anonymous !== undefined) set.anonymous = changes.anonymous ? 1 : 0
      const result = await db.updateTable('boards').set(set).where('id', '=', id).executeTakeFirst()
      if (Number(result.numUpdatedRows) === 0) return null
      return this.get(id)
    },
  }
}
