// Client-id squatting after a restart ([H12], [H13]): ownership of Yjs client ids once lived only
// in memory. After a restart a member announced a known client id (ids are in every struct) before
// its owner reconnected, and from then on every write of the owner's stock client was refused.
// Now an id belongs to the key of the connection that first wrote it (a stock client's session, or
// the Learning Wall client's own key), stored as a hash bound to the room: it survives the restart
// and a squatter gets nothing. Real server processes (server/main.ts) on one SQLite DATA_DIR.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import * as decoding from 'lib0/decoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { storiesMap } from '../../shared/model/layout.ts'
import { MESSAGE } from '../../shared/protocol/messages.ts'
import { createStory } from '../../shared/ops/story.ts'
import { ApiClient, uniqueEmail } from '../testing/apiClient.ts'
import { connectClient, waitFor, type TestClient } from '../testing/harness.ts'
import { freePort, killAllProcesses, startInstance, type InstanceProcess } from '../testing/processes.ts'
import { openRaw, type RawSocket } from '../testing/rawSocket.ts'
import { awarenessFrame, permissionDeniedReason, syncCounter, updateFrame } from '../testing/wire.ts'

const local = { kind: 'local' } as const

describe('[H] client ids after a restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lw-client-ids-'))
  let port: number
  let instance: InstanceProcess
  const clients: TestClient[] = []
  const sockets: RawSocket[] = []
  let owner: ApiClient
  let member: ApiClient
  const memberEmail = uniqueEmail('member')
  const ownerEmail = uniqueEmail('owner')

  const start = async () => {
    instance = await startInstance(port, { DATA_DIR: dataDir, ROOM_UNLOAD_MS: '50' })
  }
  const connect = (boardId: string, params: Record<string, string>) => {
    const c = connectClient(instance.wsUrl, boardId, params)
    clients.push(c)
    return c
  }

  beforeAll(async () => {
    port = await freePort()
    await start()
    owner = new ApiClient(instance.url)
    await owner.signUp(ownerEmail, 'Owner')
    member = new ApiClient(instance.url)
    await member.signUp(memberEmail, 'Member')
  }, 90_000)
  afterAll(async () => {
    for (const c of clients) c.destroy()
    for (const s of sockets) s.ws.close()
    await killAllProcesses()
  })

  /** A board with the member as a contributor, and the owner's client that has written on it. */
  async function boardWithVictim(params: Record<string, string>, extra: Record<string, unknown> = {}) {
    const boardId = await owner.createBoard('Restarted', 'team', extra)
    const added = await owner.request('POST', `/api/boards/${boardId}/members`, { email: memberEmail, role: 'contributor' })
    expect(added.status).toBe(201)
    const victim = connect(boardId, { token: owner.token!, ...params })
    await waitFor(() => victim.provider.synced, 10_000, 'the victim synced')
    createStory(victim.doc, { id: 'before-restart', pos: { x: 1, y: 1 }, text: 'written before the restart' }, local)
    const reader = connect(boardId, { token: member.token! })
    await waitFor(() => storiesMap(reader.doc).has('before-restart'), 10_000, 'the story stored and sent')
    reader.destroy()
    return { boardId, victim }
  }

  /** Restarts the server while the victim is away; the squatter takes the victim's id first. */
  async function squatAfterRestart(boardId: string, victim: TestClient) {
    victim.provider.disconnect()
    await instance.kill9()
    await start()
    const victimId = victim.doc.clientID
    const squatter = openRaw(`${instance.wsUrl}/${boardId}?token=${encodeURIComponent(member.token!)}`)
    sockets.push(squatter)
    await squatter.opened
    const count = syncCounter(squatter)
    await waitFor(() => count('step2') >= 1, 10_000, 'the squatter greeted')
    // Presence and a write under the victim's id, continuing its clock as the squatter read it.
    squatter.ws.send(awarenessFrame([{ client: victimId, clock: 99, state: '{"user":{"name":"squatter"}}' }]))
    const scratch = new Y.Doc()
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(victim.doc))
    scratch.clientID = victimId
    const before = Y.encodeStateVector(scratch)
    createStory(scratch, { id: 'squatted', pos: { x: 5, y: 5 }, text: 'the squatter writes as the victim' }, local)
    squatter.ws.send(updateFrame(Y.encodeStateAsUpdate(scratch, before)))
    await waitFor(() => squatter.frames.some((f) => permissionDeniedReason(f) !== null), 10_000, 'the squatter refused')
    return squatter
  }

  async function victimStillWrites(boardId: string, victim: TestClient) {
    // Every write refusal the victim's stock provider is told of.
    const refusals: string[] = []
    const handle = victim.provider.messageHandlers[MESSAGE.auth]!
    victim.provider.messageHandlers[MESSAGE.auth] = (encoder, decoder, p, emitSynced, type) => {
      const peek = decoding.clone(decoder)
      if (decoding.readVarUint(peek) === 0) refusals.push(decoding.readVarString(peek))
      handle(encoder, decoder, p, emitSynced, type)
    }
    victim.provider.connect()
    await waitFor(() => victim.provider.synced, 10_000, 'the victim back')
    createStory(victim.doc, { id: 'after-restart', pos: { x: 2, y: 2 }, text: 'written after the restart' }, local)
    const reader = connect(boardId, { token: member.token! })
    await waitFor(() => storiesMap(reader.doc).has('after-restart'), 10_000, "the victim's story after the restart at another client")
    expect(storiesMap(reader.doc).has('squatted')).toBe(false)
    expect(refusals).toEqual([])
    return reader
  }

  it("[H12] a stock client's id survives a restart: a member who announces it first gets nothing, and the owner's writes go through", async () => {
    const { boardId, victim } = await boardWithVictim({})
    const squatter = await squatAfterRestart(boardId, victim)
    expect(squatter.frames.map(permissionDeniedReason).filter(Boolean)).toEqual(['write_refused:foreign_client_id'])
    const reader = await victimStillWrites(boardId, victim)
    // The squatter's presence under the victim's id reached nobody.
    const seen = reader.provider.awareness.getStates().get(victim.doc.clientID) as { user?: { name?: string } } | undefined
    expect(seen?.user?.name).not.toBe('squatter')
  }, 120_000)

  it('[H12] the Learning Wall client proves its ids with its own key (clientKey), also after signing in again', async () => {
    const clientKey = 'k'.repeat(10) + Math.random().toString(36).slice(2).padEnd(20, 'x')
    const { boardId, victim } = await boardWithVictim({ clientKey })
    const squatter = await squatAfterRestart(boardId, victim)
    expect(squatter.frames.map(permissionDeniedReason).filter(Boolean)).toEqual(['write_refused:foreign_client_id'])
    // Another session of the same person: the document's key, not the session, proves the id.
    const again = new ApiClient(instance.url)
    expect((await again.request('POST', '/api/auth/signin', { email: ownerEmail, password: 'correct horse battery' })).status).toBe(200)
    expect(again.token).not.toBe(owner.token)
    victim.provider.params = { token: again.token!, clientKey }
    await victimStillWrites(boardId, victim)
  }, 120_000)

  it('[H13] on an anonymous board nothing stored maps a client id to a person', async () => {
    const { boardId, victim } = await boardWithVictim({}, { anonymous: true })
    await instance.stop()
    const db = new SQLite(join(dataDir, 'learning-wall.sqlite'), { readonly: true })
    try {
      const rows = db.prepare('select room, client_id, key_hash from client_keys where room = ?').all(boardId) as Array<{ room: string; client_id: number; key_hash: string }>
      expect(rows.map((r) => Number(r.client_id))).toContain(victim.doc.clientID)
      const users = db.prepare('select id, email, display_name from users').all() as Array<Record<string, string>>
      const sessions = db.prepare('select token_hash from sessions').all() as Array<{ token_hash: string }>
      const personal = [...users.flatMap((u) => Object.values(u)), ...sessions.map((s) => s.token_hash), owner.token!, member.token!]
      for (const row of rows) for (const value of personal) expect(JSON.stringify(row)).not.toContain(value)
      expect(Object.keys(rows[0]!).sort()).toEqual(['client_id', 'key_hash', 'room'])
    } finally {
      db.close()
    }
    await start()
  }, 120_000)
})
