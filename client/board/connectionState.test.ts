import { describe, expect, it } from 'vitest'
import { INITIAL_CONNECTION, reduceConnection, type Connection, type ConnectionEvent } from './connectionState.ts'

const run = (events: ConnectionEvent[]): Connection => events.reduce(reduceConnection, INITIAL_CONNECTION)

describe('connection state', () => {
  it('connects, then reconnects after a drop', () => {
    expect(run([{ type: 'status', status: 'connected' }]).status).toBe('connected')
    expect(run([{ type: 'status', status: 'connected' }, { type: 'status', status: 'disconnected' }]).status).toBe('reconnecting')
  })

  it('goes offline with the browser and back', () => {
    const off = run([{ type: 'status', status: 'connected' }, { type: 'offline' }, { type: 'status', status: 'connecting' }])
    expect(off.status).toBe('offline')
    expect(reduceConnection(off, { type: 'online' }).status).toBe('reconnecting')
  })

  it('stops on a 44xx close and explains it', () => {
    const closed = run([{ type: 'closed', code: 4403 }, { type: 'status', status: 'connected' }])
    expect(closed.status).toBe('closed')
    expect(closed.message).toBe('You do not have access to this board.')
  })

  it('keeps reconnecting on other codes', () => {
    expect(run([{ type: 'status', status: 'connected' }, { type: 'closed', code: 4503 }]).status).toBe('reconnecting')
  })
})
