// Facilitation input limits over real HTTP and a real SQLite file: the session state a facilitator
// builds up call by call stays bounded, and a refused call changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readSession } from '../../shared/model/facilitation.ts'
import { startServer, type TestServer } from '../testing/harness.ts'
import { MAX_LOCKED_ITEMS } from './session.ts'

describe('session limits', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer({ authorize: 'roles' })
  })
  afterAll(async () => server.close())

  it('locked items cannot grow without end; the refused lock leaves the session as it was', async () => {
    const boardId = await server.createBoard('Locks')
    const lock = (from: number) =>
      server.owner.request<{ error?: { code: string; message: string } }>('POST', `/api/boards/${boardId}/session`, {
        action: 'lock',
        on: true,
        items: Array.from({ length: 1000 }, (_, i) => `story-${String(from + i).padStart(58, '0')}`),
      })
    const answers = []
    for (let call = 0; call < 12; call++) answers.push(await lock(call * 1000))
    const refused = answers.filter((a) => a.status !== 200)
    expect(refused.length).toBeGreaterThan(0)
    expect(refused.every((a) => a.status === 400 && a.body.error?.code === 'invalid_input')).toBe(true)
    const locked = await server.lw.rooms.read(boardId, (doc) => readSession(doc)?.lockedItems.length)
    expect(locked).toBe(answers.filter((a) => a.status === 200).length * 1000)
    expect(locked).toBeLessThanOrEqual(MAX_LOCKED_ITEMS)
    // Unlocking still works at the limit.
    expect((await server.owner.request('POST', `/api/boards/${boardId}/session`, { action: 'lock', on: false, items: ['story-' + '0'.repeat(58)] })).status).toBe(200)
  })
})
