// A raw WebSocket for tests that must see every byte and the close code.
import WebSocket from 'ws'

export type RawSocket = {
  ws: WebSocket
  frames: Uint8Array[]
  bytes(): number
  closed: Promise<{ code: number; reason: string }>
  opened: Promise<void>
}

export function openRaw(url: string, headers: Record<string, string> = {}): RawSocket {
  const ws = new WebSocket(url, { headers })
  const frames: Uint8Array[] = []
  ws.on('message', (data: Buffer) => frames.push(new Uint8Array(data)))
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
    ws.on('unexpected-response', (_req, res) => resolve({ code: -(res.statusCode ?? 0), reason: 'http' }))
    ws.on('error', () => undefined)
  })
  const opened = new Promise<void>((resolve) => ws.on('open', () => resolve()))
  return { ws, frames, bytes: () => frames.reduce((n, f) => n + f.length, 0), closed, opened }
}
