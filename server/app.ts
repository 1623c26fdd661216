// The app as a value: createApp(deps) builds the HTTP routes and the sync door around the given
// storage, with no module-level state. main.ts wires it to a real port; tests call app.request().
import { createNodeWebSocket } from '@hono/node-ws'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { secureHeaders } from 'hono/secure-headers'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { LIMITS } from '../shared/protocol/messages.ts'
import type { Authorize } from './access.ts'
import { auditRoutes } from './api/audit.ts'
import { authRoutes } from './api/auth.ts'
import { boardRoutes } from './api/boards.ts'
import { boardInviteRoutes, inviteRoutes } from './api/invites.ts'
import { memberRoutes } from './api/members.ts'
import { voteRoutes } from './api/votes.ts'
import { conditionRoutes } from './api/conditions.ts'
import { linkRoutes, mapRoutes } from './api/links.ts'
import { shareRoutes } from './api/shares.ts'
import { sessionRoutes } from './api/session.ts'
import { loadTemplates } from './facilitation/templates.ts'
import { storyRoutes } from './api/stories.ts'
import { PatternSharing } from './cycles/sharing.ts'
import { RaisedEvidence } from './cycles/raisedEvidence.ts'
import { RestrictedOrphans } from './ethics/restrictedOrphans.ts'
import { exportRoutes, IMPORT_MAX_BYTES } from './api/exports.ts'
import { AutoVersions } from './exports/history.ts'
import { ExportJobs } from './exports/jobs.ts'
import { auditTo } from './auth/audit.ts'
import { csrfProtection } from './auth/csrf.ts'
import { credentialOf, identify, type AppEnv } from './auth/identity.ts'
import { boardAuthorizer } from './auth/socketAuthorizer.ts'
import type { Config } from './config.ts'
import { BoardBudget } from './api/boardBudget.ts'
import { errorBody, errorHandler } from './errors.ts'
import type { Log } from './log.ts'
import { Rooms } from './sync/rooms.ts'
import { syncHandler } from './sync/syncRoute.ts'
import { checkOrigin } from './origin.ts'
import type { Bus } from './scale/bus.ts'
import type { Storage } from './storage/types.ts'

export type AppDeps = {
  config: Config
  storage: Storage
  log: Log
  /** Overrides the role-based socket authorisation; sync-layer tests use it. */
  authorize?: Authorize
  /** Other instances (REDIS_URL); absent for a single instance. */
  bus?: Bus
  /** How often an automatic version of a busy board is kept (default 10 minutes). */
  versionEveryMs?: number
}

