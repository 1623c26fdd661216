// One error policy for HTTP: expected failures become `{ error: { code, message } }` with the
// right status; anything else is logged and answered as a 500 without internals.
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { Problem } from '../shared/result.ts'
import type { Log } from './log.ts'

export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }

  static from(problem: Problem, status: ContentfulStatusCode = 400): HttpError {
    return new HttpError(status, problem.code, problem.message)
  }
}

export const errorBody = (code: string, message: string) => ({ error: { code, message } })

export function errorHandler(log: Log) {
  return (err: Error, c: Context) => {
    if (err instanceof HttpError) return c.json(errorBody(err.code, err.message), err.status)
    if (err instanceof HTTPException) {
      const status = err.status
      const code = status === 413 ? 'too_large' : status === 400 ? 'bad_request' : `http_${status}`
      return c.json(errorBody(code, err.message || 'request refused'), status)
    }
    // Invite paths carry the secret token: it never reaches the log.
    log.error('unhandled_error', { path: c.req.path.replace(/^\/api\/invites\/[^/]+/, '/api/invites/:token'), error: err.message })
    return c.json(errorBody('internal', 'something went wrong on the server'), 500)
  }
}
