// Server side of presence. Accepts from a connection only the entries of client ids it owns,
// skips foreign entries by their length without decoding them, validates and caps its own,
// remembers the latest state of each client for newcomers, and batches what goes out: each
// recipient gets one frame per flush without its own entries echoed back.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { encodeAwareness } from './frames.ts'

/** `bytes` is the entry as it goes on the wire ([client][clock][state]), encoded once on arrival. */
export type AwarenessEntry = {
  client: number
  clock: number
  state: string
  from: string
  seenAt?: number
  bytes: Uint8Array
}

/** Entries relayed from another instance carry this prefix in `from`; they are never re-published. */
const REMOTE = 'remote:'
export type Ownership = (client: number) => 'mine' | 'free' | 'other'

export type AcceptResult = { accepted: number; rejected: number; claimed: number[] }

export class AwarenessRelay {
  private readonly states = new Map<number, AwarenessEntry>()
  private pending = new Map<number, AwarenessEntry>()

  constructor(private readonly maxStateBytes: number) {}

  /** Reads an awareness update from `from`; throws only on a malformed frame. */
  accept(
    update: Uint8Array,
    from: string,
    owner: Ownership,
    canClaim: () => boolean,
    transform?: (state: Record<string, unknown>) => Record<string, unknown>,
  ): AcceptResult {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    const result: AcceptResult = { accepted: 0, rejected: 0, claimed: [] }
    const staged: AwarenessEntry[] = []
    for (let i = 0; i < count; i++) {
      const client = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const length = decoding.readVarUint(decoder)
      if (length > update.length - decoder.pos) throw new Error('awareness state runs past the frame')
      const who = owner(client)
      const mine = who === 'mine' || (who === 'free' && (result.claimed.includes(client) || canClaim()))
      if (!mine || length > this.maxStateBytes) {
        decoder.pos += length
        result.rejected++
        continue
      }
      const state = decoding.readUint8Array(decoder, length)
      let json = new TextDecoder('utf-8', { fatal: true }).decode(state)
      const value = parseState(json)
      if (value === undefined) {
        result.rejected++
        continue
      }
      // A removal for a free id is someone else's departure echoed back: it claims nothing.
      if (value === null && who === 'free' && !result.claimed.includes(client)) continue
      if (transform && value !== null) json = JSON.stringify(transform(value))
      if (who === 'free' && !result.claimed.includes(client)) result.claimed.push(client)
      staged.push(makeEntry(client, clock, json, from))
    }
    if (decoding.hasContent(decoder)) throw new Error('awareness update has trailing bytes')
    for (const entry of staged) {
      const prev = this.states.get(entry.client)
      const newer =
        !prev || entry.clock > prev.clock || (entry.clock === prev.clock && entry.state === 'null' && prev.state !== 'null')
      if (!newer) continue
      this.states.set(entry.client, entry)
      this.pending.set(entry.client, entry)
      result.accepted++
    }
    return result
  }

  /** Entries another instance accepted from its own connections: trusted, stored, sent on locally. */
  acceptRemote(update: Uint8Array, instanceId: string, now = Date.now()): void {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    for (let i = 0; i < count; i++) {
      const client = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const state = decoding.readVarString(decoder)
      const prev = this.states.get(client)
      if (prev && !prev.from.startsWith(REMOTE)) continue // a local connection owns it here
      // The removal of someone not shown here (the other instance re-announces a client that set
      // its presence to null each round): nothing to tell anyone.
      if (!prev && state === 'null') continue
      if (prev && clock < prev.clock) continue
      // The other instance's periodic re-announcement of a state we already hold: renew it, send
      // nothing on (else every client got every remote cursor again every 2 s, and stale).
      if (prev && clock === prev.clock && state === prev.state) {
        prev.seenAt = now
        continue
      }
      const entry = { ...makeEntry(client, clock, state, `${REMOTE}${instanceId}`), seenAt: now }
      if (state === 'null') this.states.delete(client)
      else this.states.set(client, entry)
      this.pending.set(client, entry)
    }
  }

