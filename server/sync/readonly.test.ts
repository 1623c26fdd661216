// Access at the sync door, with a custom authorize (the role model has its own tests): `role=`
// in the socket URL decides. Observers receive everything and write nothing; refused sockets get
// a close code and not one byte; frames past the cap are closed with 1009.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { storiesMap } from '../../shared/model/layout.ts'
import { createStory } from '../../shared/ops/story.ts'
import { CLOSE } from '../../shared/protocol/closeCodes.ts'
import { MESSAGE, WRITE_REFUSED } from '../../shared/protocol/messages.ts'
import { readAuthMessage } from 'y-protocols/auth'
import type { Authorize } from '../access.ts'
import { stateVector, storedDoc } from '../testing/docState.ts'
import {
  connectClient,
  startServer,
  synced,
  waitFor,
  type TestClient,
  type TestServer,
} from '../testing/harness.ts'
import { openRaw, type RawSocket } from '../testing/rawSocket.ts'
import {
  onReceivedUpdate,
  permissionDeniedReason,
  step1Frame,
  step2Frame,
  syncCounter,
  syncFrame,
  updateFrame,
} from '../testing/wire.ts'

const MAX_FRAME = 32 * 1024
const local = { kind: 'local' } as const
/** The raw observer's scratch doc writes under this id; it must never reach anyone. */
const RAW_OBSERVER = 0x0b5e01
const RAW_WRITER = 0x0b5e02

const authorize: Authorize = async ({ url }) => {
  switch (url.searchParams.get('role') ?? 'writer') {
    case 'observer':
      return { access: 'read', principal: { id: 'observer', name: 'Observer' } }
    case 'anonymous':
      return { access: 'none', reason: 'unauthenticated' }
    case 'stranger':
      return { access: 'none', reason: 'forbidden' }
    default:
      return { access: 'write', principal: { id: 'writer', name: 'Writer' } }
  }
}

/** Sends a sync step 1 and resolves once its answer arrives: everything sent before was processed. */
async function roundTrip(raw: RawSocket, count: ReturnType<typeof syncCounter>): Promise<void> {
  const expected = count('step2') + 1
  raw.ws.send(step1Frame(new Uint8Array([0])))
  await waitFor(() => count('step2') >= expected, 5000, 'step 2 answer')
}

