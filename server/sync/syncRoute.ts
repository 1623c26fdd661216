// GET /sync/:boardId: the WebSocket door. The framework only does the upgrade; everything after
// it is the room's. Refusals are close codes sent before any byte of the board.
import type { Context } from 'hono'
import type { UpgradeWebSocket, WSContext } from 'hono/ws'
import type { WebSocket } from 'ws'
import { CLOSE } from '../../shared/protocol/closeCodes.ts'
import type { Authorize } from '../access.ts'
import { parseRoom } from '../../shared/model/facilitation.ts'
import type { Log } from '../log.ts'
import type { Storage } from '../storage/types.ts'
import type { RoomConnection } from './room.ts'
import { RoomsFull, type Rooms } from './rooms.ts'
import type { SyncSocket } from './socket.ts'
import { connectionKey } from './clientKeys.ts'
import { presentedToken } from '../auth/socketAuthorizer.ts'

/** Frames that arrive while the room loads are held, up to this many. */
const MAX_EARLY_FRAMES = 256

export type SyncRouteDeps = {
  storage: Storage
  rooms: Rooms
  authorize: Authorize
  log: Log
}

function socketOf(ws: WSContext<WebSocket>): SyncSocket {
  return {
    send: (frame, sent) => (ws.raw ? ws.raw.send(frame, { binary: true }, sent && (() => sent())) : sent?.()),
    close: (code, reason) => ws.close(code, reason),
    get bufferedAmount() {
      return ws.raw?.bufferedAmount ?? 0
    },
  }
}

export function syncHandler(deps: SyncRouteDeps, upgradeWebSocket: UpgradeWebSocket<WebSocket>) {
  return upgradeWebSocket(async (c: Context) => {
    const roomName = c.req.param('boardId') ?? ''
    const room = parseRoom(roomName)
    const board = room ? await deps.storage.boards.get(room.boardId) : null
    const auth = board
      ? await deps.authorize({
          boardId: roomName,
          headers: c.req.raw.headers,
          url: new URL(c.req.url),
        })
      : null

    let conn: RoomConnection | null = null
    let closed = false
    let expiry: NodeJS.Timeout | undefined
    const early: Uint8Array[] = []

    return {
      onOpen(_event, ws) {
        if (!board || !auth) return ws.close(CLOSE.notFound, 'no such board')
        if (auth.access === 'none') {
          const code = auth.reason === 'unauthenticated' ? CLOSE.unauthenticated : CLOSE.forbidden
          return ws.close(code, auth.reason)
        }
        const ends = auth.principal.expiresAt
          ? Date.parse(auth.principal.expiresAt) - Date.now()
          : null
        if (ends !== null) {
          // A guest's access ends at their invite's expiry, also mid-session.
          expiry = setTimeout(
            () => ws.close(CLOSE.unauthenticated, 'access expired'),
            Math.max(0, Math.min(ends, 2 ** 31 - 1)),
          )
          expiry.unref()
        }
        deps.rooms
          .get(roomName)
          // Access may have changed while the room loaded: check again right before joining, so a
          // role change or removal can never miss this connection.
          .then(async (room) => {
            // The room's client id keys ([H12]) are known before anyone writes with an id.
            await room.loadClientKeys()
            const now = await deps.authorize({
              boardId: roomName,
              headers: c.req.raw.headers,
              url: new URL(c.req.url),
            })
            return { room, now }
          })
          .then(
            ({ room, now }) => {
              if (closed) return
              if (now.access === 'none')
                return ws.close(
                  now.reason === 'unauthenticated' ? CLOSE.unauthenticated : CLOSE.forbidden,
                  now.reason,
                )
              const url = new URL(c.req.url)
              const key = connectionKey(roomName, url, presentedToken(c.req.raw.headers, url))
              conn = room.join(socketOf(ws), now.access, now.principal, key)
              for (const frame of early.splice(0)) conn.receive(frame)
            },
            (e: unknown) => {
              // Every loaded board is in use and memory is spent: a reconnect later will load it.
              if (e instanceof RoomsFull) return ws.close(CLOSE.tryAgainLater, 'server busy')
              deps.log.error('room_load_failed', { board: board.id, error: (e as Error).message })
              ws.close(CLOSE.internalError, 'board could not be loaded')
            },
          )
      },
      onMessage(event, ws) {
        if (!(event.data instanceof ArrayBuffer)) return // text frames are not part of the protocol
        const frame = new Uint8Array(event.data)
        if (conn) return conn.receive(frame)
        if (early.length >= MAX_EARLY_FRAMES)
          return ws.close(CLOSE.tryAgainLater, 'too many frames while loading')
        early.push(frame)
      },
      onClose() {
        closed = true
        clearTimeout(expiry)
        conn?.leave()
      },
    }
  })
}
