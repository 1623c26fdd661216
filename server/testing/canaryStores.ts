// Where a canary can rest in storage: the SQLite file with its -wal and -shm as they are and
// after a checkpoint, every row of every table of SQLite or PostgreSQL, a pg_dump of the test
// database (bytea decoded), and every Redis key (strings, hashes, lists, sets, sorted sets and
// stream entries). Rows name their table and their non-binary columns, so a test can tell the
// restricted room's rows from the board's. Test-only.
import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import SQLite from 'better-sqlite3'
import type { Redis } from 'ioredis'
import pg from 'pg'
import { merged, type Place } from './canaryForms.ts'

type Row = Record<string, unknown>


/** A row as a place name: its table and its short text columns (ids, names, actions). */
function rowName(table: string, row: Row): string {
  const cols = Object.entries(row)
    .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
    .map(([k, v]) => `${k}=${String(v).slice(0, 80)}`)
  return `row ${table} ${cols.join(' ')}`
}

function rowPlaces(table: string, rows: Row[]): Place[] {
  const places: Place[] = []
  for (const row of rows) {
    const name = rowName(table, row)
    for (const v of Object.values(row)) {
      if (typeof v === 'string') places.push([name, v])
      else if (v instanceof Uint8Array) places.push([name, v])
      else if (v !== null && typeof v === 'object') places.push([name, JSON.stringify(v)])
    }
  }
  return places
}

/** Each room's stored log and snapshot merged: text typed one update at a time is whole here. */
function mergedRooms(prefix: string, snapshots: Row[], updates: Row[]): Place[] {
  const byRoom = new Map<string, Uint8Array[]>()
  for (const s of snapshots) byRoom.set(String(s.board_id), [s.data as Uint8Array])
  for (const u of [...updates].sort((a, b) => Number(a.seq) - Number(b.seq))) {
    const list = byRoom.get(String(u.board_id)) ?? []
    list.push(u.data as Uint8Array)
    byRoom.set(String(u.board_id), list)
  }
  return [...byRoom].map(([room, list]): Place => [`${prefix} merged log of ${room}`, merged(list, 'v2')])
}

const read = (file: string) => (existsSync(file) ? readFileSync(file) : null)

/** The SQLite database file: raw bytes (with WAL and SHM), every row, then again after a checkpoint. */
export function sqlitePlaces(file: string): Place[] {
  const places: Place[] = [
    ['sqlite file', read(file)],
    ['sqlite -wal', read(`${file}-wal`)],
    ['sqlite -shm', read(`${file}-shm`)],
  ]
  // A connection of our own: the server's keeps running; checkpointing is what any reader may do.
  const db = new SQLite(file)
  try {
    db.pragma('busy_timeout = 5000')
    const tables = db.prepare(`select name from sqlite_master where type = 'table'`).all() as Array<{ name: string }>
    for (const { name } of tables) {
      const rows = db.prepare(`select * from "${name}"`).all() as Row[]
      for (const p of rowPlaces(name, rows)) places.push(p)
    }
    for (const p of mergedRooms('sqlite', db.prepare('select * from doc_snapshots').all() as Row[], db.prepare('select * from doc_updates').all() as Row[])) places.push(p)
    db.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    db.close()
  }
  places.push(['sqlite file after checkpoint', read(file)], ['sqlite -wal after checkpoint', read(`${file}-wal`)])
  return places
}

export const sqliteFileOf = (dataDir: string) => join(dataDir, 'learning-wall.sqlite')

/** Every row of every table in the test database, plus a pg_dump with its bytea decoded. */
export async function postgresPlaces(url: string): Promise<Place[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const places: Place[] = []
  try {
    const tables = await client.query<{ table_name: string }>(`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`)
    const rowsOf: Record<string, Row[]> = {}
    for (const { table_name: t } of tables.rows) {
      rowsOf[t] = (await client.query<Row>(`select * from "${t}"`)).rows
      for (const p of rowPlaces(t, rowsOf[t])) places.push(p)
    }
    for (const p of mergedRooms('postgres', rowsOf.doc_snapshots ?? [], rowsOf.doc_updates ?? [])) places.push(p)
  } finally {
    await client.end()
  }
  for (const p of await pgDump(url)) places.push(p)
  return places
}

/** pg_dump of the data: each COPY row is a place; bytea (`\\x…` hex) is decoded as well. */
async function pgDump(url: string): Promise<Place[]> {
  const { stdout } = await promisify(execFile)('pg_dump', ['--data-only', '--no-owner', '--dbname', url], { maxBuffer: 512 * 1024 * 1024, encoding: 'buffer' })
  const places: Place[] = []
  let table = ''
  for (const line of stdout.toString('utf8').split('\n')) {
    const copy = /^COPY (\S+)/.exec(line)
    if (copy) {
      table = copy[1]!
      continue
    }
    if (!table) {
      places.push(['pg_dump outside rows', line])
      continue
    }
    if (line === '\\.') {
      table = ''
      continue
    }
    const cells = line.split('\t')
    const name = `pg_dump ${table} ${cells.filter((x) => !x.startsWith('\\\\x')).map((x) => x.slice(0, 80)).join(' ')}`
    places.push([name, line])
    for (const cell of cells) {
      const hex = /^\\\\x([0-9a-f]*)$/.exec(cell)
      if (hex) places.push([name, Buffer.from(hex[1]!, 'hex')])
    }
  }
  return places
}

/** Every key on the Redis server (the canary is unique, so other tests' keys do no harm). */
export async function redisPlaces(redis: Redis): Promise<Place[]> {
  const places: Place[] = []
  let cursor = '0'
  do {
    const [next, keys] = await redis.scanBuffer(cursor, 'COUNT', 500)
    cursor = String(next)
    for (const key of keys) {
      const name = `redis ${key.toString()}`
      places.push([name, key])
      const type = await redis.type(key)
      const values: Buffer[] =
        type === 'string'
          ? [(await redis.getBuffer(key)) ?? Buffer.alloc(0)]
          : type === 'hash'
            ? await redis.hgetallBuffer(key).then((h) => Object.entries(h).flatMap(([k, v]) => [Buffer.from(k), v]))
            : type === 'list'
              ? await redis.lrangeBuffer(key, 0, -1)
              : type === 'set'
                ? await redis.smembersBuffer(key)
                : type === 'zset'
                  ? await redis.zrangeBuffer(key, '0', '-1')
                  : type === 'stream'
                    ? await streamValues(redis, key, places, name)
                    : []
      for (const v of values) places.push([name, v])
    }
  } while (cursor !== '0')
  return places
}

/** Stream entries' fields and values; the `u` fields (Yjs updates) are also merged per stream. */
async function streamValues(redis: Redis, key: Buffer, places: Place[], name: string): Promise<Buffer[]> {
  const entries = await redis.xrangeBuffer(key, '-', '+')
  const updates: Uint8Array[] = []
  for (const [, fields] of entries) {
    for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i]!.toString() === 'u') updates.push(fields[i + 1]!)
  }
  places.push([`${name} merged`, merged(updates, 'v1')])
  return entries.flatMap(([id, fields]) => [id, ...fields])
}
