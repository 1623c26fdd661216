// Who is asking: a session token from the HTTP-only cookie, an `Authorization: Bearer` header
// (scripts and integrators) or, for sockets, a `token` query parameter.
import type { Context } from 'hono'
import { getCookie, setCookie, deleteCookie } from 'hono/cookie'
import type { SessionRecord, Storage, UserRecord } from '../storage/types.ts'
import { hashToken, newToken } from './tokens.ts'

export type Identity = {
  user: UserRecord
  session: SessionRecord
  /** True when the credential came from a header, not an ambient cookie: no CSRF risk. */
  explicit: boolean
}

export type AppEnv = { Variables: { identity: Identity | null } }

export const SESSION_COOKIE = 'lw_session'
export const ACCOUNT_SESSION_DAYS = 30

export function credentialOf(c: Context): { token: string; explicit: boolean } | null {
  const auth = c.req.header('authorization')
  if (auth?.startsWith('Bearer ')) return { token: auth.slice(7).trim(), explicit: true }
  const cookie = getCookie(c, SESSION_COOKIE)
  return cookie ? { token: cookie, explicit: false } : null
}

export async function identify(storage: Storage, token: string | undefined, now = new Date()): Promise<Identity | null> {
  if (!token || token.length > 200) return null
  const session = await storage.sessions.get(hashToken(token))
  const at = now.toISOString()
  if (!session || session.expiresAt <= at) return null
  const user = await storage.users.get(session.userId)
  if (!user || (user.expiresAt !== null && user.expiresAt <= at)) return null
  return { user, session, explicit: false }
}

export async function startSession(
  c: Context,
  storage: Storage,
  user: UserRecord,
  expiresAt: Date,
  secure: boolean,
): Promise<string> {
  const token = newToken()
  await storage.sessions.create({
    tokenHash: hashToken(token),
    userId: user.id,
    expiresAt: expiresAt.toISOString(),
    createdAt: new Date().toISOString(),
  })
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: '/',
    expires: expiresAt,
  })
  return token
}

export async function endSession(c: Context, storage: Storage, identity: Identity | null): Promise<void> {
  if (identity) await storage.sessions.delete(identity.session.tokenHash)
  deleteCookie(c, SESSION_COOKIE, { path: '/' })
}
