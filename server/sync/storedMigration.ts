// Some board migrations take content out of the document (board/2: quotes once copied onto cards
// raised or shared from other boards). Taking it out of the live document is not enough: the
// board's stored log and snapshot, its saved versions and the Redis stream that carried it still
// hold it. When a board is loaded and such a migration ran, its retained stream is dropped and,
// where stored bytes may hold a copied quote, the room's history is compacted through the
// garbage-collected document, those saved versions are migrated and rewritten and the database
// files are scrubbed, before anyone can join. Boards that never held a card with quotes pay for
// none of that (a scrub is a VACUUM FULL on PostgreSQL).
import * as Y from 'yjs'
import { migrateBoard } from '../../shared/model/migrations.ts'
import type { Bus } from '../scale/bus.ts'
import type { StoredDoc, Storage } from '../storage/types.ts'
import type { Room } from './room.ts'

/** Migrations whose removals must reach the stored history too. */
export const REWRITES_HISTORY: ReadonlySet<string> = new Set(['board/2'])

export const rewritesHistory = (applied: readonly string[]): boolean => applied.some((id) => REWRITES_HISTORY.has(id))

/** The key a copied quote was stored under: bytes without it hold no copied quote. */
const QUOTES_KEY = Buffer.from('quotes')

/** Whether these stored bytes may hold a quote copied onto a card (a cheap, conservative test). */
export const mayHoldCopiedQuotes = (chunks: Iterable<Uint8Array | null>): boolean =>
  [...chunks].some((c) => c !== null && Buffer.from(c.buffer, c.byteOffset, c.byteLength).includes(QUOTES_KEY))

/** Migrates a stored state the same way a loaded board is; null when it held nothing to remove. */
export function migrateState(stateV2: Uint8Array): Uint8Array | null {
  if (!mayHoldCopiedQuotes([stateV2])) return null
  const doc = new Y.Doc({ gc: true })
  try {
    Y.applyUpdateV2(doc, stateV2)
    const migrated = migrateBoard(doc)
    if (!migrated.ok || !rewritesHistory(migrated.value.applied)) return null
    return Y.encodeStateAsUpdateV2(doc)
  } finally {
    doc.destroy()
  }
}

/** Rewrites what is stored of a just-migrated room so that nothing the migration removed remains. */
export async function rewriteMigratedHistory(
  deps: { storage: Storage; bus?: Bus | undefined },
  room: Room,
  stored: StoredDoc,
): Promise<{ versions: number; scrubbed: boolean }> {
  const { storage, bus } = deps
  const inLog = mayHoldCopiedQuotes([stored.snapshot, ...stored.updates])
  if (inLog) {
    room.compact()
    await room.idle()
  }
  let versions = 0
  for (const v of await storage.versions.list(room.boardId, 100_000)) {
    const loaded = await storage.versions.load(room.boardId, v.id)
    const next = loaded && migrateState(loaded.stateV2)
    if (!next) continue
    await storage.versions.replaceState(room.boardId, v.id, next)
    versions++
  }
  // The stream may still carry updates whose log rows were compacted long ago: dropping it is cheap.
  await bus?.forget?.(room.boardId)
  const scrubbed = inLog || versions > 0
  if (scrubbed) await storage.scrub?.()
  return { versions, scrubbed }
}