  /** Presence of another instance that stopped renewing it (the instance died) is cleared. */
  sweepRemote(maxAgeMs: number, now = Date.now()): void {
    for (const [client, e] of this.states) {
      if (e.from.startsWith(REMOTE) && now - (e.seenAt ?? 0) > maxAgeMs) {
        this.states.delete(client)
        this.pending.set(client, makeEntry(client, e.clock + 1, 'null', e.from))
      }
    }
  }

  /** Every state that local connections own, for re-publishing after the bus reconnects. */
  localSnapshot(): Uint8Array | null {
    const local = [...this.states.values()].filter((e) => !e.from.startsWith(REMOTE))
    return local.length ? encodeEntries(local) : null
  }

  /** Marks a departed connection's clients offline so everyone else drops their cursors. */
  remove(clients: Iterable<number>, from: string): void {
    for (const client of clients) {
      const prev = this.states.get(client)
      if (!prev) continue
      this.states.delete(client)
      if (prev.state === 'null') continue
      this.pending.set(client, makeEntry(client, prev.clock + 1, 'null', from))
    }
  }

  /** Every known state, as one frame for a newcomer (or an answer to query-awareness). */
  snapshotFrame(): Uint8Array | null {
    const live = [...this.states.values()].filter((e) => e.state !== 'null')
    return live.length ? encodeAwareness(encodeEntries(live)) : null
  }

  get size(): number {
    return this.states.size
  }

  /**
   * Takes what arrived since the last flush. `frameFor(recipient)` returns that recipient's frame
   * (null when there is nothing for it); frames are encoded once per distinct set of senders.
   */
  flush(): { frameFor: (recipient: string) => Uint8Array | null; local: Uint8Array | null } | null {
    if (this.pending.size === 0) return null
    const entries = [...this.pending.values()]
    this.pending = new Map()
    const localEntries = entries.filter((e) => !e.from.startsWith(REMOTE))
    const local = localEntries.length ? encodeEntries(localEntries) : null
    const senders = new Set(entries.map((e) => e.from))
    const all = encodeAwareness(encodeEntries(entries))
    const perSender = new Map<string, Uint8Array | null>()
    const frameFor = (recipient: string) => {
      if (!senders.has(recipient)) return all
      let frame = perSender.get(recipient)
      if (frame === undefined) {
        const others = entries.filter((e) => e.from !== recipient)
        frame = others.length ? encodeAwareness(encodeEntries(others)) : null
        perSender.set(recipient, frame)
      }
      return frame
    }
    return { frameFor, local }
  }
}

function makeEntry(client: number, clock: number, state: string, from: string): AwarenessEntry {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, client)
  encoding.writeVarUint(encoder, clock)
  encoding.writeVarString(encoder, state)
  return { client, clock, state, from, bytes: encoding.toUint8Array(encoder) }
}

/**
 * A frame is the count followed by the entries' pre-encoded bytes: flushing copies bytes and
 * never UTF-8-encodes a state again (that re-encoding was most of the server's CPU at 200 people).
 */
function encodeEntries(entries: AwarenessEntry[]): Uint8Array {
  const head = encoding.createEncoder()
  encoding.writeVarUint(head, entries.length)
  const count = encoding.toUint8Array(head)
  let size = count.length
  for (const e of entries) size += e.bytes.length
  const out = new Uint8Array(size)
  out.set(count, 0)
  let at = count.length
  for (const e of entries) {
    out.set(e.bytes, at)
    at += e.bytes.length
  }
  return out
}

/**
 * Awareness states are JSON objects or null; anything else would break other clients' parsers.
 * Returns undefined for anything else.
 */
function parseState(json: string): Record<string, unknown> | null | undefined {
  try {
    const value: unknown = JSON.parse(json)
    if (value === null) return null
    return typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}
