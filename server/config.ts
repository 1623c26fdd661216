// Configuration from the environment, validated once at start-up with clear messages.
import { z } from 'zod'
import { LIMITS } from '../shared/protocol/messages.ts'
import { DEFAULT_HASH_COST } from './auth/password.ts'

const int = (min: number) => z.coerce.number().int().min(min)

const Env = z.object({
  PORT: int(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z.url().optional(),
  ALLOWED_ORIGINS: z.string().optional(),
  MAX_FRAME_BYTES: int(1024).default(LIMITS.maxFrameBytes),
  MAX_REQUEST_BYTES: int(1024).default(1024 * 1024),
  ROOM_UNLOAD_MS: int(0).default(30_000),
  COMPACT_EVERY: int(1).default(500),
  LOG_LEVEL: z.enum(['info', 'warn', 'error']).default('info'),
  STATIC_DIR: z.string().default('./dist/client'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL').optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'REDIS_URL must be a redis:// URL').optional(),
  TEMPLATES_DIR: z.string().optional(),
  AUTH_ATTEMPTS_PER_MINUTE: int(1).default(120),
  BOARDS_PER_HOUR: int(1).default(60),
  BOARDS_PER_ACCOUNT: int(1).default(5000),
  REQUEST_TIMEOUT_MS: int(1000).default(60_000),
  ROOMS_MEMORY_MB: int(16).default(1024),
  PASSWORD_ATTEMPTS_PER_MINUTE: int(1).default(5),
  PASSWORD_HASH_COST: z.coerce
    .number({ error: 'PASSWORD_HASH_COST is log2 of scrypt\'s N, a whole number from 14 to 20' })
    .int('PASSWORD_HASH_COST is log2 of scrypt\'s N, a whole number from 14 to 20')
    .min(14, 'PASSWORD_HASH_COST below 14 (N = 16384) is too weak to store passwords with')
    .max(20, 'PASSWORD_HASH_COST above 20 needs more than 1 GiB of memory for every sign-in')
    .default(DEFAULT_HASH_COST),
})

export type Config = {
  port: number
  host: string
  dataDir: string
  /** Origins a browser may open sockets from; empty means "the origin of the request's Host". */
  allowedOrigins: string[]
  /** Cookies get the Secure flag when the public URL is https. */
  secureCookies: boolean
  maxFrameBytes: number
  maxRequestBytes: number
  roomUnloadMs: number
  compactEvery: number
  logLevel: 'info' | 'warn' | 'error'
  staticDir: string | null
  /** PostgreSQL for all storage instead of SQLite in DATA_DIR. */
  databaseUrl: string | null
  /** Redis to carry live updates and presence between instances. */
  redisUrl: string | null
  /** A folder of method templates as JSON files, offered beside the built-in ones. */
  templatesDir?: string | null
  /**
   * Sign-ups, sign-ins and guest joins per minute from one network address. A workshop of 60
   * behind one venue router is one address; guessing one account's password is limited per email.
   */
  authAttemptsPerMinute: number
  /** Boards one account may create (new, imported, restored) in an hour, and own in all. */
  boardsPerHour: number
  boardsPerAccount: number
  /** A request body not fully received in this time is refused (408): slow senders hold memory. */
  requestTimeoutMs: number
  /** What loaded boards may take in memory (estimated from their stored size), in bytes. */
  roomsMemoryBytes: number
  /**
   * Sign-in attempts a minute for one email from one address, forgiven by a successful one: a
   * stranger elsewhere cannot lock the owner out, a guesser is slowed.
   */
  passwordAttemptsPerMinute: number
  /** log2 of scrypt's N for new password hashes (r = 8, p = 1); weaker stored ones are rehashed at sign-in. */
  passwordHashCost: number
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = Env.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  const origins = [
    ...(e.PUBLIC_URL ? [new URL(e.PUBLIC_URL).origin] : []),
    ...(e.ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean).map((o) => new URL(o).origin),
  ]
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    allowedOrigins: origins,
    secureCookies: e.PUBLIC_URL?.startsWith('https:') ?? false,
    maxFrameBytes: e.MAX_FRAME_BYTES,
    maxRequestBytes: e.MAX_REQUEST_BYTES,
    roomUnloadMs: e.ROOM_UNLOAD_MS,
    compactEvery: e.COMPACT_EVERY,
    logLevel: e.LOG_LEVEL,
    staticDir: e.STATIC_DIR || null,
    databaseUrl: e.DATABASE_URL ?? null,
    redisUrl: e.REDIS_URL ?? null,
    templatesDir: e.TEMPLATES_DIR || null,
    authAttemptsPerMinute: e.AUTH_ATTEMPTS_PER_MINUTE,
    boardsPerHour: e.BOARDS_PER_HOUR,
    boardsPerAccount: e.BOARDS_PER_ACCOUNT,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    roomsMemoryBytes: e.ROOMS_MEMORY_MB * 1024 * 1024,
    passwordAttemptsPerMinute: e.PASSWORD_ATTEMPTS_PER_MINUTE,
    passwordHashCost: e.PASSWORD_HASH_COST,
  }
}

export const testConfig = (overrides: Partial<Config> = {}): Config => ({
  ...loadConfig({ PORT: '0', STATIC_DIR: '' }),
  staticDir: null,
  roomUnloadMs: 50,
  // Tests choose a low password cost (2^10): at the default 2^17 every sign-up takes 128 MiB and a
  // good part of a second. One test checks the default itself.
  passwordHashCost: 10,
  // Test files make many boards with one account within a minute; one test checks the budget.
  boardsPerHour: 100_000,
  ...overrides,
})
