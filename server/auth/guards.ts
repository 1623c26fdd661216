// Route guards: every route states who may call it. Failures are HttpErrors (401, 403, 404).
import type { Context } from 'hono'
import { can, type Permission, type Role } from '../../shared/access/roles.ts'
import { HttpError } from '../errors.ts'
import type { BoardRecord, Storage } from '../storage/types.ts'
import type { AppEnv, Identity } from './identity.ts'

export function requireIdentity(c: Context<AppEnv>): Identity {
  const identity = c.get('identity')
  if (!identity) throw new HttpError(401, 'unauthenticated', 'please sign in')
  return identity
}

export function requireAccount(c: Context<AppEnv>): Identity {
  const identity = requireIdentity(c)
  if (identity.user.kind !== 'account') throw new HttpError(403, 'forbidden', 'guests cannot do this; create an account')
  return identity
}

export type BoardAccess = { identity: Identity; board: BoardRecord; role: Role }

/** The caller's role on a board, refusing unless it allows `permission`. */
export async function requireBoard(
  c: Context<AppEnv>,
  storage: Storage,
  boardId: string,
  permission: Permission,
): Promise<BoardAccess> {
  const identity = requireIdentity(c)
  const board = /^[A-Za-z0-9_-]{6,64}$/.test(boardId) ? await storage.boards.get(boardId) : null
  if (!board) throw new HttpError(404, 'not_found', 'no such board')
  const membership = await storage.memberships.get(board.id, identity.user.id)
  if (!membership) throw new HttpError(403, 'forbidden', 'you do not have access to this board')
  if (!can(membership.role, permission)) {
    throw new HttpError(403, 'forbidden', `your role (${membership.role}) does not allow this`)
  }
  return { identity, board, role: membership.role }
}
