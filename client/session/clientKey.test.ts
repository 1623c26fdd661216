import { describe, expect, it } from 'vitest'
import { clientKeyParams } from './clientKey.ts'

describe('[H12] the client key', () => {
  it('is 32 url-safe characters the server accepts, new for every document', () => {
    const keys = Array.from({ length: 50 }, () => clientKeyParams().clientKey)
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(new Set(keys).size).toBe(50)
  })
})
