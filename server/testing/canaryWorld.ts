// One server for a canary test file, on SQLite or on PostgreSQL with Redis, with its log captured,
// an owner, a facilitator, a contributor and an observer, and stock providers for each of them
// whose received frames are recorded. Test-only.
import { Redis } from 'ioredis'
import { ApiClient, uniqueEmail } from './apiClient.ts'
import type { CanaryWorld } from './canary.ts'
import { FrameLog, type FrameMark } from './frameLog.ts'
import { connectClient, startServer, synced, type TestClient, type TestServer } from './harness.ts'
import { jsonLog } from '../log.ts'
import { createTestDatabase } from './postgresDb.ts'
import { TEST_REDIS_URL } from './scaledOut.ts'
import { openRedisBus } from '../scale/redisBus.ts'
import { openPostgresStorage } from '../storage/postgres.ts'

export type Setup = 'sqlite' | 'postgres+redis'
export type Person = { api: ApiClient; id: string; email: string }
export type Role = 'owner' | 'facilitator' | 'contributor' | 'observer'
export const ROLES: Role[] = ['owner', 'facilitator', 'contributor', 'observer']

export type World = CanaryWorld & {
  setup: Setup
  people: Record<Role, Person>
  /** A new board owned by the owner, the other three added with their roles. */
  board(title: string, extra?: Record<string, unknown>, scale?: string): Promise<string>
  /** `who` connected to `room` with a recording socket (frames under `who room`). */
  connect(who: string, room: string, token: string): TestClient
  /** Each role on the board, owner and facilitator also on its restricted room; all synced. */
  watch(board: string): Promise<Record<Role, TestClient>>
  /** Disconnects the previous scenario's providers; frames before the returned mark are theirs. */
  startScenario(): FrameMark
  close(): Promise<void>
}

export async function startWorld(setup: Setup): Promise<World> {
  const logLines: string[] = []
  const log = jsonLog((line) => logLines.push(line))
  let server: TestServer
  let databaseUrl: string | undefined
  let redis: Redis | undefined
  let drop = async () => {}
  if (setup === 'sqlite') server = await startServer({ authorize: 'roles', log })
  else {
    const db = await createTestDatabase('lw_canary')
    drop = () => db.drop()
    databaseUrl = db.url
    redis = new Redis(TEST_REDIS_URL)
    server = await startServer({
      authorize: 'roles',
      log,
      storage: await openPostgresStorage({ url: db.url, poolSize: 4 }),
      bus: openRedisBus(TEST_REDIS_URL, log),
      ownerEmail: uniqueEmail('owner'),
    })
  }
  const me = await server.owner.request<{ user: { id: string; email: string } }>('GET', '/api/auth/me')
  const people = { owner: { api: server.owner, id: me.body.user.id, email: me.body.user.email } } as Record<Role, Person>
  for (const role of ['facilitator', 'contributor', 'observer'] as const) {
    const api = new ApiClient(server.url)
    const email = uniqueEmail(role)
    const user = await api.signUp(email, `Canary ${role}`)
    people[role] = { api, id: user.id, email }
  }
  const frames = new FrameLog()
  const clients: TestClient[] = []
  const connect = (who: string, room: string, token: string) => {
    const c = connectClient(server.wsUrl, room, { token }, frames.socketFor(`${who} ${room}`))
    clients.push(c)
    return c
  }
  return {
    setup,
    server,
    api: server.owner,
    databaseUrl,
    redis,
    logLines,
    frames,
    people,
    connect,
    async board(title, extra = {}, scale = 'team') {
      const board = await server.owner.createBoard(title, scale, extra)
      for (const role of ['facilitator', 'contributor', 'observer'] as const) {
        const res = await server.owner.request('POST', `/api/boards/${board}/members`, { email: people[role].email, role })
        if (res.status !== 201) throw new Error(`add ${role}: ${res.status}`)
      }
      return board
    },
    async watch(board) {
      const on = Object.fromEntries(ROLES.map((r) => [r, connect(r, board, people[r].api.token!)])) as Record<Role, TestClient>
      const restricted = (['owner', 'facilitator'] as const).map((r) => connect(r, `${board}~restricted`, people[r].api.token!))
      await Promise.all([...Object.values(on), ...restricted].map((c) => synced(c)))
      return on
    },
    startScenario() {
      for (const c of clients.splice(0)) c.destroy()
      return frames.mark()
    },
    async close() {
      for (const c of clients) c.destroy()
      redis?.disconnect()
      await server.close()
      await drop()
    },
  }
}
