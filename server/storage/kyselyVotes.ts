// Votes over Kysely. One person's changes are serialised (SQLite has one writer; PostgreSQL takes
// an advisory lock per session and person), so two quick clicks cannot both spend the last vote.
import type { Kysely } from 'kysely'
import { lockKey } from './kyselyStorage.ts'
import type { Database, Dialect } from './schema.ts'
import type { VoteSessionRecord, VoteStore } from './types.ts'

const toSession = (r: Database['vote_sessions']): VoteSessionRecord => ({
  id: r.id,
  boardId: r.board_id,
  status: r.status === 'closed' ? 'closed' : 'open',
  votesPerPerson: Number(r.votes_per_person),
  maxPerPattern: r.max_per_pattern === null ? null : Number(r.max_per_pattern),
  openedAt: r.opened_at,
  closedAt: r.closed_at,
})

export function createVoteStore(db: Kysely<Database>, dialect: Dialect): VoteStore {
  const mineIn = async (q: Kysely<Database>, sessionId: string, userId: string) => {
    const rows = await q
      .selectFrom('votes')
      .select(['pattern_id', 'count'])
      .where('session_id', '=', sessionId)
      .where('user_id', '=', userId)
      .execute()
    return Object.fromEntries(rows.map((r) => [r.pattern_id, Number(r.count)]))
  }
  return {
    async open(s) {
      await db
        .insertInto('vote_sessions')
        .values({
          id: s.id,
          board_id: s.boardId,
          status: s.status,
          votes_per_person: s.votesPerPerson,
          max_per_pattern: s.maxPerPattern,
          opened_at: s.openedAt,
          closed_at: s.closedAt,
        })
        .execute()
    },
    async get(id) {
      const r = await db.selectFrom('vote_sessions').selectAll().where('id', '=', id).executeTakeFirst()
      return r ? toSession(r) : null
    },
    async current(boardId) {
      const r = await db
        .selectFrom('vote_sessions')
        .selectAll()
        .where('board_id', '=', boardId)
        .where('status', '=', 'open')
        .executeTakeFirst()
      return r ? toSession(r) : null
    },
    async close(id, at) {
      await db.updateTable('vote_sessions').set({ status: 'closed', closed_at: at }).where('id', '=', id).execute()
    },
    mine: (sessionId, userId) => mineIn(db, sessionId, userId),
    async change(sessionId, userId, organisation, decide) {
      return db.transaction().execute(async (tx) => {
        await lockKey(tx, dialect, `vote:${sessionId}:${userId}`)
        const session = await tx.selectFrom('vote_sessions').select('status').where('id', '=', sessionId).executeTakeFirst()
        if (session?.status !== 'open') return null
        const next = decide(await mineIn(tx, sessionId, userId))
        if (!next) return null
        await tx.deleteFrom('votes').where('session_id', '=', sessionId).where('user_id', '=', userId).execute()
        const rows = Object.entries(next)
          .filter(([, count]) => count > 0)
          .map(([pattern_id, count]) => ({ session_id: sessionId, user_id: userId, pattern_id, organisation, count }))
        if (rows.length) await tx.insertInto('votes').values(rows).execute()
        return next
      })
    },
    async all(sessionId) {
      const rows = await db.selectFrom('votes').selectAll().where('session_id', '=', sessionId).execute()
      return rows.map((r) => ({ userId: r.user_id, patternId: r.pattern_id, organisation: r.organisation, count: Number(r.count) }))
    },
    async forget(sessionId) {
      await db.deleteFrom('votes').where('session_id', '=', sessionId).execute()
    },
  }
}