describe('[O] observers, refused sockets and the frame cap', () => {
  let server: TestServer
  const clients: TestClient[] = []
  const sockets: RawSocket[] = []
  const connect = (boardId: string, params: Record<string, string> = {}) => {
    const c = connectClient(server.wsUrl, boardId, params)
    clients.push(c)
    return c
  }
  const raw = (boardId: string, query = '') => {
    const s = openRaw(`${server.wsUrl}/${boardId}${query}`)
    sockets.push(s)
    return s
  }

  beforeAll(async () => {
    server = await startServer({ authorize, config: { maxFrameBytes: MAX_FRAME } })
  })
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy()
    for (const s of sockets.splice(0)) s.ws.close()
  })
  afterAll(async () => {
    await server.close()
  })

  it('[O1] 0 of N observer writes (raw step 2, raw update, stock provider) are applied or relayed; all are counted', async () => {
    const boardId = await server.createBoard('Observed')
    const writer = connect(boardId)
    writer.provider.awareness.setLocalState({ user: { name: 'writer' } })
    await synced(writer)
    for (let i = 0; i < 3; i++)
      createStory(writer.doc, { id: `visible-${i}`, pos: { x: i, y: 0 } }, local)
    const relayed: Uint8Array[] = []
    onReceivedUpdate(writer.provider, (u) => relayed.push(u))

    // The observer gets the board and the writer's presence.
    const observer = connect(boardId, { role: 'observer' })
    await waitFor(() => storiesMap(observer.doc).size === 3, 5000, 'board at the observer')
    await waitFor(
      () =>
        (
          observer.provider.awareness.getStates().get(writer.doc.clientID) as
            { user?: { name?: string } } | undefined
        )?.user?.name === 'writer',
      5000,
      'presence at the observer',
    )
    const room = (await server.lw.rooms.peek(boardId))!

    // Valid continuations of the board, which a writer would be allowed to send.
    const rawObserver = raw(boardId, '?role=observer')
    await rawObserver.opened
    const count = syncCounter(rawObserver)
    await waitFor(() => count('step2') === 1, 5000, 'the observer greeting')
    const continuation = (clientID: number) => {
      const scratch = new Y.Doc()
      scratch.clientID = clientID
      Y.applyUpdate(scratch, Y.encodeStateAsUpdate(writer.doc))
      return (id: string) => {
        const before = Y.encodeStateVector(scratch)
        createStory(scratch, { id, pos: { x: 9, y: 9 }, text: 'written by a socket' }, local)
        return Y.encodeStateAsUpdate(scratch, before)
      }
    }
    const forced = continuation(RAW_OBSERVER)
    const N = 15
    for (let i = 0; i < N; i++) {
      rawObserver.ws.send(step2Frame(forced(`raw-step2-${i}`)))
      rawObserver.ws.send(updateFrame(forced(`raw-update-${i}`)))
    }
    // An empty step 2 is the handshake reply of a client with nothing new: not a write.
    rawObserver.ws.send(step2Frame(Y.encodeStateAsUpdate(new Y.Doc())))
    const P = 10
    for (let i = 0; i < P; i++)
      createStory(observer.doc, { id: `provider-${i}`, pos: { x: i, y: 9 } }, local)

    await waitFor(() => room.stats().droppedWrites >= 2 * N + P, 5000, 'dropped writes counted')
    await roundTrip(rawObserver, count)
    expect(room.stats().droppedWrites).toBe(2 * N + P)
    // A reader is never asked for its state (no step 1 from the server).
    expect(count('step1')).toBe(0)

    // Control: the same kind of update from a writer's socket is applied and relayed, and it is
    // also the marker that everything relayed before it has reached the writer and the observer.
    const rawWriter = raw(boardId)
    await rawWriter.opened
    rawWriter.ws.send(updateFrame(continuation(RAW_WRITER)('control')))
    await waitFor(
      () => storiesMap(writer.doc).has('control') && storiesMap(observer.doc).has('control'),
      5000,
      'control story',
    )

    const ids = [...storiesMap(writer.doc).keys()].sort()
    expect(ids).toEqual(['control', 'visible-0', 'visible-1', 'visible-2'])
    expect([...storiesMap(room.doc).keys()].sort()).toEqual(ids)
    const authors = relayed.flatMap((u) => Y.decodeUpdate(u).structs.map((s) => s.id.client))
    expect(authors.filter((c) => c === observer.doc.clientID)).toEqual([])
    expect(authors.filter((c) => c === RAW_OBSERVER)).toEqual([])
    expect(authors).toContain(RAW_WRITER)
    const stored = await storedDoc(server.storage, boardId)
    expect([...storiesMap(stored).keys()].sort()).toEqual(ids)
    expect(stateVector(stored).has(observer.doc.clientID)).toBe(false)
    expect(stateVector(stored).has(RAW_OBSERVER)).toBe(false)
    // The observer kept its connection throughout.
    expect(observer.provider.wsconnected).toBe(true)
  })

  it('[O5] a refused write is answered with "permission denied: write_refused:<code>", at most once a second', async () => {
    const boardId = await server.createBoard('Refusals')
    const writer = connect(boardId)
    await synced(writer)
    createStory(writer.doc, { id: 'base', pos: { x: 0, y: 0 } }, local)

    // The stock provider hears it through y-protocols' auth handler.
    const observer = connect(boardId, { role: 'observer' })
    await synced(observer)
    const reasons: string[] = []
    observer.provider.messageHandlers[MESSAGE.auth] = (_e, decoder, p) =>
      readAuthMessage(decoder, p.doc, (_doc, reason) => reasons.push(reason))
    createStory(observer.doc, { id: 'not-allowed', pos: { x: 1, y: 1 } }, local)
    await waitFor(() => reasons.length > 0, 5000, 'refusal notice at the observer')
    expect(reasons).toEqual([`${WRITE_REFUSED}read_only`])

    // A writer's update that depends on something the board never had: refused with its code.
    const rawWriter = raw(boardId)
    await rawWriter.opened
    const count = syncCounter(rawWriter)
    await waitFor(() => count('step2') === 1, 5000, 'greeting')
    const scratch = new Y.Doc()
    scratch.clientID = RAW_WRITER
    createStory(scratch, { id: 'gap-first', pos: { x: 2, y: 2 } }, local)
    const before = Y.encodeStateVector(scratch)
    createStory(scratch, { id: 'gap-second', pos: { x: 3, y: 3 } }, local)
    const dependent = Y.encodeStateAsUpdate(scratch, before)
    // A flood of the same refused frame gets one notice, not an echo per frame.
    for (let i = 0; i < 30; i++) rawWriter.ws.send(updateFrame(dependent))
    await roundTrip(rawWriter, count)
    const notices = rawWriter.frames.map(permissionDeniedReason).filter((r) => r !== null)
    expect(notices.length).toBeGreaterThanOrEqual(1)
    expect(notices.length).toBeLessThanOrEqual(2)
    expect(notices[0]!.startsWith(WRITE_REFUSED)).toBe(true)
    expect(storiesMap(writer.doc).has('gap-second')).toBe(false)
    // Honest writers hear nothing of it.
    expect(writer.provider.wsconnected).toBe(true)
  })

  it('[O2] refused sockets get 4401 or 4403 and 0 bytes; the stock provider stops and stays empty', async () => {
    const boardId = await server.createBoard('Closed door')
    const anonymous = raw(boardId, '?role=anonymous')
    const stranger = raw(boardId, '?role=stranger')
    expect((await anonymous.closed).code).toBe(CLOSE.unauthenticated)
    expect((await stranger.closed).code).toBe(CLOSE.forbidden)
    expect(anonymous.frames.length + stranger.frames.length).toBe(0)

    const provider = connect(boardId, { role: 'anonymous' })
    const closed = await new Promise<{ code: number }>((resolve) =>
      provider.provider.once('closed', resolve),
    )
    expect(closed.code).toBe(CLOSE.unauthenticated)
    expect(provider.provider.synced).toBe(false)
    expect(Y.encodeStateVector(provider.doc)).toEqual(new Uint8Array([0]))
  })

  it('[O3] an unknown or malformed board id closes with 4404 and 0 bytes', async () => {
    for (const id of ['NoSuchBoard0', 'abc']) {
      const s = raw(id)
      expect((await s.closed).code).toBe(CLOSE.notFound)
      expect(s.frames.length).toBe(0)
    }
  })

  it('[O4] a frame at the cap is read (and refused as malformed); one byte more closes with 1009', async () => {
    const boardId = await server.createBoard('Cap')
    for (const query of ['', '?role=observer']) {
      const s = raw(boardId, query)
      await s.opened
      const count = syncCounter(s)
      await waitFor(() => count('step2') === 1, 5000, 'greeting')
      const header = syncFrame(2, new Uint8Array(0)).length + 2 // type, subtype and a 3-byte length
      const atCap = syncFrame(2, new Uint8Array(MAX_FRAME - header))
      expect(atCap.length).toBe(MAX_FRAME)
      // A zero-filled update parses as "no structs, no deletes" plus trailing bytes: refused.
      s.ws.send(atCap)
      await roundTrip(s, count)
      expect(s.ws.readyState).toBe(s.ws.OPEN)
      s.ws.send(new Uint8Array(MAX_FRAME + 1))
      expect((await s.closed).code).toBe(CLOSE.messageTooBig)
    }
  })
})
