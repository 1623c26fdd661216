// Sign-ups and sign-ins per network address: a workshop behind one router is one address, so
// the limit is an operator setting (AUTH_ATTEMPTS_PER_MINUTE, default 120), counted per address.
// Password guesses are counted per email and address together, and password hashing follows
// current guidance (PASSWORD_HASH_COST), rehashing older hashes at the next sign-in.
import { randomBytes, scryptSync } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { passwordHasher } from '../auth/password.ts'
import { loadConfig, testConfig } from '../config.ts'
import { ApiClient, uniqueEmail } from '../testing/apiClient.ts'
import { startServer, type TestServer } from '../testing/harness.ts'

/** Sends from another loopback address (the whole of 127.0.0.0/8 reaches 127.0.0.1 on Linux). */
const fromAddress =
  (localAddress: string) =>
  (url: string, init: RequestInit): Promise<Response> =>
    new Promise((resolve, reject) => {
      const req = httpRequest(url, { method: init.method, headers: init.headers as Record<string, string>, localAddress }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const headers = new Headers()
          for (const [k, v] of Object.entries(res.headers)) for (const one of [v ?? []].flat()) headers.append(k, one)
          resolve(new Response(chunks.length ? Buffer.concat(chunks) : null, { status: res.statusCode, headers }))
        })
      })
      req.on('error', reject)
      req.end(init.body as string | undefined)
    })

/** A hash as the earlier code wrote it (N = 2^14, r = 8, p = 1, maxmem left at 64 MiB). */
function earlierHash(password: string): string {
  const salt = randomBytes(16)
  const key = scryptSync(password.normalize('NFKC'), salt, 32, { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 })
  return ['scrypt', 16384, 8, 1, salt.toString('base64'), key.toString('base64')].join('$')
}

describe('attempts per address', () => {
  let server: TestServer
  beforeAll(async () => {
    // The harness's own owner signs up first: one of the three.
    server = await startServer({ config: { authAttemptsPerMinute: 3 } })
  })
  afterAll(async () => {
    await server.close()
  })

  it('refuses the attempt past the limit with 429 and creates no account', async () => {
    const statuses: number[] = []
    const emails = [uniqueEmail('a'), uniqueEmail('b'), uniqueEmail('c')]
    for (const email of emails) {
      statuses.push((await new ApiClient(server.url).request('POST', '/api/auth/signup', { email, password: 'correct horse battery', displayName: 'P' })).status)
    }
    expect(statuses).toEqual([201, 201, 429])
    expect(await server.storage.users.byEmail(emails[2]!)).toBeNull()
  })

  it('defaults to 120 a minute, and bad values stop start-up', () => {
    expect(loadConfig({}).authAttemptsPerMinute).toBe(120)
    expect(() => loadConfig({ AUTH_ATTEMPTS_PER_MINUTE: '0' })).toThrow(/AUTH_ATTEMPTS_PER_MINUTE/)
  })
})

