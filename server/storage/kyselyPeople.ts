// People and access records over Kysely (SQLite and PostgreSQL alike): users, sessions,
// memberships, invites and the audit log.
import { sql, type Kysely } from 'kysely'
import { Role } from '../../shared/access/roles.ts'
import type { Database } from './schema.ts'
import type {
  AuditStore,
  InviteRecord,
  InviteStore,
  MembershipRecord,
  MembershipStore,
  SessionStore,
  UserRecord,
  UserStore,
} from './types.ts'

type UserRow = Database['users']
const toUser = (r: UserRow): UserRecord => ({
  id: r.id,
  kind: r.kind === 'guest' ? 'guest' : 'account',
  email: r.email,
  passwordHash: r.password_hash,
  displayName: r.display_name,
  organisation: r.organisation,
  isAdmin: Boolean(r.is_admin),
  expiresAt: r.expires_at,
  createdAt: r.created_at,
})

export function createUserStore(db: Kysely<Database>): UserStore {
  const get = async (id: string) => {
    const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
    return row ? toUser(row) : null
  }
  return {
    async create(user) {
      return db.transaction().execute(async (tx) => {
        // The first account on an instance is its admin.
        const existing = await tx
          .selectFrom('users')
          .select('id')
          .where('kind', '=', 'account')
          .limit(1)
          .executeTakeFirst()
        const isAdmin = user.kind === 'account' && !existing
        await tx
          .insertInto('users')
          .values({
            id: user.id,
            kind: user.kind,
            email: user.email,
            password_hash: user.passwordHash,
            display_name: user.displayName,
            organisation: user.organisation,
            is_admin: isAdmin ? 1 : 0,
            expires_at: user.expiresAt,
            created_at: user.createdAt,
          })
          .execute()
        return { ...user, isAdmin }
      })
    },
    get,
    async byEmail(email) {
      const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst()
      return row ? toUser(row) : null
    },
    async update(id, changes) {
      const set: Partial<UserRow> = {}
      if (changes.displayName !== undefined) set.display_name = changes.displayName
      if (changes.organisation !== undefined) set.organisation = changes.organisation
      if (changes.passwordHash !== undefined) set.password_hash = changes.passwordHash
      if (Object.keys(set).length) await db.updateTable('users').set(set).where('id', '=', id).execute()
      return get(id)
    },
    async delete(id) {
      await db.deleteFrom('users').where('id', '=', id).execute()
    },
  }
}

export function createSessionStore(db: Kysely<Database>): SessionStore {
  return {
    async create(s) {
      await db
        .insertInto('sessions')
        .values({ token_hash: s.tokenHash, user_id: s.userId, expires_at: s.expiresAt, created_at: s.createdAt })
        .execute()
    },
    async get(tokenHash) {
      const r = await db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst()
      return r ? { tokenHash: r.token_hash, userId: r.user_id, expiresAt: r.expires_at, createdAt: r.created_at } : null
    },
    async delete(tokenHash) {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute()
    },
    async deleteForUser(userId) {
      await db.deleteFrom('sessions').where('user_id', '=', userId).execute()
    },
  }
}

type MembershipRow = Database['memberships']
const toMembership = (r: MembershipRow): MembershipRecord => ({
  boardId: r.board_id,
  userId: r.user_id,
  role: Role.catch('observer').parse(r.role),
  organisation: r.organisation,
  inviteId: r.invite_id,
  createdAt: r.created_at,
})

export function createMembershipStore(db: Kysely<Database>): MembershipStore {
  return {
    async get(boardId, userId) {
      const r = await db
        .selectFrom('memberships')
        .selectAll()
        .where('board_id', '=', boardId)
        .where('user_id', '=', userId)
        .executeTakeFirst()
      return r ? toMembership(r) : null
    },
    async put(m) {
      const row = {
        board_id: m.boardId,
        user_id: m.userId,
        role: m.role,
        organisation: m.organisation,
        invite_id: m.inviteId,
        created_at: m.createdAt,
      }
      await db
        .insertInto('memberships')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['board_id', 'user_id']).doUpdateSet({ role: m.role, organisation: m.organisation, invite_id: m.inviteId }),
        )
        .execute()
    },
    async remove(boardId, userId) {
      const r = await db
        .deleteFrom('memberships')
        .where('board_id', '=', boardId)
        .where('user_id', '=', userId)
        .executeTakeFirst()
      return Number(r.numDeletedRows) > 0
    },
    async list(boardId) {
      const rows = await db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .selectAll('memberships')
        .select(['users.display_name', 'users.kind', 'users.email'])
        .where('memberships.board_id', '=', boardId)
        .orderBy('memberships.created_at')
        .execute()
      return rows.map((r) => ({
        ...toMembership(r),
        displayName: r.display_name,
        kind: r.kind === 'guest' ? ('guest' as const) : ('account' as const),
        email: r.email,
      }))
    },
    async byInvite(inviteId) {
      const rows = await db.selectFrom('memberships').selectAll().where('invite_id', '=', inviteId).execute()
      return rows.map(toMembership)
    },
    async countOwners(boardId) {
      const r = await db
        .selectFrom('memberships')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('board_id', '=', boardId)
        .where('role', '=', 'owner')
        .executeTakeFirst()
      return Number(r?.n ?? 0)
    },
  }
}

