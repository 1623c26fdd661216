// Test harness: a real server on port 0 with a real SQLite DATA_DIR, and stock y-websocket
// clients in Node. Used by integration tests and benchmarks; never by production code.
import { serve, type ServerType } from '@hono/node-server'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { Authorize } from '../access.ts'
import type { Bus } from '../scale/bus.ts'
import { ApiClient, uniqueEmail } from './apiClient.ts'
import { createApp, type LearningWallApp } from '../app.ts'
import { testConfig, type Config } from '../config.ts'
import { silentLog, type Log } from '../log.ts'
import { openSqliteStorage } from '../storage/sqlite.ts'
import type { Storage } from '../storage/types.ts'

export type TestServer = {
  url: string
  wsUrl: string
  port: number
  dataDir: string
  storage: Storage
  lw: LearningWallApp
  /** The first account (instance admin), owner of boards made with createBoard. */
  owner: ApiClient
  createBoard(title?: string, scale?: string): Promise<string>
  close(): Promise<void>
}

/**
 * `authorize: 'roles'` uses the real role-based socket authorisation; the default lets every
 * socket write, for tests of the sync protocol itself. HTTP always uses the real rules.
 */
export async function startServer(
  options: {
    dataDir?: string
    config?: Partial<Config>
    authorize?: Authorize | 'roles'
    log?: Log
    storage?: Storage
    bus?: Bus
    /** Instances sharing one database share accounts: pass a fresh email per instance. */
    ownerEmail?: string
  } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'lw-test-'))
  const storage = options.storage ?? (await openSqliteStorage({ dataDir }))
  const config = testConfig({ dataDir, ...options.config })
  const authorize: Authorize | undefined =
    options.authorize === 'roles' ? undefined : (options.authorize ?? (async () => ({ access: 'write', principal: { id: 'test', name: 'Test' } })))
  const lw = createApp({ config, storage, log: options.log ?? silentLog, authorize, bus: options.bus })
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: lw.app.fetch, port: 0, hostname: '127.0.0.1', serverOptions: lw.serverOptions }, () => resolve(s))
  })
  lw.injectWebSocket(server)
  const port = (server.address() as AddressInfo).port
  const url = `http://127.0.0.1:${port}`
  const owner = new ApiClient(url)
  await owner.signUp(options.ownerEmail ?? uniqueEmail('owner'), 'Owner')
  return {
    owner,
    url,
    wsUrl: `ws://127.0.0.1:${port}/sync`,
    port,
    dataDir,
    storage,
    lw,
    createBoard: (title = 'Test board', scale = 'team') => owner.createBoard(title, scale),
    async close() {
      await lw.close()
      await options.bus?.close()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      // Force-close lingering keep-alive sockets so tests end promptly.
      ;(server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.()
      await storage.close()
    },
  }
}

export type TestClient = { doc: Y.Doc; provider: WebsocketProvider; destroy(): void }

/**
 * A stock y-websocket client, exactly as an integrator would use it (`socket`: a `ws` subclass
 * for a test that must see the raw frames).
 */
export function connectClient(
  wsUrl: string,
  boardId: string,
  params: Record<string, string> = {},
  socket: new (address: string, protocols?: string | string[]) => WebSocket = WebSocket,
): TestClient {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(wsUrl, boardId, doc, {
    WebSocketPolyfill: socket as unknown as typeof globalThis.WebSocket,
    params,
    disableBc: true,
  })
  return {
    doc,
    provider,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

/**
 * Resolves once `predicate` holds, checking again every few milliseconds; rejects after the
 * deadline. The predicate may be async (a read through the server's rooms or the database).
 */
export async function waitFor(
  predicate: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
  what: string | (() => string) = 'condition',
  everyMs = 5,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`)
    await new Promise((r) => setTimeout(r, everyMs))
  }
}

/** Until the server's copy of `room` satisfies `holds`. */
export const roomHolds = (server: TestServer, room: string, holds: (doc: Y.Doc) => boolean, timeoutMs = 5000) =>
  waitFor(() => server.lw.rooms.read(room, holds), timeoutMs, `${room} to reach the expected state`)

export const synced = (c: TestClient, timeoutMs = 5000) => waitFor(() => c.provider.synced, timeoutMs, 'sync')

/** Identical document state, compared as encoded state vectors and JSON of the board roots. */
export function sameState(a: Y.Doc, b: Y.Doc): boolean {
  const sv = (d: Y.Doc) => Buffer.from(Y.encodeStateVector(d)).toString('base64')
  return sv(a) === sv(b)
}