export function createApp(deps: AppDeps) {
  const { config, storage, log } = deps
  const authorize = deps.authorize ?? boardAuthorizer(storage)
  const audit = auditTo(storage)
  const templates = loadTemplates(config.templatesDir)
  const sharing = new PatternSharing({ storage, log, rooms: () => rooms })
  const raisedEvidence = new RaisedEvidence({ storage, log, rooms: () => rooms })
  const restrictedOrphans = new RestrictedOrphans({ storage, log, rooms: () => rooms })
  const exportJobs = new ExportJobs({ log })
  const autoVersions = new AutoVersions({ storage, log, rooms: () => rooms, everyMs: deps.versionEveryMs ?? 10 * 60_000 })
  const rooms: Rooms = new Rooms({
    onContentChange: (boardId) => {
      sharing.contentChanged(boardId)
      raisedEvidence.contentChanged(boardId)
      restrictedOrphans.contentChanged(boardId)
      autoVersions.activity(boardId)
    },
    bus: deps.bus,
    storage,
    log,
    unloadAfterMs: config.roomUnloadMs,
    maxLoadedBytes: config.roomsMemoryBytes,
    limits: {
      maxAwarenessStateBytes: LIMITS.maxAwarenessStateBytes,
      maxClientIdsPerConnection: LIMITS.maxClientIdsPerConnection,
      compactEvery: config.compactEvery,
      maxBufferedBytes: 16 * 1024 * 1024,
    },
  })

  const app = new Hono<AppEnv>()
  const ws = createNodeWebSocket({ app })
  // ws accepts 100 MiB messages by default; larger frames are closed with 1009.
  ws.wss.options.maxPayload = config.maxFrameBytes

  app.onError(errorHandler(log))
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
      crossOriginEmbedderPolicy: false,
    }),
  )
  const requestLimit = bodyLimit({ maxSize: config.maxRequestBytes })
  // A board export is larger than any other request (about 0.5 KB per story).
  const importLimit = bodyLimit({ maxSize: Math.max(config.maxRequestBytes, IMPORT_MAX_BYTES) })
  app.use('/api/*', (c, next) => (c.req.method === 'POST' && c.req.path === '/api/boards/import' ? importLimit : requestLimit)(c, next))
  app.use('/api/*', csrfProtection(config.secureCookies))
  app.use('/api/*', async (c, next) => {
    const credential = credentialOf(c)
    const identity = await identify(storage, credential?.token)
    c.set('identity', identity && { ...identity, explicit: credential?.explicit ?? false })
    await next()
  })

  app.get('/healthz', (c) => c.json({ ok: true, storage: storage.kind, rooms: rooms.loadedCount() }))
  const secureCookies = config.secureCookies
  app.route(
    '/api/auth',
    authRoutes({
      storage,
      audit,
      secureCookies,
      attemptsPerMinute: config.authAttemptsPerMinute,
      passwordAttemptsPerMinute: config.passwordAttemptsPerMinute,
      passwordHashCost: config.passwordHashCost,
    }),
  )
  const budget = new BoardBudget(storage, { perHour: config.boardsPerHour, perAccount: config.boardsPerAccount })
  app.route('/api/boards', boardRoutes({ storage, rooms, audit, budget }))
  app.route('/api/boards', memberRoutes({ storage, rooms, audit }))
  app.route('/api/boards', boardInviteRoutes({ storage, rooms, audit, secureCookies }))
  app.route('/api/boards', auditRoutes(storage))
  app.route('/api/boards', voteRoutes({ storage, rooms, audit }))
  app.route('/api/boards', exportRoutes({ storage, rooms, audit, jobs: exportJobs, budget }))
  app.route('/api/boards', linkRoutes({ storage, audit }))
  app.route('/api/cycles', mapRoutes({ storage }))
  app.route('/api', conditionRoutes({ storage, rooms, audit }))
  app.route('/api', shareRoutes({ storage, rooms, audit, sharing }))
  app.route('/api', sessionRoutes({ storage, rooms, audit, templates }))
  app.route('/api', storyRoutes({ storage, rooms, audit, forgetExports: (boardId) => exportJobs.forgetBoard(boardId) }))
  app.route('/api/invites', inviteRoutes({ storage, rooms, audit, secureCookies, attemptsPerMinute: config.authAttemptsPerMinute }))
  app.all('/api/*', (c) => c.json(errorBody('not_found', 'no such endpoint'), 404))

  app.get('/sync/:boardId', checkOrigin(config.allowedOrigins), syncHandler({ storage, rooms, authorize, log }, ws.upgradeWebSocket))

  if (config.staticDir && existsSync(join(config.staticDir, 'index.html'))) {
    const root = config.staticDir
    const index = readFileSync(join(root, 'index.html'), 'utf8')
    app.use('/assets/*', serveStatic({ root }))
    app.use('/*', serveStatic({ root, rewriteRequestPath: (p) => (p === '/' ? '/index.html' : p) }))
    // Client-side routes (/, /b/:id) all load the single page.
    app.get('*', (c) => c.html(index))
  } else {
    app.get('/', (c) => c.text('Learning Wall server: the client is not built (run `npm run build`).'))
  }

  return {
    app,
    rooms,
    injectWebSocket: (server: Parameters<typeof ws.injectWebSocket>[0]) => ws.injectWebSocket(server),
    /**
     * For the Node HTTP server: a request whose headers and body are not in within the timeout is
     * answered 408 and closed, so slow senders cannot hold bodies and sockets for minutes.
     */
    serverOptions: {
      requestTimeout: config.requestTimeoutMs,
      headersTimeout: Math.min(60_000, config.requestTimeoutMs),
      connectionsCheckingInterval: Math.min(30_000, Math.max(250, Math.floor(config.requestTimeoutMs / 4))),
    },
    async close() {
      sharing.stop()
      raisedEvidence.stop()
      restrictedOrphans.stop()
      autoVersions.stop()
      await exportJobs.close()
      await rooms.closeAll()
    },
  }
}

export type LearningWallApp = ReturnType<typeof createApp>
