// The forms a canary string can take at rest, and how a place's bytes are searched for them.
// Canaries are ASCII letters, digits and '-_.@+' only (ids and emails fit), so their UTF-8, Latin-1, JSON, CSV, XML
// and PDF WinAnsi forms are the same bytes, and a renderer cannot wrap them inside a word.
// Yjs stores strings as UTF-8 in both encodings: V1 writes each string with its length before
// it, V2 concatenates every string of an update into one UTF-8 string (lib0 StringEncoder). A
// string typed one character per update is therefore split over many updates: the stored log of
// a room is searched row by row AND merged (Y.mergeUpdatesV2 joins consecutive typed items).
// Test-only.
import * as Y from 'yjs'

export type Canary = { text: string; forms: Buffer[] }

export function canary(text: string): Canary {
  if (!/^[A-Za-z0-9_.@+-]{8,80}$/.test(text)) throw new Error(`a canary is 8-80 of [A-Za-z0-9_.@+-]: ${text}`)
  const utf8 = Buffer.from(text, 'utf8')
  const hex = utf8.toString('hex')
  // Base64 at each of the three byte alignments, without the groups that depend on neighbours.
  const base64 = [0, 1, 2].map((shift) => {
    const encoded = Buffer.concat([Buffer.alloc(shift), utf8]).toString('base64')
    return Buffer.from(encoded.slice(shift ? 4 : 0, -4))
  })
  return { text, forms: [utf8, Buffer.from(text, 'utf16le'), Buffer.from(hex), Buffer.from(hex.toUpperCase()), ...base64] }
}

export const holds = (bytes: Uint8Array | string, c: Canary): boolean => {
  const b = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return c.forms.some((f) => b.includes(f))
}

/**
 * The updates of one room (V2 as stored, V1 as sent on sockets and Redis), merged into one update
 * without applying them to a document, which would garbage-collect deleted text: the very bytes a
 * leak leaves behind.
 */
export function merged(updates: Uint8Array[], format: 'v1' | 'v2'): Uint8Array | null {
  if (updates.length === 0) return null
  try {
    return format === 'v2' ? Y.mergeUpdatesV2(updates) : Y.mergeUpdates(updates)
  } catch {
    // An update this cannot read is searched row by row only; the raw search still covers it.
    return null
  }
}

/** A place's name and bytes (or text), as a search collected them. */
export type Place = [string, Uint8Array | string | null | undefined]

/** Place names where `c` was found, from a list of `[place, bytes]`; each place once. */
export function foundIn(c: Canary, places: Iterable<Place>): string[] {
  const found = new Set<string>()
  for (const [place, bytes] of places) if (bytes != null && holds(bytes, c)) found.add(place)
  return [...found]
}
