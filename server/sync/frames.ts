// Parses one incoming y-websocket frame into a message, strictly: one message per frame, no
// trailing bytes, lengths inside the frame. Encoders for what the server sends.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { writePermissionDenied } from 'y-protocols/auth'
import { MESSAGE, SYNC } from '../../shared/protocol/messages.ts'
import { fail, ok, type Result } from '../../shared/result.ts'

export type Incoming =
  | { kind: 'step1'; stateVector: Uint8Array }
  | { kind: 'step2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'queryAwareness' }
  | { kind: 'auth' }

export function parseFrame(frame: Uint8Array): Result<Incoming> {
  // A view into a pooled buffer would let a crafted length read other bytes: work on an exact copy.
  const data = frame.byteOffset === 0 && frame.byteLength === frame.buffer.byteLength ? frame : frame.slice()
  try {
    const decoder = decoding.createDecoder(data)
    const type = decoding.readVarUint(decoder)
    let message: Incoming
    switch (type) {
      case MESSAGE.sync: {
        const syncType = decoding.readVarUint(decoder)
        const payload = decoding.readVarUint8Array(decoder)
        if (syncType === SYNC.step1) message = { kind: 'step1', stateVector: payload }
        else if (syncType === SYNC.step2) message = { kind: 'step2', update: payload }
        else if (syncType === SYNC.update) message = { kind: 'update', update: payload }
        else return fail('unknown_sync_type', `unknown sync message type ${syncType}`)
        break
      }
      case MESSAGE.awareness:
        message = { kind: 'awareness', update: decoding.readVarUint8Array(decoder) }
        break
      case MESSAGE.queryAwareness:
        message = { kind: 'queryAwareness' }
        break
      case MESSAGE.auth:
        // Clients have nothing to say in the auth sub-protocol; read and ignore it.
        decoding.readTailAsUint8Array(decoder)
        message = { kind: 'auth' }
        break
      default:
        return fail('unknown_message_type', `unknown message type ${type}`)
    }
    if (decoding.hasContent(decoder)) return fail('trailing_bytes', 'frame has bytes after its message')
    return ok(message)
  } catch (e) {
    return fail('malformed_frame', (e as Error).message)
  }
}

/** y-protocols auth "permission denied" with a reason (see WRITE_REFUSED). */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE.auth)
  writePermissionDenied(encoder, reason)
  return encoding.toUint8Array(encoder)
}

export function encodeSync(type: (typeof SYNC)[keyof typeof SYNC], payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE.sync)
  encoding.writeVarUint(encoder, type)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE.awareness)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}
