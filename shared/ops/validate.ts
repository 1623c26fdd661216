// Input validation for operations: every op takes `unknown` and returns a Result. Pure module.
import type { z } from 'zod'
import { fail, ok, type Result } from '../result.ts'

export function parseInput<T>(schema: z.ZodType<T>, input: unknown): Result<T> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return ok(parsed.data)
  const issue = parsed.error.issues[0]
  const path = issue?.path.join('.') ?? ''
  return fail('invalid_input', `${path ? path + ': ' : ''}${issue?.message ?? 'invalid input'}`, path || undefined)
}
