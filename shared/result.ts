// Expected failures are values. Pure module: no I/O, no DOM, no Node.

export type Problem = { code: string; message: string; path?: string }
export type Result<T> = { ok: true; value: T } | { ok: false; error: Problem }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: string, message: string, path?: string): Result<never> => ({
  ok: false,
  error: path === undefined ? { code, message } : { code, message, path },
})
