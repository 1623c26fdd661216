// Read amplification ([H10], [H11]): a four-byte sync step 1 with an empty state vector asks for
// the whole board. An observer sending 400 of them on a 2,000-story board was sent 431 MiB. The
// server answers one step 1 at a time per connection and within a byte budget; a step 1 that
// covers the board costs nothing; a stock client that reconnects still syncs.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { storiesMap } from '../../shared/model/layout.ts'
import { createStory } from '../../shared/ops/story.ts'
import type { Authorize } from '../access.ts'
import {
  connectClient,
  startServer,
  synced,
  waitFor,
  type TestClient,
  type TestServer,
} from '../testing/harness.ts'
import { openRaw, type RawSocket } from '../testing/rawSocket.ts'
import { step1Frame, syncCounter, syncPayload, syncKind } from '../testing/wire.ts'
import type { Room } from './room.ts'

const local = { kind: 'local' } as const
const EMPTY_STATE_VECTOR = new Uint8Array([0])

const authorize: Authorize = async ({ url }) =>
  url.searchParams.get('role') === 'observer'
    ? { access: 'read', principal: { id: 'observer', name: 'Observer' } }
    : { access: 'write', principal: { id: 'writer', name: 'Writer' } }

const rejectedStep1 = (room: Room) => {
  const r = room.stats().rejected
  return (r.step1_while_answering ?? 0) + (r.step1_over_budget ?? 0)
}

describe('[H] read amplification through sync step 1', () => {
  let server: TestServer
  const clients: TestClient[] = []
  const sockets: RawSocket[] = []
  let boardId: string
  let boardBytes: number
  let keeper: TestClient

  beforeAll(async () => {
    server = await startServer({ authorize, config: { maxFrameBytes: 8 * 1024 * 1024 } })
    boardId = await server.createBoard('2,000 stories')
    const writer = connectClient(server.wsUrl, boardId)
    await synced(writer)
    writer.doc.transact(() => {
      for (let i = 0; i < 2000; i++)
        createStory(
          writer.doc,
          { id: `story-${i}`, pos: { x: (i % 50) * 220, y: Math.floor(i / 50) * 160 }, text: `Story number ${i} about the drop-in` },
          local,
        )
    }, local)
    await waitFor(async () => (await server.lw.rooms.read(boardId, (d) => storiesMap(d).size)) === 2000, 20_000, 'the board')
    // The writer stays: the room stays loaded between the tests.
    keeper = writer
    boardBytes = await server.lw.rooms.read(boardId, (d) => Y.encodeStateAsUpdate(d).length)
  }, 60_000)
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy()
    for (const s of sockets.splice(0)) s.ws.close()
  })
  afterAll(async () => {
    keeper.destroy()
    await server.close()
  })

  const observer = async () => {
    const raw = openRaw(`${server.wsUrl}/${boardId}?role=observer`)
    sockets.push(raw)
    await raw.opened
    const count = syncCounter(raw)
    await waitFor(() => count('step2') === 1, 10_000, 'the greeting')
    return { raw, count }
  }

  it('[H10] 400 empty step 1 frames at once: the bytes sent back stay under 3× the board, the rest is dropped and counted', async () => {
    const room = (await server.lw.rooms.peek(boardId))!
    const { raw, count } = await observer()
    const greeting = raw.bytes()
    const before = rejectedStep1(room)
    for (let i = 0; i < 400; i++) raw.ws.send(step1Frame(EMPTY_STATE_VECTOR))
    // Every frame is either answered (a step 2 arrives) or dropped and counted.
    await waitFor(() => count('step2') - 1 + rejectedStep1(room) - before >= 400, 20_000, () => `400 step 1 frames handled (${count('step2') - 1} answered, ${rejectedStep1(room) - before} dropped)`)
    await room.idle()
    const answered = count('step2') - 1
    const sentBack = raw.bytes() - greeting
    expect(answered).toBeGreaterThanOrEqual(1)
    expect(answered + rejectedStep1(room) - before).toBe(400)
    // Before: 400 answers of the whole board (about 400× its size).
    expect(sentBack, `${answered} answers, ${sentBack} bytes for a ${boardBytes}-byte board`).toBeLessThan(3 * boardBytes)
    expect(raw.ws.readyState).toBe(raw.ws.OPEN)
  })

  it('[H10] step 1 frames one after another, each waiting for its answer: at most a couple of whole boards, then dropped', async () => {
    const room = (await server.lw.rooms.peek(boardId))!
    const { raw, count } = await observer()
    const greeting = raw.bytes()
    const before = rejectedStep1(room)
    for (let i = 0; i < 50; i++) {
      const answers = count('step2')
      const dropped = rejectedStep1(room)
      raw.ws.send(step1Frame(EMPTY_STATE_VECTOR))
      await waitFor(() => count('step2') > answers || rejectedStep1(room) > dropped, 10_000, `step 1 #${i} handled`)
    }
    const sentBack = raw.bytes() - greeting
    expect(rejectedStep1(room) - before).toBeGreaterThan(40)
    expect(sentBack).toBeLessThan(3 * boardBytes)
  })

  it('[H10] a step 1 that covers the board gets an empty answer, every time', async () => {
    const room = (await server.lw.rooms.peek(boardId))!
    const { raw, count } = await observer()
    const before = rejectedStep1(room)
    const current = await server.lw.rooms.read(boardId, (d) => Y.encodeStateVector(d))
    for (let i = 0; i < 100; i++) {
      const answers = count('step2')
      raw.ws.send(step1Frame(current))
      await waitFor(() => count('step2') > answers, 5000, `answer #${i}`)
    }
    const answers = raw.frames.filter((f) => syncKind(f) === 'step2').slice(1)
    expect(answers).toHaveLength(100)
    for (const a of answers) expect(syncPayload(a)).toEqual(new Uint8Array([0, 0]))
    expect(rejectedStep1(room) - before).toBe(0)
  })

  it('[H11] a stock client that reconnects again and again still syncs, and is never refused', async () => {
    const room = (await server.lw.rooms.peek(boardId))!
    const before = room.stats().rejected
    const reader = connectClient(server.wsUrl, boardId)
    const writer = connectClient(server.wsUrl, boardId)
    clients.push(reader, writer)
    await Promise.all([synced(reader, 20_000), synced(writer, 20_000)])
    expect(storiesMap(reader.doc).size).toBe(2000)
    for (let round = 0; round < 3; round++) {
      reader.provider.disconnect()
      createStory(writer.doc, { id: `while-away-${round}`, pos: { x: 1, y: round } }, local)
      await waitFor(() => storiesMap(room.doc).has(`while-away-${round}`), 5000, 'the story at the server')
      reader.provider.connect()
      await waitFor(() => storiesMap(reader.doc).has(`while-away-${round}`), 10_000, `round ${round}: the story at the reconnected reader`)
      createStory(reader.doc, { id: `after-reconnect-${round}`, pos: { x: 2, y: round } }, local)
      await waitFor(() => storiesMap(writer.doc).has(`after-reconnect-${round}`), 5000, `round ${round}: the reader's story at the writer`)
    }
    // (A stock peer echoing another's departure is skipped as foreign presence: not a refusal here.)
    const { foreign_or_invalid_awareness: _a, ...after } = room.stats().rejected
    const { foreign_or_invalid_awareness: _b, ...then } = before
    expect(after).toEqual(then)
  })
})
