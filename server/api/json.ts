// Reads a JSON request body, turning a missing or broken body into a clear 400.
import type { Context } from 'hono'
import { HttpError } from '../errors.ts'

export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? ''
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new HttpError(415, 'unsupported_media_type', 'send the body as application/json')
  }
  try {
    return await c.req.json()
  } catch {
    throw new HttpError(400, 'invalid_json', 'the body is not valid JSON')
  }
}