describe('password guesses per email and address', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(async () => {
    await server.close()
  })

  it('[HD5] a stranger guessing from another address cannot lock the owner out, and is slowed', async () => {
    const email = uniqueEmail('owner-of-email')
    await new ApiClient(server.url).signUp(email, 'Owner of the email', 'the right password 1')
    const signIn = (api: ApiClient, password: string) =>
      api.request<{ error?: { code: string; message: string } }>('POST', '/api/auth/signin', { email, password })

    const stranger = new ApiClient(server.url, fromAddress('127.0.0.2'))
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) statuses.push((await signIn(stranger, `guess number ${i}`)).status)
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
    const refused = await signIn(stranger, 'the right password 1')
    expect(refused.status).toBe(429)
    expect(refused.body.error?.message).toMatch(/too many sign-in attempts for this email from this network address/)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)

    // The owner, on their own address, signs in as if nothing happened; so does a colleague's
    // mistyping on a third address.
    expect((await signIn(new ApiClient(server.url, fromAddress('127.0.0.3')), 'a typo')).status).toBe(401)
    expect((await signIn(new ApiClient(server.url), 'the right password 1')).status).toBe(200)
    // And the stranger is still refused for the rest of the minute.
    expect((await signIn(stranger, 'the right password 1')).status).toBe(429)
  })

  it('[HD5] a success forgives the earlier failures of that email on that address; the limit is a setting', async () => {
    const email = uniqueEmail('forgetful')
    const me = new ApiClient(server.url)
    await me.signUp(email, 'Forgetful', 'the right password 2')
    const signIn = (password: string) => me.request('POST', '/api/auth/signin', { email, password })
    for (let i = 0; i < 4; i++) expect((await signIn(`wrong ${i}`)).status).toBe(401)
    expect((await signIn('the right password 2')).status).toBe(200)
    for (let i = 0; i < 5; i++) expect((await signIn(`wrong again ${i}`)).status).toBe(401)
    expect((await signIn('the right password 2')).status).toBe(429)
    expect(loadConfig({}).passwordAttemptsPerMinute).toBe(5)
    expect(() => loadConfig({ PASSWORD_ATTEMPTS_PER_MINUTE: '0' })).toThrow(/PASSWORD_ATTEMPTS_PER_MINUTE/)
  })
})

describe('password hashing', () => {
  it('[HD4] defaults to scrypt N = 2^17, r = 8, p = 1 (the one test at the default cost)', async () => {
    expect(loadConfig({}).passwordHashCost).toBe(17)
    const hasher = passwordHasher()
    const stored = await hasher.hash('correct horse battery')
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/)
    expect(await hasher.verify('correct horse battery', stored)).toEqual({ ok: true, rehash: false })
    expect(await hasher.verify('correct horse batterY', stored)).toEqual({ ok: false, rehash: false })
  })

  it('[HD4] the cost is checked at start-up with a clear message; tests choose a low one', () => {
    expect(loadConfig({ PASSWORD_HASH_COST: '15' }).passwordHashCost).toBe(15)
    expect(() => loadConfig({ PASSWORD_HASH_COST: '13' })).toThrow(/PASSWORD_HASH_COST below 14/)
    expect(() => loadConfig({ PASSWORD_HASH_COST: '21' })).toThrow(/PASSWORD_HASH_COST above 20/)
    expect(() => loadConfig({ PASSWORD_HASH_COST: 'strong' })).toThrow(/PASSWORD_HASH_COST is log2 of scrypt's N/)
    expect(testConfig().passwordHashCost).toBe(10)
  })

  it('[HD4] a hash the earlier code stored still signs in, and is replaced by one at the configured cost', async () => {
    const server = await startServer({ config: { passwordHashCost: 15 } })
    try {
      const email = uniqueEmail('earlier')
      const me = new ApiClient(server.url)
      const user = await me.signUp(email, 'Earlier', 'an older password')
      expect((await server.storage.users.get(user.id))?.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/)
      const earlier = earlierHash('an older password')
      await server.storage.users.update(user.id, { passwordHash: earlier })
      const stored = async () => (await server.storage.users.get(user.id))?.passwordHash

      // A wrong password changes nothing.
      expect((await me.request('POST', '/api/auth/signin', { email, password: 'not the password' })).status).toBe(401)
      expect(await stored()).toBe(earlier)
      expect((await me.request('POST', '/api/auth/signin', { email, password: 'an older password' })).status).toBe(200)
      const rehashed = await stored()
      expect(rehashed).toMatch(/^scrypt\$32768\$8\$1\$/)
      expect((await me.request('POST', '/api/auth/signin', { email, password: 'an older password' })).status).toBe(200)
      expect(await stored()).toBe(rehashed)

      // A stronger stored hash is never weakened.
      const stronger = await passwordHasher(16).hash('an older password')
      await server.storage.users.update(user.id, { passwordHash: stronger })
      expect((await me.request('POST', '/api/auth/signin', { email, password: 'an older password' })).status).toBe(200)
      expect(await stored()).toBe(stronger)
    } finally {
      await server.close()
    }
  })
})
