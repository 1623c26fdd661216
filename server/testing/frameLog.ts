// Every frame each person's stock y-websocket provider received, by who and room, recorded on the
// socket itself (before the provider reads it). Marks let a test look only at what arrived after
// a point (a withdrawal, a restriction). Test-only.
import WebSocket from 'ws'
import { merged, type Place } from './canaryForms.ts'
import { syncKind, syncPayload } from './wire.ts'

export type FrameMark = Map<string, number>
type SocketClass = new (address: string, protocols?: string | string[]) => WebSocket

const bytesOf = (data: unknown): Uint8Array =>
  data instanceof ArrayBuffer ? new Uint8Array(data) : Array.isArray(data) ? Buffer.concat(data as Buffer[]) : new Uint8Array(data as Buffer)

export class FrameLog {
  private readonly frames = new Map<string, Uint8Array[]>()

  /** A `ws` class for connectClient that records what `who` receives. */
  socketFor(who: string): SocketClass {
    const list = this.frames.get(who) ?? []
    this.frames.set(who, list)
    return class Recording extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols)
        this.on('message', (data) => list.push(bytesOf(data)))
      }
    }
  }

  mark(): FrameMark {
    return new Map([...this.frames].map(([who, list]) => [who, list.length]))
  }

  count(who: string): number {
    return this.frames.get(who)?.length ?? 0
  }

  /** What each person received since `since`: every frame, and the merge of the updates in them. */
  places(since: FrameMark = new Map()): Place[] {
    const places: Place[] = []
    for (const [who, list] of this.frames) {
      const recent = list.slice(since.get(who) ?? 0)
      for (const f of recent) places.push([`frames ${who}`, f])
      const updates = recent.filter((f) => syncKind(f) === 'step2' || syncKind(f) === 'update').map(syncPayload)
      places.push([`frames ${who}`, merged(updates, 'v1')])
    }
    return places
  }
}
