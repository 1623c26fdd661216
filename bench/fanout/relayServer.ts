// The floor: a raw `ws` relay that forwards every frame to every other socket in the same room
// (the URL path). No parsing, no batching, no document. Prints its port when listening.
import { WebSocketServer, type WebSocket } from 'ws'

const rooms = new Map<string, Set<WebSocket>>()
const wss = new WebSocketServer({
  host: '127.0.0.1',
  port: 0,
  perMessageDeflate: false,
  maxPayload: 2 * 1024 * 1024,
})

wss.on('connection', (ws, req) => {
  const name = req.url ?? '/'
  let room = rooms.get(name)
  if (!room) rooms.set(name, (room = new Set()))
  const peers = room
  peers.add(ws)
  ws.on('message', (data: Buffer, isBinary) => {
    for (const other of peers)
      if (other !== ws && other.readyState === other.OPEN) other.send(data, { binary: isBinary })
  })
  ws.on('close', () => peers.delete(ws))
  ws.on('error', () => peers.delete(ws))
})

wss.on('listening', () => {
  const address = wss.address()
  process.stdout.write(`listening on ${typeof address === 'string' ? address : address?.port}\n`)
})
process.on('SIGTERM', () => process.exit(0))
