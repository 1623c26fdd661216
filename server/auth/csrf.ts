// CSRF protection by double-submit: a random `lw_csrf` cookie (readable by the page, SameSite
// Strict) must be echoed in the `x-csrf-token` header of every state-changing request. Requests
// that carry their credential in an Authorization header are not exposed to CSRF and pass.
import type { MiddlewareHandler } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { timingSafeEqual } from 'node:crypto'
import { errorBody } from '../errors.ts'
import { newToken } from './tokens.ts'

export const CSRF_COOKIE = 'lw_csrf'
export const CSRF_HEADER = 'x-csrf-token'
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

export function csrfProtection(secure: boolean): MiddlewareHandler {
  return async (c, next) => {
    const cookie = getCookie(c, CSRF_COOKIE)
    if (SAFE.has(c.req.method)) {
      if (!cookie) setCookie(c, CSRF_COOKIE, newToken(), { sameSite: 'Strict', secure, path: '/', httpOnly: false })
      return next()
    }
    if (c.req.header('authorization')?.startsWith('Bearer ')) return next()
    const header = c.req.header(CSRF_HEADER)
    if (!cookie || !header || !same(cookie, header)) {
      return c.json(errorBody('csrf', 'missing or wrong CSRF token; reload the page and try again'), 403)
    }
    return next()
  }
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
