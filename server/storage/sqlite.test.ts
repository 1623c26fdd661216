import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { storageContract } from './contract.ts'
import { openSqliteStorage } from './sqlite.ts'

const dir = mkdtempSync(join(tmpdir(), 'lw-sqlite-'))

storageContract('sqlite', () => openSqliteStorage({ dataDir: dir }))

describe('sqlite adapter', () => {
  it('opens the database in WAL mode with full sync', async () => {
    const storage = await openSqliteStorage({ dataDir: mkdtempSync(join(tmpdir(), 'lw-sqlite-')) })
    const SQLite = (await import('better-sqlite3')).default
    const raw = new SQLite(storage.file, { readonly: true })
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal')
    raw.close()
    await storage.close()
  })
})
