// The storage contract on a real PostgreSQL. Each run gets its own database, dropped after.
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { storageContract } from './contract.ts'
import { openPostgresStorage } from './postgres.ts'
import { waitFor } from '../testing/harness.ts'

const admin = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const dbName = `lw_test_${process.pid}_${Date.now()}`
const url = (() => {
  const u = new URL(admin)
  u.pathname = `/${dbName}`
  return u.toString()
})()

describe('postgres adapter', () => {
  beforeAll(async () => {
    const client = new pg.Client({ connectionString: admin })
    await client.connect()
    await client.query(`CREATE DATABASE ${dbName}`)
    await client.end()
  })
  afterAll(async () => {
    const client = new pg.Client({ connectionString: admin })
    await client.connect()
    await client.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)
    await client.end()
  })

  storageContract('postgres', () => openPostgresStorage({ url, poolSize: 4 }))

  it('survives the server ending its idle connections (restart, administrator): the next query reconnects', async () => {
    const storage = await openPostgresStorage({ url, poolSize: 2 })
    try {
      expect(await storage.boards.get('NoSuchBoard0')).toBeNull()
      const client = new pg.Client({ connectionString: admin })
      await client.connect()
      const ended = await client.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [dbName])
      await client.end()
      expect(ended.rowCount).toBeGreaterThan(0)
      // The pool hears of it on its own (an unhandled 'error' there would fail the run); a query
      // handed a connection the server already ended fails, and the next one gets a new connection.
      await waitFor(async () => (await storage.boards.get('NoSuchBoard0').catch(() => undefined)) === null, 5000, 'a query answered again')
    } finally {
      await storage.close()
    }
  })
})
