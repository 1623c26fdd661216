// The stored keys of Yjs client ids ([H14]) on SQLite and PostgreSQL: an id keeps the first key
// recorded for it, ids above 2^31 survive, and deleting a room deletes its keys.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../testing/postgresDb.ts'
import { openPostgresStorage } from './postgres.ts'
import { openSqliteStorage } from './sqlite.ts'
import type { Storage } from './types.ts'

const drops: Array<() => Promise<void>> = []
afterAll(async () => {
  for (const drop of drops) await drop()
})

const adapters: Array<[string, () => Promise<Storage>]> = [
  ['sqlite', () => openSqliteStorage({ dataDir: mkdtempSync(join(tmpdir(), 'lw-keys-')) })],
  [
    'postgres',
    async () => {
      const db = await createTestDatabase('lw_keys')
      drops.push(() => db.drop())
      return openPostgresStorage({ url: db.url, poolSize: 2 })
    },
  ],
]

describe.each(adapters)('[H14] client id keys on %s', (_name, open) => {
  it('keeps the first key of an id, reads large ids back, and forgets a deleted room', async () => {
    const storage = await open()
    try {
      const big = 2 ** 32 - 5
      await storage.docs.recordClientKeys('room-aaaaaa', [[7, 'key-one'], [big, 'key-one']])
      await storage.docs.recordClientKeys('room-aaaaaa', [[7, 'key-two'], [8, 'key-two']])
      await storage.docs.recordClientKeys('room-bbbbbb', [[7, 'key-three']])
      const sorted = (rows: Array<[number, string]>) => [...rows].sort((a, b) => a[0] - b[0])
      expect(sorted(await storage.docs.clientKeys('room-aaaaaa'))).toEqual([[7, 'key-one'], [8, 'key-two'], [big, 'key-one']])
      await storage.docs.delete('room-aaaaaa')
      expect(await storage.docs.clientKeys('room-aaaaaa')).toEqual([])
      expect(await storage.docs.clientKeys('room-bbbbbb')).toEqual([[7, 'key-three']])
    } finally {
      await storage.close()
    }
  })
})
