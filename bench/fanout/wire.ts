// The two wire dialects the load clients speak. Learning Wall and the raw relay use the plain
// y-websocket protocol: [messageType][payload]. Hocuspocus 3 prefixes every frame with the
// document name as a varString and needs an auth message (type 2, sub-type 0 = token) before it
// sets the connection up; it answers sync step 1 with type 4 (SyncReply) and acknowledges each
// update with type 8 (SyncStatus). Verified against node_modules/@hocuspocus/server/src.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export type Dialect = 'yws' | 'hocuspocus'

export const MSG = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  syncReply: 4,
  syncStatus: 8,
} as const
export const SYNC = { step1: 0, step2: 1, update: 2 } as const

export type Decoded =
  | { kind: 'awareness'; decoder: decoding.Decoder }
  | { kind: 'sync'; sub: number; payload: Uint8Array }
  | { kind: 'auth' }
  | { kind: 'other'; type: number }

export class Wire {
  constructor(
    readonly dialect: Dialect,
    private readonly docName: string,
  ) {}

  private encoder(type: number): encoding.Encoder {
    const e = encoding.createEncoder()
    if (this.dialect === 'hocuspocus') encoding.writeVarString(e, this.docName)
    encoding.writeVarUint(e, type)
    return e
  }

  /** Hocuspocus only: an (empty) token, which its default configuration accepts. */
  auth(): Uint8Array | null {
    if (this.dialect !== 'hocuspocus') return null
    const e = this.encoder(MSG.auth)
    encoding.writeVarUint(e, 0)
    encoding.writeVarString(e, '')
    return encoding.toUint8Array(e)
  }

  sync(sub: number, payload: Uint8Array): Uint8Array {
    const e = this.encoder(MSG.sync)
    encoding.writeVarUint(e, sub)
    encoding.writeVarUint8Array(e, payload)
    return encoding.toUint8Array(e)
  }

  /** One awareness entry, exactly as y-protocols encodes it: [count=1][client][clock][json]. */
  awareness(client: number, clock: number, json: string): Uint8Array {
    const e = this.encoder(MSG.awareness)
    const inner = encoding.createEncoder()
    encoding.writeVarUint(inner, 1)
    encoding.writeVarUint(inner, client)
    encoding.writeVarUint(inner, clock)
    encoding.writeVarString(inner, json)
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner))
    return encoding.toUint8Array(e)
  }

  decode(frame: Uint8Array): Decoded {
    const d = decoding.createDecoder(frame)
    if (this.dialect === 'hocuspocus') decoding.readVarString(d)
    const type = decoding.readVarUint(d)
    if (type === MSG.awareness) {
      return { kind: 'awareness', decoder: decoding.createDecoder(decoding.readVarUint8Array(d)) }
    }
    if (type === MSG.sync || type === MSG.syncReply) {
      const sub = decoding.readVarUint(d)
      return { kind: 'sync', sub, payload: decoding.readVarUint8Array(d) }
    }
    if (type === MSG.auth) return { kind: 'auth' }
    return { kind: 'other', type }
  }
}
