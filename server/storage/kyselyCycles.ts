// Cycle links and conditions over Kysely.
import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'
import type { ConditionRecord, ConditionStore, LinkRecord, LinkStore, ShareRecord, ShareStore } from './types.ts'

const toLink = (r: Database['cycle_links']): LinkRecord => ({
  id: r.id,
  lowerBoard: r.lower_board,
  higherBoard: r.higher_board,
  kind: r.kind === 'horizontal' ? 'horizontal' : 'vertical',
  status: r.status === 'active' ? 'active' : 'pending',
  awaitingBoard: r.awaiting_board,
  createdBy: r.created_by,
  createdAt: r.created_at,
})

export function createLinkStore(db: Kysely<Database>): LinkStore {
  return {
    async create(l) {
      await db
        .insertInto('cycle_links')
        .values({
          id: l.id,
          lower_board: l.lowerBoard,
          higher_board: l.higherBoard,
          kind: l.kind,
          status: l.status,
          awaiting_board: l.awaitingBoard,
          created_by: l.createdBy,
          created_at: l.createdAt,
        })
        .execute()
    },
    async get(id) {
      const r = await db.selectFrom('cycle_links').selectAll().where('id', '=', id).executeTakeFirst()
      return r ? toLink(r) : null
    },
    async between(a, b) {
      const r = await db
        .selectFrom('cycle_links')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb.and([eb('lower_board', '=', a), eb('higher_board', '=', b)]),
            eb.and([eb('lower_board', '=', b), eb('higher_board', '=', a)]),
          ]),
        )
        .executeTakeFirst()
      return r ? toLink(r) : null
    },
    async forBoards(ids) {
      if (ids.length === 0) return []
      const rows = await db
        .selectFrom('cycle_links')
        .selectAll()
        .where((eb) => eb.or([eb('lower_board', 'in', ids), eb('higher_board', 'in', ids)]))
        .execute()
      return rows.map(toLink)
    },
    async activate(id, { lowerBoard, higherBoard }) {
      await db.updateTable('cycle_links').set({ status: 'active', lower_board: lowerBoard, higher_board: higherBoard }).where('id', '=', id).execute()
    },
    async remove(id) {
      await db.deleteFrom('cycle_links').where('id', '=', id).execute()
    },
  }
}

const toCondition = (r: Database['conditions']): ConditionRecord => ({
  id: r.id,
  sourceBoard: r.source_board,
  sourcePattern: r.source_pattern,
  targetBoard: r.target_board,
  kind: r.kind === 'enabler' ? 'enabler' : 'barrier',
  status: r.status as ConditionRecord['status'],
  declineReason: r.decline_reason,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

export function createConditionStore(db: Kysely<Database>): ConditionStore {
  const find = (c: Pick<ConditionRecord, 'sourceBoard' | 'sourcePattern' | 'targetBoard'>) =>
    db
      .selectFrom('conditions')
      .selectAll()
      .where('source_board', '=', c.sourceBoard)
      .where('source_pattern', '=', c.sourcePattern)
      .where('target_board', '=', c.targetBoard)
      .executeTakeFirst()
  return {
    async createOnce(c) {
      const inserted = await db
        .insertInto('conditions')
        .values({
          id: c.id,
          source_board: c.sourceBoard,
          source_pattern: c.sourcePattern,
          target_board: c.targetBoard,
          kind: c.kind,
          status: c.status,
          decline_reason: c.declineReason,
          created_by: c.createdBy,
          created_at: c.createdAt,
          updated_at: c.updatedAt,
        })
        .onConflict((oc) => oc.columns(['source_board', 'source_pattern', 'target_board']).doNothing())
        .executeTakeFirst()
      const created = Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0
      const row = await find(c)
      if (!row) throw new Error('condition vanished after insert')
      return { condition: toCondition(row), created }
    },
    async get(id) {
      const r = await db.selectFrom('conditions').selectAll().where('id', '=', id).executeTakeFirst()
      return r ? toCondition(r) : null
    },
    async update(id, changes) {
      await db
        .updateTable('conditions')
        .set({ status: changes.status, decline_reason: changes.declineReason, updated_at: new Date().toISOString() })
        .where('id', '=', id)
        .execute()
    },
    async forBoards(ids) {
      if (ids.length === 0) return []
      const rows = await db
        .selectFrom('conditions')
        .selectAll()
        .where((eb) => eb.or([eb('source_board', 'in', ids), eb('target_board', 'in', ids)]))
        .execute()
      return rows.map(toCondition)
    },
  }
}

const toShare = (r: Database['pattern_shares']): ShareRecord => ({
  id: r.id,
  sourceBoard: r.source_board,
  sourcePattern: r.source_pattern,
  targetBoard: r.target_board,
  createdBy: r.created_by,
  createdAt: r.created_at,
})

export function createShareStore(db: Kysely<Database>): ShareStore {
  return {
    async createOnce(s) {
      const inserted = await db
        .insertInto('pattern_shares')
        .values({
          id: s.id,
          source_board: s.sourceBoard,
          source_pattern: s.sourcePattern,
          target_board: s.targetBoard,
          created_by: s.createdBy,
          created_at: s.createdAt,
        })
        .onConflict((oc) => oc.columns(['source_board', 'source_pattern', 'target_board']).doNothing())
        .executeTakeFirst()
      const row = await db
        .selectFrom('pattern_shares')
        .selectAll()
        .where('source_board', '=', s.sourceBoard)
        .where('source_pattern', '=', s.sourcePattern)
        .where('target_board', '=', s.targetBoard)
        .executeTakeFirstOrThrow()
      return { share: toShare(row), created: Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0 }
    },
    async fromBoard(boardId) {
      const rows = await db.selectFrom('pattern_shares').selectAll().where('source_board', '=', boardId).execute()
      return rows.map(toShare)
    },
    async get(id) {
      const r = await db.selectFrom('pattern_shares').selectAll().where('id', '=', id).executeTakeFirst()
      return r ? toShare(r) : null
    },
    async remove(id) {
      await db.deleteFrom('pattern_shares').where('id', '=', id).execute()
    },
  }
}
