// checkUpdate over real Y.Docs: the server's copy and a client's, as after a sync.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ROOT, SERVER_ROOTS } from '../../shared/model/layout.ts'
import { checkUpdate } from './updateCheck.ts'

const options = { serverOnlyRoots: SERVER_ROOTS }

/** The server writes its session root twice (the first value is deleted); a client has synced it all. */
function synced() {
  const server = new Y.Doc()
  server.getMap(ROOT.session).set('state', { phase: 1 })
  server.getMap(ROOT.session).set('state', { phase: 2 })
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  return { server, client }
}

describe('checkUpdate on server-only roots', () => {
  it('accepts a reloaded client\'s handshake: its delete set repeats deletes the server already has', () => {
    const { server, client } = synced()
    // What a client with an offline copy answers to the server's sync step 1.
    const reply = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server))
    const r = checkUpdate(server, reply, () => 'free', options)
    expect(r).toMatchObject({ ok: true, value: { hasNewContent: false } })
  })

  it('still refuses a client deleting from a server-only root', () => {
    const { server, client } = synced()
    const before = Y.encodeStateVector(client)
    client.getMap(ROOT.session).delete('state')
    const r = checkUpdate(server, Y.encodeStateAsUpdate(client, before), () => 'free', options)
    expect(r).toMatchObject({ ok: false, error: { code: 'server_only' } })
  })
})
