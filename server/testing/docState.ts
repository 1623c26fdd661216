// Questions tests ask about document state: what storage holds, whether one doc contains all of
// an update, which client ids a doc has seen. Test-only.
import * as Y from 'yjs'
import type { Storage } from '../storage/types.ts'

/** The board exactly as storage holds it, applied to a fresh doc (no migrations, no room). */
export async function storedDoc(storage: Storage, boardId: string): Promise<Y.Doc> {
  const stored = await storage.docs.load(boardId)
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdateV2(doc, stored.snapshot)
  for (const update of stored.updates) Y.applyUpdateV2(doc, update)
  return doc
}

export const stateVector = (doc: Y.Doc): Map<number, number> =>
  Y.decodeStateVector(Y.encodeStateVector(doc))

/**
 * What of `update` is not in `doc`: structs past the doc's state for their client, and deleted
 * ranges the doc has not deleted. An empty list means the doc contains everything in the update.
 */
export function missingFrom(doc: Y.Doc, update: Uint8Array): string[] {
  const sv = stateVector(doc)
  const { structs, ds } = Y.decodeUpdate(update)
  const missing: string[] = []
  for (const s of structs) {
    if (s instanceof Y.Skip) continue
    const have = sv.get(s.id.client) ?? 0
    if (s.id.clock + s.length > have)
      missing.push(`struct ${s.id.client}:${s.id.clock}+${s.length} (doc has ${have})`)
  }
  const deleted = Y.createDeleteSetFromStructStore(doc.store)
  for (const [client, ranges] of ds.clients) {
    for (const r of ranges) {
      if (!rangeDeleted(deleted, client, r.clock, r.len))
        missing.push(`delete ${client}:${r.clock}+${r.len}`)
    }
  }
  return missing
}

function rangeDeleted(
  ds: ReturnType<typeof Y.createDeleteSetFromStructStore>,
  client: number,
  clock: number,
  len: number,
): boolean {
  // createDeleteSetFromStructStore returns sorted, merged ranges per client.
  const ranges = ds.clients.get(client) ?? []
  let at = clock
  for (const r of ranges) {
    if (r.clock > at) return false
    if (r.clock + r.len > at) at = r.clock + r.len
    if (at >= clock + len) return true
  }
  return at >= clock + len
}

/** Same content, same deletions: equal snapshots (state vector plus delete set). */
export const sameSnapshot = (a: Y.Doc, b: Y.Doc): boolean =>
  Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b))
