// Password hashing with scrypt from node:crypto (no native build). Stored as
// `scrypt$N$r$p$salt$hash` (base64), so the cost can rise: a hash made with weaker parameters than
// the configured ones still verifies, and the sign-in that proves the password replaces it.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/** log2 of scrypt's N by default: N = 2^17, r = 8, p = 1 (current OWASP guidance), 128 MiB a hash. */
export const DEFAULT_HASH_COST = 17
const BLOCK_SIZE = 8
const PARALLEL = 1
const KEY_BYTES = 32

export type PasswordHasher = {
  hash(password: string): Promise<string>
  /** `rehash`: the password is right but its stored parameters are weaker than the configured ones. */
  verify(password: string, stored: string): Promise<{ ok: boolean; rehash: boolean }>
  /** A hash at the configured cost to verify against when the account does not exist, so timing does not reveal it. */
  decoy(): Promise<string>
}

// scrypt needs 128 * N * r bytes; node refuses above maxmem (32 MiB by default), so it is set to fit.
const memoryFor = (o: Required<Pick<ScryptOptions, 'N' | 'r' | 'p'>>) => 128 * o.N * o.r + 32 * 1024 * 1024

function derive(password: string, salt: Buffer, o: Required<Pick<ScryptOptions, 'N' | 'r' | 'p'>>, keyBytes = KEY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, keyBytes, { ...o, maxmem: memoryFor(o) }, (err, key) => (err ? reject(err) : resolve(key))),
  )
}

/** `cost` is log2 N (PASSWORD_HASH_COST, checked at start-up). */
export function passwordHasher(cost: number = DEFAULT_HASH_COST): PasswordHasher {
  const params = { N: 2 ** cost, r: BLOCK_SIZE, p: PARALLEL }
  let decoy: Promise<string> | null = null
  const hash = async (password: string) => {
    const salt = randomBytes(16)
    const key = await derive(password, salt, params)
    return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$')
  }
  return {
    hash,
    async verify(password, stored) {
      const [scheme, n, r, p, salt, hash] = stored.split('$')
      const o = { N: Number(n), r: Number(r), p: Number(p) }
      const sane = Number.isInteger(o.N) && o.N > 1 && (o.N & (o.N - 1)) === 0 && o.r >= 1 && o.p >= 1 && o.p <= 16 && 128 * o.N * o.r <= 2 ** 30
      if (scheme !== 'scrypt' || !salt || !hash || !sane) return { ok: false, rehash: false }
      const expected = Buffer.from(hash, 'base64')
      if (expected.length < 16 || expected.length > 64) return { ok: false, rehash: false }
      const key = await derive(password, Buffer.from(salt, 'base64'), o, expected.length)
      const ok = timingSafeEqual(key, expected)
      const weaker = o.N < params.N || o.r < params.r || o.p < params.p || expected.length < KEY_BYTES
      return { ok, rehash: ok && weaker }
    },
    decoy: () => (decoy ??= hash('decoy password that never matches')),
  }
}
