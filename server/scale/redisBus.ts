// Redis between instances. Document updates go through one Redis Stream per board (XADD after
// the update is stored; every instance reads from where it was when it loaded the board), so a
// late subscriber misses nothing that is still in the stream. What Redis cannot give (it was
// restarted, or an instance died between storing and publishing) storage gives: rooms catch up
// from the database on reconnect and every few seconds. Presence goes through pub/sub: at most
// once is right for cursors, and each instance publishes at most once per batch.
import { Redis } from 'ioredis'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { newId } from '../../shared/model/ids.ts'
import type { Log } from '../log.ts'
import type { Bus, BoardBusHandlers } from './bus.ts'

const STREAM_MAXLEN = 10_000
const BLOCK_MS = 1000
const streamKey = (boardId: string) => `lw:board:${boardId}:updates`
const channel = (boardId: string) => `lw:board:${boardId}:awareness`

type Joined = { cursor: string; handlers: BoardBusHandlers }

/**
 * Updates kept in memory for Redis while it is away; past that they are dropped (each is stored
 * already, and rooms catch up from storage), so a long outage cannot grow the instance without end.
 */
export const MAX_OFFLINE_UPDATES = 1000

/**
 * Never waits for Redis: an instance that starts while Redis is away serves its local clients
 * from storage, and ioredis keeps reconnecting; the first `ready` then counts as a reconnect
 * (rooms catch up from storage and re-publish presence). Commands issued meanwhile are queued.
 */
export function openRedisBus(url: string, log: Log): Bus {
  const instanceId = newId(10)
  const options = { maxRetriesPerRequest: null, enableOfflineQueue: true } as const
  const cmd = new Redis(url, options)
  const reader = new Redis(url, options)
  const sub = new Redis(url, options)

  const boards = new Map<string, Joined>()
  const listeners: Array<() => void> = []
  let readerId: number | null = null
  let closed = false
  let wake: (() => void) | null = null
  let offlineUpdates = 0

  // A connection that comes back after being lost (or that could not connect at start) means
  // messages may have been missed.
  for (const conn of [cmd, reader, sub]) {
    let lost = false
    conn.on('close', () => (lost = true))
    conn.on('ready', () => {
      if (conn === cmd) offlineUpdates = 0
      if (conn === reader) void reader.client('ID').then((id) => (readerId = id)).catch(() => undefined)
      if (!lost) return
      lost = false
      log.warn('redis_reconnected', { instance: instanceId })
      for (const l of listeners) l()
    })
    conn.on('error', (e: Error) => {
      lost = true
      log.warn('redis_error', { instance: instanceId, error: e.message })
    })
  }

  /** The id of the newest entry of a board's stream ('0-0' when empty). */
  const lastId = async (conn: Redis, boardId: string): Promise<string> => {
    const last = (await conn.xrevrange(streamKey(boardId), '+', '-', 'COUNT', 1)) as Array<[string, string[]]>
    return last[0]?.[0] ?? '0-0'
  }

  sub.on('messageBuffer', (ch: Buffer, message: Buffer) => {
    const boardId = ch.toString().slice('lw:board:'.length, -':awareness'.length)
    const joined = boards.get(boardId)
    if (!joined) return
    try {
      const decoder = decoding.createDecoder(new Uint8Array(message))
      const from = decoding.readVarString(decoder)
      if (from === instanceId) return
      joined.handlers.awareness(decoding.readVarUint8Array(decoder), from)
    } catch (e) {
      log.warn('redis_bad_awareness', { error: (e as Error).message })
    }
  })

  const interrupt = () => {
    wake?.()
    if (readerId !== null) void cmd.client('UNBLOCK', readerId).catch(() => undefined)
  }

  async function readLoop(): Promise<void> {
    while (!closed) {
      if (boards.size === 0) {
        await new Promise<void>((resolve) => (wake = resolve))
        wake = null
        continue
      }
      // A board joined while Redis was away reads from "now"; pin that to an entry id once Redis
      // answers, or every XREAD would skip what arrived between two reads.
      try {
        for (const [boardId, joined] of boards) if (joined.cursor === '$') joined.cursor = await lastId(reader, boardId)
      } catch {
        if (!closed) await new Promise((r) => setTimeout(r, 100))
        continue
      }
      const keys = [...boards.keys()]
      let result: Array<[Buffer, Array<[Buffer, Buffer[]]>]> | null
      try {
        result = (await reader.xreadBuffer(
          'BLOCK',
          BLOCK_MS,
          'STREAMS',
          ...keys.map(streamKey),
          ...keys.map((k) => boards.get(k)!.cursor),
        ))
      } catch {
        if (!closed) await new Promise((r) => setTimeout(r, 100))
        continue
      }
      for (const [key, entries] of result ?? []) {
        const boardId = key.toString().slice('lw:board:'.length, -':updates'.length)
        const joined = boards.get(boardId)
        if (!joined) continue
        for (const [id, fields] of entries) {
          joined.cursor = id.toString()
          const f = new Map<string, Buffer>()
          for (let i = 0; i + 1 < fields.length; i += 2) f.set(fields[i]!.toString(), fields[i + 1]!)
          if (f.get('i')?.toString() === instanceId) continue
          const update = f.get('u')
          if (update) joined.handlers.update(new Uint8Array(update))
        }
      }
    }
  }
  const loop = readLoop()

  return {
    instanceId,
    async position(boardId) {
      // While Redis is away a board must still load: start from "now" and let the catch-up from
      // storage fill anything in between.
      if (cmd.status !== 'ready') return '$'
      const timeout = new Promise<null>((r) => setTimeout(() => r(null), 500).unref())
      return (await Promise.race([lastId(cmd, boardId).catch(() => null), timeout])) ?? '$'
    },
    join(boardId, from, handlers) {
      boards.set(boardId, { cursor: from, handlers })
      void sub.subscribe(channel(boardId)).catch(() => undefined)
      interrupt()
    },
    leave(boardId) {
      boards.delete(boardId)
      void sub.unsubscribe(channel(boardId)).catch(() => undefined)
      interrupt()
    },
    publishUpdate(boardId, update) {
      if (cmd.status !== 'ready' && ++offlineUpdates > MAX_OFFLINE_UPDATES) return
      cmd
        .xadd(streamKey(boardId), 'MAXLEN', '~', STREAM_MAXLEN, '*', 'i', instanceId, 'u', Buffer.from(update))
        .catch((e: Error) => log.warn('redis_publish_failed', { board: boardId, error: e.message }))
    },
    publishAwareness(boardId, update) {
      // Presence is at most once: none is queued for a Redis that is away (stale cursors would
      // flood every instance when it returns; each instance re-publishes its own on reconnect).
      if (cmd.status !== 'ready') return
      const e = encoding.createEncoder()
      encoding.writeVarString(e, instanceId)
      encoding.writeVarUint8Array(e, update)
      cmd.publish(channel(boardId), Buffer.from(encoding.toUint8Array(e))).catch(() => undefined)
    },
    async forget(boardId) {
      await cmd.xtrim(streamKey(boardId), 'MAXLEN', 0)
    },
    async delete(room) {
      await cmd.del(streamKey(room))
    },
    onReconnect(listener) {
      listeners.push(listener)
    },
    async close() {
      closed = true
      interrupt()
      reader.disconnect()
      await loop.catch(() => undefined)
      // quit() would wait for a Redis that may never come back.
      await Promise.allSettled([cmd, sub].map(async (c) => (c.status === 'ready' ? c.quit() : c.disconnect())))
    },
  }
}
