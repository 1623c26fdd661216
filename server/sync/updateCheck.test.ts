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

describe('checkUpdate on stories (server-canonical history, sensitivity by the server)', () => {
  const guarded = { serverOnlyRoots: SERVER_ROOTS, sensitivityByServer: { key: 'sensitivity' } }
  /** A server and a client that both hold one story with a text, then the client's next edit. */
  function story() {
    const server = new Y.Doc()
    server.transact(() => {
      const s = new Y.Map<unknown>()
      server.getMap(ROOT.stories).set('s1', s)
      const text = new Y.XmlText()
      s.set('text', text)
      text.insert(0, 'Letters came late')
      s.set('sensitivity', 'confidential')
    })
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
    const edit = (change: (s: Y.Map<unknown>) => void) => {
      const before = Y.encodeStateVector(client)
      change(client.getMap(ROOT.stories).get('s1') as Y.Map<unknown>)
      return Y.encodeStateAsUpdate(client, before)
    }
    return { server, client, edit }
  }

  /** What the server's document emits when it applies the update: what the room stores and sends. */
  const became = (server: Y.Doc, update: Uint8Array) => {
    const out: Uint8Array[] = []
    const collect = (u: Uint8Array) => out.push(u)
    server.on('update', collect)
    Y.applyUpdate(server, update)
    server.off('update', collect)
    return Buffer.concat(out)
  }

  it('[E12] accepts text typed into a story deleted meanwhile; what the document became holds none of it', () => {
    const { server, edit } = story()
    server.getMap(ROOT.stories).delete('s1')
    const update = edit((s) => (s.get('text') as Y.XmlText).insert(3, 'CANARY'))
    expect(Buffer.from(update).includes('CANARY')).toBe(true)
    expect(checkUpdate(server, update, () => 'free', guarded)).toMatchObject({ ok: true })
    expect(became(server, update).includes('CANARY')).toBe(false)
  })

  it('[E12] accepts a new key on a story map deleted meanwhile, without its value; a sensitivity write there is no change', () => {
    const { server, edit } = story()
    server.getMap(ROOT.stories).delete('s1')
    const update = edit((s) => {
      s.set('tellerRole', 'CANARY')
      s.set('sensitivity', 'working')
    })
    expect(checkUpdate(server, update, () => 'free', guarded)).toMatchObject({ ok: true })
    expect(became(server, update).includes('CANARY')).toBe(false)
  })

  it('[E12] still refuses a write under a withdrawn story id that can be placed', () => {
    const { server, edit } = story()
    server.getMap(ROOT.stories).delete('s1')
    const update = edit((s) => s.set('tellerRole', 'CANARY'))
    const withdrawn = { ...guarded, withdrawn: new Set(['s1']) }
    expect(checkUpdate(server, update, () => 'free', withdrawn)).toMatchObject({ ok: false, error: { code: 'withdrawn' } })
  })

  it('[E12] accepts an ordinary edit next to deleted text and an overwrite of a field', () => {
    const { server, client, edit } = story()
    const first = edit((s) => (s.get('text') as Y.XmlText).delete(0, 8))
    expect(checkUpdate(server, first, () => 'free', guarded)).toMatchObject({ ok: true })
    Y.applyUpdate(server, first)
    const second = edit((s) => {
      ;(s.get('text') as Y.XmlText).insert(0, 'Post ')
      s.set('tellerRole', 'tenant')
      s.set('tellerRole', 'support worker')
    })
    expect(checkUpdate(server, second, () => 'free', guarded)).toMatchObject({ ok: true })
    Y.applyUpdate(server, second)
    expect(client.getMap(ROOT.stories).toJSON()).toEqual(server.getMap(ROOT.stories).toJSON())
  })

  it('[E13] refuses any later change of an existing story’s sensitivity, set or deleted, in any direction', () => {
    for (const change of [
      (s: Y.Map<unknown>) => s.set('sensitivity', 'working'),
      (s: Y.Map<unknown>) => s.set('sensitivity', 'confidential'),
      (s: Y.Map<unknown>) => s.delete('sensitivity'),
    ]) {
      const { server, edit } = story()
      expect(checkUpdate(server, edit(change), () => 'free', guarded)).toMatchObject({ ok: false, error: { code: 'sensitivity_by_server' } })
    }
  })

  it('[E13] a new story may carry its sensitivity, and a story may be deleted whole', () => {
    const { server, client, edit } = story()
    const before = Y.encodeStateVector(client)
    const s2 = new Y.Map<unknown>()
    client.getMap(ROOT.stories).set('s2', s2)
    s2.set('sensitivity', 'confidential')
    expect(checkUpdate(server, Y.encodeStateAsUpdate(client, before), () => 'free', guarded)).toMatchObject({ ok: true })
    void edit
    const whole = Y.encodeStateVector(client)
    client.getMap(ROOT.stories).delete('s1')
    expect(checkUpdate(server, Y.encodeStateAsUpdate(client, whole), () => 'free', guarded)).toMatchObject({ ok: true })
  })
})
