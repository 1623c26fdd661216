import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import { sendOwnAwarenessOnly } from './ownAwarenessOnly.ts'

class NoSocket {
  constructor() {
    throw new Error('not used: the provider does not connect in this test')
  }
}

function setup() {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider('ws://test.invalid/sync', 'board', doc, {
    connect: false,
    disableBc: true,
    WebSocketPolyfill: NoSocket as unknown as typeof WebSocket,
  })
  const sent: Uint8Array[] = []
  const socket = { readyState: 1, OPEN: 1, send: (m: Uint8Array) => sent.push(m) }
  provider.ws = socket as unknown as WebSocket
  provider.wsconnected = true
  return { doc, provider, sent }
}

function remoteUpdate(name: string): Uint8Array {
  const other = new Awareness(new Y.Doc())
  other.setLocalStateField('user', { name, colour: '#123456' })
  return encodeAwarenessUpdate(other, [other.clientID])
}

let cleanup: (() => void)[] = []
afterEach(() => {
  for (const c of cleanup) c()
  cleanup = []
})

describe('sendOwnAwarenessOnly', () => {
  it('the stock handler echoes remote awareness (the bug it fixes)', () => {
    const { provider, sent } = setup()
    cleanup.push(() => { provider.ws = null; provider.destroy() })
    applyAwarenessUpdate(provider.awareness, remoteUpdate('Ada'), provider)
    expect(sent.length).toBe(1)
  })

  it('sends local changes and skips what came through the provider', () => {
    const { provider, sent } = setup()
    cleanup.push(() => { provider.ws = null; provider.destroy() })
    sendOwnAwarenessOnly(provider)
    applyAwarenessUpdate(provider.awareness, remoteUpdate('Ada'), provider)
    expect(sent.length).toBe(0)
    provider.awareness.setLocalStateField('cursor', { x: 1, y: 2 })
    expect(sent.length).toBe(1)
  })

  it('never sends another client state, whatever the origin', () => {
    const { provider, sent } = setup()
    cleanup.push(() => { provider.ws = null; provider.destroy() })
    sendOwnAwarenessOnly(provider)
    applyAwarenessUpdate(provider.awareness, remoteUpdate('Bo'), 'somewhere-else')
    expect(sent.length).toBe(0)
  })

  it('is removed by provider.destroy', () => {
    const { provider, sent } = setup()
    sendOwnAwarenessOnly(provider)
    provider.ws = null
    provider.destroy()
    provider.ws = { readyState: 1, OPEN: 1, send: (m: Uint8Array) => sent.push(m) } as unknown as WebSocket
    provider.wsconnected = true
    provider.awareness.setLocalStateField('cursor', { x: 1, y: 2 })
    expect(sent.length).toBe(0)
  })
})
