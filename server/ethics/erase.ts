// Erasing for real: after content left a document, its stored history still holds it (the update
// log, the snapshot, saved versions, free pages of the database file, the write-ahead log). These
// steps rewrite each through a garbage-collected document and scrub the files.
import * as Y from 'yjs'
import type { Storage } from '../storage/types.ts'
import type { Rooms } from '../sync/rooms.ts'

export type EraseDeps = { storage: Storage; rooms: Rooms }

/** Boards restored from saved versions of this board (as the audit log records each restore). */
export async function boardsRestoredFrom(storage: Storage, boardId: string): Promise<string[]> {
  const entries = await storage.audit.list({ boardId, limit: 100_000 })
  const ids = entries.filter((e) => e.action === 'version.restored').map((e) => (e.details as { newBoardId?: unknown }).newBoardId)
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== boardId))]
}

/**
 * Every board restored from this board's versions, from theirs in turn and so on, that still
 * exists, nearest first: they hold the board's stories themselves.
 */
export async function restoredDescendants(storage: Storage, boardId: string): Promise<string[]> {
  const out: string[] = []
  const done = new Set([boardId])
  const queue = await boardsRestoredFrom(storage, boardId)
  while (queue.length) {
    const next = queue.shift()!
    if (done.has(next)) continue
    done.add(next)
    queue.push(...(await boardsRestoredFrom(storage, next)))
    if (await storage.boards.get(next)) out.push(next)
  }
  return out
}

/**
 * Loads every board this one raised conditions to or shares patterns with, and the boards restored
 * from their versions: a board stored before evidence by reference holds copied quotes until it is
 * loaded, which runs the board/2 migration over its document, history and versions
 * (server/sync/storedMigration.ts). On migrated boards this only reads.
 */
export async function linkedBoardsMigrated({ storage, rooms }: EraseDeps, boardId: string): Promise<void> {
  const queue: string[] = []
  for (const c of await storage.conditions.forBoards([boardId])) if (c.sourceBoard === boardId) queue.push(c.targetBoard)
  for (const s of await storage.shares.fromBoard(boardId)) queue.push(s.targetBoard)
  const seen = new Set([boardId])
  while (queue.length) {
    const next = queue.shift()!
    if (seen.has(next)) continue
    seen.add(next)
    if (!(await storage.boards.get(next))) continue
    await rooms.read(next, () => null)
    queue.push(...(await boardsRestoredFrom(storage, next)))
  }
}

/**
 * Rewrites every saved version of a board through a garbage-collected document after `change`.
 * Returns how many versions changed.
 */
export async function rewriteVersions(storage: Storage, boardId: string, change: (doc: Y.Doc) => void): Promise<number> {
  let rewritten = 0
  for (const v of await storage.versions.list(boardId, 100_000)) {
    const loaded = await storage.versions.load(boardId, v.id)
    if (!loaded) continue
    const doc = new Y.Doc({ gc: true })
    try {
      Y.applyUpdateV2(doc, loaded.stateV2)
      let touched = false
      const mark = () => (touched = true)
      doc.on('update', mark)
      change(doc)
      doc.off('update', mark)
      if (!touched) continue
      await storage.versions.replaceState(boardId, v.id, Y.encodeStateAsUpdateV2(doc))
      rewritten++
    } finally {
      doc.destroy()
    }
  }
  return rewritten
}

/** Compacts the stored history of these rooms into snapshots of their live (GC'd) documents, then scrubs. */
export async function eraseHistory({ storage, rooms }: EraseDeps, roomNames: Iterable<string>): Promise<void> {
  for (const room of new Set(roomNames)) {
    await rooms.compactStored(room)
    await rooms.forgetRetained(room)
  }
  await storage.scrub?.()
}
