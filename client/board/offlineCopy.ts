// A board's offline copy in this browser (y-indexeddb) and how it is forgotten. Workshop phones
// are shared: when access ends (4401, 4403, 4404, a sign-out) every store this device holds for the
// board is deleted, and after a withdrawal the board's store is replaced by the document's
// garbage-collected state, so no earlier stored update still holds the withdrawn story's words.
import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import { withdrawnMap } from '../../shared/model/withdrawal.ts'

const PREFIX = 'learning-wall:'

/** The IndexedDB name of a room's offline copy (the board's room is the board id). */
export const offlineCopyName = (room: string): string => `${PREFIX}${room}`

/**
 * Every store this device may hold for a board: its own, its restricted room's
 * (`<board>~restricted`) and every person's drafts (`<board>~draft~<user>`). Ids hold no `~`.
 */
export const isBoardCopy = (name: string, boardId: string): boolean =>
  name === offlineCopyName(boardId) || name.startsWith(offlineCopyName(`${boardId}~`))

export const isAnyCopy = (name: string): boolean => name.startsWith(PREFIX)

/** The board a store belongs to (`learning-wall:<board>` or `learning-wall:<board>~…`), or null. */
export const boardOfCopy = (name: string): string | null =>
  isAnyCopy(name) ? (name.slice(PREFIX.length).split('~')[0] ?? null) || null : null

/**
 * Stores of boards this person can no longer open (removed, or the board deleted, while this
 * page was closed), given every board they can: nothing of those stays on the device.
 */
export const forgetBoardsNotListed = (factory: IDBFactory, listed: readonly string[]): Promise<string[]> => {
  const open = new Set(listed)
  return deleteCopies(factory, (n) => {
    const board = boardOfCopy(n)
    return board !== null && !open.has(board)
  })
}

/** The names to delete even where `indexedDB.databases()` is missing or incomplete. */
export const knownCopies = (boardId: string, userId?: string): string[] => [
  offlineCopyName(boardId),
  offlineCopyName(`${boardId}~restricted`),
  ...(userId ? [offlineCopyName(`${boardId}~draft~${userId}`)] : []),
]

/**
 * Lets the document drop every deleted item's content: the undo stacks keep what this person
 * deleted (so undo can bring it back), also inside a story withdrawn since. Clearing them and
 * collecting again leaves deleted content nowhere in the document. `clearUndo` runs the undo
 * manager's clear (it transacts, so the caller passes it past the write guard).
 */
export function collectDeleted(doc: Y.Doc, clearUndo: () => void): void {
  clearUndo()
  Y.tryGc(Y.createDeleteSetFromStructStore(doc.store), doc.store, doc.gcFilter)
}

const done = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction failed'))
  })

const deleteDatabase = (factory: IDBFactory, name: string) =>
  new Promise<void>((resolve) => {
    const request = factory.deleteDatabase(name)
    // Open connections elsewhere close on `versionchange` (lib0's openDB does); settle either way.
    request.onsuccess = request.onerror = () => resolve()
  })

/** Deletes every offline store whose name matches, plus `known` ones; returns what was deleted. */
export async function deleteCopies(
  factory: IDBFactory,
  matches: (name: string) => boolean,
  known: readonly string[] = [],
): Promise<string[]> {
  const listed = factory.databases ? await factory.databases().catch(() => []) : []
  const names = new Set([...known, ...listed.map((d) => d.name ?? '').filter(matches)])
  await Promise.all([...names].map((n) => deleteDatabase(factory, n)))
  return [...names]
}

/** Everything this tab keeps in sessionStorage about boards (refusal notices, kept work). */
export function clearSessionNotes(storage: Storage, boardId?: string): void {
  const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? '')
  for (const key of keys) {
    if (!isAnyCopy(key)) continue
    if (boardId === undefined || key.endsWith(`:${boardId}`)) storage.removeItem(key)
  }
}

export type OfflineCopy = {
  /** Deletes this board's stores from the browser; nothing is written to them afterwards. */
  forget(userId?: string): Promise<void>
  /** Replaces the board's store by the document's state now (earlier updates are gone). */
  compact(): Promise<void>
  destroy(): void
}

const WITHDRAWN_KEY = 'compactedWithdrawn'

export function openOfflineCopy(boardId: string, doc: Y.Doc, clearUndo: () => void): OfflineCopy {
  const persistence = new IndexeddbPersistence(offlineCopyName(boardId), doc)
  let forgotten = false
  let running: Promise<void> = Promise.resolve()

  const compactNow = async () => {
    await persistence.whenSynced
    const db = persistence.db
    if (forgotten || !db) return
    collectDeleted(doc, clearUndo)
    // Encoded and replaced in one tick: updates after it go to later transactions of the store.
    const tx = db.transaction(['updates', 'custom'], 'readwrite')
    const updates = tx.objectStore('updates')
    updates.clear()
    updates.add(Y.encodeStateAsUpdate(doc))
    tx.objectStore('custom').put(withdrawnMap(doc).size, WITHDRAWN_KEY)
    await done(tx)
  }
  const compact = () => (running = running.then(compactNow, compactNow))

  // A new withdrawn id: live, or arriving from the server after this copy was offline.
  const onWithdrawn = (e: Y.YMapEvent<unknown>) => {
    if (e.transaction.origin === persistence) return
    if ([...e.changes.keys.values()].some((c) => c.action === 'add')) queueMicrotask(() => void compact())
  }
  withdrawnMap(doc).observe(onWithdrawn)
  // A compaction cut short (the tab closed): the stored count tells on the next load.
  void persistence.whenSynced
    .then(() => persistence.get(WITHDRAWN_KEY))
    .then((count) => {
      if (withdrawnMap(doc).size > (typeof count === 'number' ? count : 0)) void compact()
    })
    .catch(() => undefined)

  return {
    async forget(userId) {
      forgotten = true
      withdrawnMap(doc).unobserve(onWithdrawn)
      await running.catch(() => undefined)
      await persistence.destroy()
      await deleteCopies(indexedDB, (n) => isBoardCopy(n, boardId), knownCopies(boardId, userId))
    },
    compact,
    destroy() {
      withdrawnMap(doc).unobserve(onWithdrawn)
      void persistence.destroy()
    },
  }
}
