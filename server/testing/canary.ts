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
import { foundIn, type Canary, type Place } from './canaryForms.ts'
import { postgresPlaces, redisPlaces, sqlitePlaces, sqliteFileOf } from './canaryStores.ts'
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
  return (await canarySearchAll(world, [c], scope))[0]!
}

/** Several canaries in one pass over every place (each place is read once). */
export async function canarySearchAll(world: CanaryWorld, canaries: Canary[], scope: SearchScope): Promise<Found[]> {
  const places: Place[] = []
  // Not push(...list): a long run's frames and rows overflow the call stack as arguments.
  const add = (list: Iterable<Place>) => {
    for (const p of list) places.push(p)
  }
  const restored: string[] = []
  for (const board of scope.boards) {
    add(await roomPlaces(world, board))
    add(await exportPlaces(world, board))
    add(await versionPlaces(world, board, scope.restore ? restored : null))
  }
  for (const board of restored) {
    for (const [name, bytes] of [...(await roomPlaces(world, board)), ...(await exportPlaces(world, board))]) places.push([`restored ${name}`, bytes])
  }
  add(world.frames.places(scope.framesSince))
  places.push(['log', world.logLines.join('\n')])
  // Storage last: every read and restore above has written what it writes.
  add(world.databaseUrl ? await postgresPlaces(world.databaseUrl) : sqlitePlaces(sqliteFileOf(world.server.dataDir)))
  if (world.redis) add(await redisPlaces(world.redis))
  return canaries.map((c) => {
    const found = foundIn(c, places).sort()
    if (process.env.CANARY_DEBUG) console.log(c.text, JSON.stringify(found, null, 1))
    return { places: found, restored }
  })
}

/** The board, its restricted room and its draft rooms, live in the server. */
async function roomPlaces(world: CanaryWorld, board: string): Promise<Place[]> {
  const { lw, storage } = world.server
  const rooms = [board, `${board}~restricted`, ...(await storage.docs.roomsWithPrefix(`${board}~draft~`))]
  const places: Place[] = []
  for (const room of rooms) places.push([`live ${room}`, await lw.rooms.read(room, (d) => Y.encodeStateAsUpdateV2(d))])
  return places
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
async function exportPlaces(world: CanaryWorld, board: string): Promise<Place[]> {
  const base = `/api/boards/${board}/export`
  const places: Place[] = []
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
  return places
}

/** Each saved version's stored bytes; with `restored`, each version restored as a new board. */
async function versionPlaces(world: CanaryWorld, board: string, restored: string[] | null): Promise<Place[]> {
  const { storage } = world.server
  const places: Place[] = []
  for (const v of await storage.versions.list(board)) {
    const loaded = await storage.versions.load(board, v.id)
    if (loaded) places.push([`version ${board}/${v.id}`, loaded.stateV2])
    if (restored) {
      const res = await world.api.request<{ board: { id: string } }>('POST', `/api/boards/${board}/versions/${v.id}/restore`, {})
      if (res.status !== 201) throw new Error(`restore ${board}/${v.id}: ${res.status} ${JSON.stringify(res.body)}`)
      restored.push(res.body.board.id)
    }
  }
  return places
}
