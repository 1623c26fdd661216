// Accounts: sign up, sign in, sign out, profile. Sign-in is rate-limited per address, and per email
// and address together (a stranger elsewhere cannot lock the owner out); failures do not say
// whether the email exists. A password stored with weaker hashing is rehashed when it is proven.
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { newId } from '../../shared/model/ids.ts'
import { parseInput } from '../../shared/ops/validate.ts'
import type { Audit } from '../auth/audit.ts'
import { requireIdentity } from '../auth/guards.ts'
import { ACCOUNT_SESSION_DAYS, endSession, startSession, type AppEnv } from '../auth/identity.ts'
import { passwordHasher } from '../auth/password.ts'
import { RateLimiter } from '../auth/rateLimit.ts'
import { HttpError } from '../errors.ts'
import type { Storage, UserRecord } from '../storage/types.ts'
import { readJson } from './json.ts'

const Email = z.string().trim().toLowerCase().pipe(z.email('enter a valid email address')).pipe(z.string().max(254))
const Password = z.string().min(10, 'use at least 10 characters').max(200)
export const DisplayName = z.string().trim().min(1, 'a display name is required').max(80)
export const Organisation = z.string().trim().max(120)

const SignUp = z.object({ email: Email, password: Password, displayName: DisplayName, organisation: Organisation.default('') })
const SignIn = z.object({ email: Email, password: z.string().min(1).max(200) })
const Profile = z.object({ displayName: DisplayName.optional(), organisation: Organisation.optional() })

export const publicUser = (u: UserRecord) => ({
  id: u.id,
  kind: u.kind,
  email: u.email,
  displayName: u.displayName,
  organisation: u.organisation,
  isAdmin: u.isAdmin,
  expiresAt: u.expiresAt,
})

export type AuthDeps = {
  storage: Storage
  audit: Audit
  secureCookies: boolean
  attemptsPerMinute: number
  /** Sign-in attempts a minute for one email from one address (PASSWORD_ATTEMPTS_PER_MINUTE). */
  passwordAttemptsPerMinute: number
  /** log2 of scrypt's N (PASSWORD_HASH_COST). */
  passwordHashCost: number
}

const clientAddress = (c: Context) =>
  (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ?? 'local'

export function authRoutes({ storage, audit, secureCookies, attemptsPerMinute, passwordAttemptsPerMinute, passwordHashCost }: AuthDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const passwords = passwordHasher(passwordHashCost)
  const perAddress = new RateLimiter(attemptsPerMinute, 60_000)
  // Counted per email and address together, before the (slow) check and forgiven by a success:
  // guesses from one address are slowed, and nobody elsewhere can use up the owner's attempts.
  const perEmailAndAddress = new RateLimiter(passwordAttemptsPerMinute, 60_000)
  const sessionEnd = () => new Date(Date.now() + ACCOUNT_SESSION_DAYS * 86_400_000)

  app.post('/signup', async (c) => {
    const input = parseInput(SignUp, await readJson(c))
    if (!input.ok) throw HttpError.from(input.error)
    const { email, password, displayName, organisation } = input.value
    if (!perAddress.hit(`signup:${clientAddress(c)}`).allowed) throw new HttpError(429, 'rate_limited', 'too many attempts; wait a minute')
    if (await storage.users.byEmail(email)) throw new HttpError(409, 'email_taken', 'an account with this email exists; sign in instead')
    const user = await storage.users.create({
      id: newId(),
      kind: 'account',
      email,
      passwordHash: await passwords.hash(password),
      displayName,
      organisation,
      expiresAt: null,
      createdAt: new Date().toISOString(),
    })
    await startSession(c, storage, user, sessionEnd(), secureCookies)
    await audit({ boardId: null, actorId: user.id, action: 'account.created', details: { admin: user.isAdmin } })
    return c.json({ user: publicUser(user) }, 201)
  })

  app.post('/signin', async (c) => {
    const input = parseInput(SignIn, await readJson(c))
    if (!input.ok) throw HttpError.from(input.error)
    const { email, password } = input.value
    const address = clientAddress(c)
    const a = perAddress.hit(`signin:${address}`)
    if (!a.allowed) {
      c.header('retry-after', String(Math.ceil(a.retryAfterMs / 1000)))
      throw new HttpError(429, 'rate_limited', 'too many sign-in attempts from this network address; wait a minute')
    }
    const pair = JSON.stringify([email, address])
    const e = perEmailAndAddress.hit(pair)
    if (!e.allowed) {
      c.header('retry-after', String(Math.ceil(e.retryAfterMs / 1000)))
      throw new HttpError(429, 'rate_limited', 'too many sign-in attempts for this email from this network address; wait a minute')
    }
    const user = await storage.users.byEmail(email)
    const checked = await passwords.verify(password, user?.passwordHash ?? (await passwords.decoy()))
    if (!user || !checked.ok || user.kind !== 'account') {
      await audit({ boardId: null, actorId: user?.id ?? null, action: 'signin.failed', details: {} })
      throw new HttpError(401, 'bad_credentials', 'email or password is not right')
    }
    perEmailAndAddress.reset(pair)
    if (checked.rehash) await storage.users.update(user.id, { passwordHash: await passwords.hash(password) })
    await startSession(c, storage, user, sessionEnd(), secureCookies)
    await audit({ boardId: null, actorId: user.id, action: 'signin', details: {} })
    return c.json({ user: publicUser(user) })
  })

  app.post('/signout', async (c) => {
    const identity = c.get('identity')
    await endSession(c, storage, identity)
    if (identity) await audit({ boardId: null, actorId: identity.user.id, action: 'signout', details: {} })
    return c.json({ ok: true })
  })

  app.get('/me', (c) => c.json({ user: publicUser(requireIdentity(c).user) }))

  app.patch('/me', async (c) => {
    const identity = requireIdentity(c)
    const input = parseInput(Profile, await readJson(c))
    if (!input.ok) throw HttpError.from(input.error)
    const changes = { ...input.value }
    // A guest of an anonymous board keeps the neutral name: a typed one is never stored.
    if (identity.user.kind === 'guest' && (await storage.boards.listFor(identity.user.id)).some((b) => b.anonymous)) {
      delete changes.displayName
    }
    const user = await storage.users.update(identity.user.id, changes)
    return c.json({ user: publicUser(user!) })
  })

  return app
}
