// The WebSocket upgrade checks Origin: a page on another site must not open a socket with the
// visitor's cookies. Non-browser clients send no Origin and are judged by their credentials.
import type { MiddlewareHandler } from 'hono'
import { errorBody } from './errors.ts'

export function checkOrigin(allowed: string[]): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin')
    if (origin === undefined) return next()
    const host = c.req.header('host')
    const sameHost = host !== undefined && safeHost(origin) === host
    const ok = allowed.length ? allowed.includes(origin) : sameHost
    if (!ok) return c.json(errorBody('forbidden_origin', 'this origin may not open a board socket'), 403)
    return next()
  }
}

function safeHost(origin: string): string | null {
  try {
    return new URL(origin).host
  } catch {
    return null
  }
}