type InviteRow = Database['invites']
const toInvite = (r: InviteRow): InviteRecord => ({
  id: r.id,
  tokenHash: r.token_hash,
  boardId: r.board_id,
  role: Role.catch('observer').parse(r.role),
  createdBy: r.created_by,
  expiresAt: r.expires_at,
  maxUses: r.max_uses,
  uses: Number(r.uses),
  revokedAt: r.revoked_at,
  disabledAt: r.disabled_at ?? null,
  createdAt: r.created_at,
})

export function createInviteStore(db: Kysely<Database>): InviteStore {
  return {
    async create(i) {
      await db
        .insertInto('invites')
        .values({
          id: i.id,
          token_hash: i.tokenHash,
          board_id: i.boardId,
          role: i.role,
          created_by: i.createdBy,
          expires_at: i.expiresAt,
          max_uses: i.maxUses,
          uses: i.uses,
          revoked_at: i.revokedAt,
          disabled_at: i.disabledAt,
          created_at: i.createdAt,
        })
        .execute()
    },
    async get(id) {
      const r = await db.selectFrom('invites').selectAll().where('id', '=', id).executeTakeFirst()
      return r ? toInvite(r) : null
    },
    async byTokenHash(tokenHash) {
      const r = await db.selectFrom('invites').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst()
      return r ? toInvite(r) : null
    },
    async list(boardId) {
      const rows = await db.selectFrom('invites').selectAll().where('board_id', '=', boardId).orderBy('created_at', 'desc').execute()
      return rows.map(toInvite)
    },
    async use(id, now) {
      // One conditional UPDATE: two people racing for the last use cannot both get it.
      const r = await db
        .updateTable('invites')
        .set({ uses: sql`uses + 1` })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .where('disabled_at', 'is', null)
        .where('expires_at', '>', now)
        .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
        .executeTakeFirst()
      return Number(r.numUpdatedRows) > 0
    },
    async revoke(id, at) {
      await db.updateTable('invites').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute()
    },
    async setDisabled(id, at) {
      const r = await db
        .updateTable('invites')
        .set({ disabled_at: at })
        .where('id', '=', id)
        .where('disabled_at', at === null ? 'is not' : 'is', null)
        .executeTakeFirst()
      return Number(r.numUpdatedRows) > 0
    },
  }
}

export function createAuditStore(db: Kysely<Database>): AuditStore {
  return {
    async write(e) {
      await db
        .insertInto('audit_log')
        .values({ at: e.at, board_id: e.boardId, actor_id: e.actorId, action: e.action, details: JSON.stringify(e.details) })
        .execute()
    },
    async list({ boardId, limit = 500 }) {
      let q = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(Math.min(limit, 5000))
      if (boardId !== undefined) q = q.where('board_id', '=', boardId)
      const rows = await q.execute()
      return rows.map((r) => ({
        id: Number(r.id),
        at: r.at,
        boardId: r.board_id,
        actorId: r.actor_id,
        action: r.action,
        details: JSON.parse(r.details) as Record<string, string | number | boolean | null>,
      }))
    },
    async forgetActors(boardId, keep) {
      // Entries on other boards name this one as a value in their details (sourceBoard, fromBoard…):
      // LIKE finds candidates (`_` in ids is a wildcard there), the parsed details decide.
      let q = db
        .selectFrom('audit_log')
        .select(['id', 'board_id', 'details'])
        .where('actor_id', 'is not', null)
        .where((eb) => eb.or([eb('board_id', '=', boardId), eb('details', 'like', `%${boardId}%`)]))
      if (keep.length) q = q.where('action', 'not in', [...keep])
      const ids = (await q.execute())
        .filter((r) => r.board_id === boardId || Object.values(JSON.parse(r.details) as Record<string, unknown>).includes(boardId))
        .map((r) => r.id)
      for (let i = 0; i < ids.length; i += 500) {
        await db.updateTable('audit_log').set({ actor_id: null }).where('id', 'in', ids.slice(i, i + 500)).execute()
      }
    },
  }
}
