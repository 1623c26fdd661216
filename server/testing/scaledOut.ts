// One more Learning Wall instance as it runs scaled out: storage in the given PostgreSQL test
// database, updates and presence over the local Redis. Test-only.
import { silentLog } from '../log.ts'
import { openRedisBus } from '../scale/redisBus.ts'
import { openPostgresStorage } from '../storage/postgres.ts'
import { uniqueEmail } from './apiClient.ts'
import { startServer, type TestServer } from './harness.ts'

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

export async function startScaledInstance(databaseUrl: string, options: { authorize?: 'roles' } = {}): Promise<TestServer> {
  return startServer({
    ...options,
    storage: await openPostgresStorage({ url: databaseUrl, poolSize: 4 }),
    bus: openRedisBus(TEST_REDIS_URL, silentLog),
    // Instances sharing one database share accounts: each signs up its own owner.
    ownerEmail: uniqueEmail('owner'),
  })
}
