// Some board migrations take content out of the document (board/2: quotes once copied onto cards
// raised or shared from other boards). Taking it out of the live document is not enough: the
// board's stored log and snapshot, its saved versions and the Redis stream that carried it still
// hold it. When a board is loaded and such a migration ran, the room's stored history is compacted
// through the garbage-collected document, every saved version is migrated and rewritten, the
// retained stream is dropped and the database files are scrubbed, before anyone can join.
import * as Y from 'yjs'
import { migrateBoard } from '../../shared/model/migrations.ts'
import type { Bus } from '../scale/bus.ts'
import type { Storage } from '../storage/types.ts'
import type { Room } from './room.ts'

/** Migrations whose removals must reach the stored history too. */
export const REWRITES_HISTORY: ReadonlySet<string> = new Set(['board/2'])

export const rewritesHistory = (applied: readonly string[]): boolean => applied.some((id) => REWRITES_HISTORY.has(id))

/** Migrates a stored state the same way a loaded board is; null when nothing removable ran. */
export function migrateState(stateV2: Uint8Array): Uint8Array | null {
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
export async function rewriteMigratedHistory(deps: { storage: Storage; bus?: Bus | undefined }, room: Room): Promise<{ versions: number }> {
  const { storage, bus } = deps
  room.compact()
  await room.idle()
  let versions = 0
  for (const v of await storage.versions.list(room.boardId, 100_000)) {
    const loaded = await storage.versions.load(room.boardId, v.id)
    const next = loaded && migrateState(loaded.stateV2)
    if (!next) continue
    await storage.versions.replaceState(room.boardId, v.id, next)
    versions++
  }
  await bus?.forget?.(room.boardId)
  await storage.scrub?.()
  return { versions }
}
