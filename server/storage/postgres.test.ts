// The storage contract on a real PostgreSQL. Each run gets its own database, dropped after.
import pg from 'pg'
import { afterAll, beforeAll, describe } from 'vitest'
import { storageContract } from './contract.ts'
import { openPostgresStorage } from './postgres.ts'

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
})
