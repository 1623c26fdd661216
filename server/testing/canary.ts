// The canary search: given a unique string, every place a byte of Learning Wall can rest where it
// was found. Storage (canaryStores.ts), Redis, the server's log lines, every export format and
// audience of each board, its saved versions (stored bytes, and each restored as a board), the
// live board, restricted and draft rooms, and the frames each connected person received
// (frameLog.ts). The answer is a list of place names, so a test states where the canary may be,
// and first proves the search finds it there. Test-only.
import type { Redis } from 'ioredis'
import * as Y from 'yjs'
import { pdfText } from '../exports/pdfText.ts'
import type { ApiClient } from './apiClient.ts'
import { foundIn, type Canary } from './canaryForms.ts'
import { searchPostgres, searchRedis, searchSqlite, sqliteFileOf } from './canaryStores.ts'
import type { FrameLog, FrameMark } from './frameLog.ts'
import type { TestServer } from './harness.ts'

export type CanaryWorld = {
  server: TestServer
  /** Owns (or facilitates) every board searched: exports and restores run as this person. */
  api: ApiClient
  /** PostgreSQL storage: its URL (else the server's SQLite file in its data directory). */
  databaseUrl?: string
  redis?: Redis
  logLines: string[]
  frames: FrameLog
}

export type SearchScope = {
  boards: string[]
  /** Frames received before this mark are not searched. */
  framesSince?: FrameMark
  /** Restore every saved version of each board as a new board and search that board too. */
  restore?: boolean
}

export type Found = { places: string[]; restored: string[] }

const AUDIENCES = ['concise', 'descriptive', 'technical'] as const

export async function canarySearch(world: CanaryWorld, c: Canary, scope: SearchScope): Promise<Found> {
  const places = new Set<string>()
  const add = (list: string[]) => list.forEach((p) => places.add(p))
  const restored: string[] = []
  for (const board of scope.boards) {
    add(await searchRooms(world, c, board))
    add(await searchExports(world, c, board))
    add(await searchVersions(world, c, board, scope.restore ? restored : null))
  }
  for (const board of restored) {
    add((await searchRooms(world, c, board)).map((p) => `restored ${p}`))
    add((await searchExports(world, c, board)).map((p) => `restored ${p}`))
  }
  add(world.frames.search(c, scope.framesSince))
  add(foundIn(c, [['log', world.logLines.join('\n')]]))
  // Storage last: every read and restore above has written what it writes.
  add(world.databaseUrl ? await searchPostgres(c, world.databaseUrl) : searchSqlite(c, sqliteFileOf(world.server.dataDir)))
  if (world.redis) add(await searchRedis(c, world.redis))
  if (process.env.CANARY_DEBUG) console.log(c.text, JSON.stringify([...places].sort(), null, 1))
  return { places: [...places].sort(), restored }
}

/** The board, its restricted room and its draft rooms, live in the server. */
async function searchRooms(world: CanaryWorld, c: Canary, board: string): Promise<string[]> {
  const { lw, storage } = world.server
  const rooms = [board, `${board}~restricted`, ...(await storage.docs.roomsWithPrefix(`${board}~draft~`))]
  const places: Array<[string, Uint8Array]> = []
  for (const room of rooms) places.push([`live ${room}`, await lw.rooms.read(room, (d) => Y.encodeStateAsUpdateV2(d))])
  return foundIn(c, places)
}

async function get(api: ApiClient, path: string): Promise<Buffer> {
  const headers: Record<string, string> = api.cookieHeader ? { cookie: api.cookieHeader } : {}
  const res = await fetch(api.baseUrl + path, { headers })
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`)
  return Buffer.from(await res.arrayBuffer())
}

/**
 * Every export format and audience docs/api.md lists. PDFs are searched as bytes and as their
 * extracted text; the PNG is drawn from the same SVG that is searched here, so it is fetched only
 * to see that it renders.
 */
async function searchExports(world: CanaryWorld, c: Canary, board: string): Promise<string[]> {
  const base = `/api/boards/${board}/export`
  const places: Array<[string, Uint8Array | string]> = []
  const text = async (name: string, path: string) => places.push([`export ${board} ${name}`, await get(world.api, base + path)])
  const pdf = async (name: string, path: string) => {
    const bytes = await get(world.api, base + path)
    if (bytes.subarray(0, 5).toString() !== '%PDF-') throw new Error(`${name} is not a PDF`)
    places.push([`export ${board} ${name}`, bytes], [`export ${board} ${name}`, pdfText(bytes)])
  }
  await text('json', '/json')
  await text('stories.csv', '/stories.csv')
  await text('patterns.csv', '/patterns.csv')
  await text('board.svg', '/board.svg')
  for (const a of AUDIENCES) await text(`report.md ${a}`, `/report.md?audience=${a}`)
  await pdf('board.pdf', '/board.pdf')
  for (const a of AUDIENCES) await pdf(`report.pdf ${a}`, `/report.pdf?audience=${a}`)
  const png = await get(world.api, `${base}/board.png`)
  if (!png.subarray(1, 4).equals(Buffer.from('PNG'))) throw new Error('board.png is not a PNG')
  return foundIn(c, places)
}

/** Each saved version's stored bytes; with `restored`, each version restored as a new board. */
async function searchVersions(world: CanaryWorld, c: Canary, board: string, restored: string[] | null): Promise<string[]> {
  const { storage } = world.server
  const places: Array<[string, Uint8Array]> = []
  for (const v of await storage.versions.list(board)) {
    const loaded = await storage.versions.load(board, v.id)
    if (loaded) places.push([`version ${board}/${v.id}`, loaded.stateV2])
    if (restored) {
      const res = await world.api.request<{ board: { id: string } }>('POST', `/api/boards/${board}/versions/${v.id}/restore`, {})
      if (res.status !== 201) throw new Error(`restore ${board}/${v.id}: ${res.status} ${JSON.stringify(res.body)}`)
      restored.push(res.body.board.id)
    }
  }
  return foundIn(c, places)
}
