// Sign-ups and sign-ins per network address: a workshop behind one router is one address, so
// the limit is an operator setting (AUTH_ATTEMPTS_PER_MINUTE, default 120), counted per address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../config.ts'
import { ApiClient, uniqueEmail } from '../testing/apiClient.ts'
import { startServer, type TestServer } from '../testing/harness.ts'

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
