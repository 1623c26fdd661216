// y-websocket frames built by hand and read back, for tests that talk to the sync server below
// the stock provider. Test-only.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { WebsocketProvider } from 'y-websocket'
import { MESSAGE, SYNC } from '../../shared/protocol/messages.ts'
import type { RawSocket } from './rawSocket.ts'

export function syncFrame(type: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MESSAGE.sync)
  encoding.writeVarUint(e, type)
  encoding.writeVarUint8Array(e, payload)
  return encoding.toUint8Array(e)
}

export const updateFrame = (update: Uint8Array) => syncFrame(SYNC.update, update)
export const step2Frame = (update: Uint8Array) => syncFrame(SYNC.step2, update)
export const step1Frame = (stateVector: Uint8Array) => syncFrame(SYNC.step1, stateVector)

/** One awareness entry; `state` is the JSON text, or raw bytes to send whatever is wanted. */
export type AwarenessEntry = { client: number; clock: number; state: string | Uint8Array }

export function awarenessPayload(entries: AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(e, entry.client)
    encoding.writeVarUint(e, entry.clock)
    if (typeof entry.state === 'string') encoding.writeVarString(e, entry.state)
    else encoding.writeVarUint8Array(e, entry.state)
  }
  return encoding.toUint8Array(e)
}

export function awarenessFrame(entries: AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MESSAGE.awareness)
  encoding.writeVarUint8Array(e, awarenessPayload(entries))
  return encoding.toUint8Array(e)
}

/** The sync message type of a frame (`step1`, `step2`, `update`), or null for anything else. */
export function syncKind(frame: Uint8Array): 'step1' | 'step2' | 'update' | null {
  try {
    const d = decoding.createDecoder(frame)
    if (decoding.readVarUint(d) !== MESSAGE.sync) return null
    const type = decoding.readVarUint(d)
    decoding.readVarUint8Array(d)
    if (decoding.hasContent(d)) return null
    return type === SYNC.step1
      ? 'step1'
      : type === SYNC.step2
        ? 'step2'
        : type === SYNC.update
          ? 'update'
          : null
  } catch {
    return null
  }
}

/** The payload of a sync frame (the update of a step 2 or update message). */
export function syncPayload(frame: Uint8Array): Uint8Array {
  const d = decoding.createDecoder(frame)
  decoding.readVarUint(d)
  decoding.readVarUint(d)
  return decoding.readVarUint8Array(d)
}

/** Counts the sync messages a raw socket (openRaw) has received so far, reading each frame once. */
export function syncCounter(raw: RawSocket): (kind: 'step1' | 'step2' | 'update') => number {
  const counts = { step1: 0, step2: 0, update: 0 }
  let seen = 0
  return (kind) => {
    for (; seen < raw.frames.length; seen++) {
      const k = syncKind(raw.frames[seen]!)
      if (k) counts[k]++
    }
    return counts[kind]
  }
}

/**
 * Calls `sink` with the update of every sync step 2 and update message the stock provider
 * receives, exactly as the server sent it (the doc's own 'update' events can differ: merging a
 * remote update into unsent local edits deletes things the server never saw).
 */
export function onReceivedUpdate(
  provider: WebsocketProvider,
  sink: (update: Uint8Array) => void,
): void {
  const handle = provider.messageHandlers[MESSAGE.sync]!
  provider.messageHandlers[MESSAGE.sync] = (encoder, decoder, p, emitSynced, type) => {
    const peek = decoding.clone(decoder)
    const syncType = decoding.readVarUint(peek)
    if (syncType === SYNC.step2 || syncType === SYNC.update)
      sink(decoding.readVarUint8Array(peek).slice())
    handle(encoder, decoder, p, emitSynced, type)
  }
}

/** The reason of an auth "permission denied" frame (how refused writes are answered), else null. */
export function permissionDeniedReason(frame: Uint8Array): string | null {
  try {
    const d = decoding.createDecoder(frame)
    if (decoding.readVarUint(d) !== MESSAGE.auth) return null
    if (decoding.readVarUint(d) !== 0) return null
    return decoding.readVarString(d)
  } catch {
    return null
  }
}
