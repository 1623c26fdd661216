// Board versions over Kysely: named snapshots and automatic ones, each a compacted V2 state.
// Lists never read the states; restore loads one.
import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'
import type { VersionRecord, VersionStore } from './types.ts'

type Row = Omit<Database['board_versions'], 'state'>

const toVersion = (r: Row): VersionRecord => ({
  id: r.id,
  boardId: r.board_id,
  kind: r.kind === 'named' ? 'named' : 'auto',
  name: r.name,
  bytes: Number(r.bytes),
  createdBy: r.created_by,
  createdAt: r.created_at,
})

const COLUMNS = ['id', 'board_id', 'kind', 'name', 'bytes', 'created_by', 'created_at'] as const

export function createVersionStore(db: Kysely<Database>): VersionStore {
  return {
    async save(v, stateV2) {
      const row = {
        id: v.id,
        board_id: v.boardId,
        kind: v.kind,
        name: v.name,
        state: stateV2,
        bytes: stateV2.byteLength,
        created_by: v.createdBy,
        created_at: v.createdAt,
      }
      await db.insertInto('board_versions').values(row).execute()
      return toVersion(row)
    },
    async list(boardId, limit = 200) {
      const rows = await db
        .selectFrom('board_versions')
        .select(COLUMNS)
        .where('board_id', '=', boardId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute()
      return rows.map(toVersion)
    },
    async load(boardId, id) {
      const r = await db
        .selectFrom('board_versions')
        .selectAll()
        .where('board_id', '=', boardId)
        .where('id', '=', id)
        .executeTakeFirst()
      return r ? { version: toVersion(r), stateV2: new Uint8Array(r.state) } : null
    },
    async replaceState(boardId, id, stateV2) {
      const res = await db
        .updateTable('board_versions')
        .set({ state: stateV2, bytes: stateV2.byteLength })
        .where('board_id', '=', boardId)
        .where('id', '=', id)
        .executeTakeFirst()
      return Number(res.numUpdatedRows) > 0
    },
    async forgetAuthors(boardId) {
      await db.updateTable('board_versions').set({ created_by: null }).where('board_id', '=', boardId).execute()
    },
    async delete(boardId, id) {
      const res = await db.deleteFrom('board_versions').where('board_id', '=', boardId).where('id', '=', id).executeTakeFirst()
      return Number(res.numDeletedRows) > 0
    },
  }
}
