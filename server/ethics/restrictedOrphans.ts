// A restricted story deleted from the board (its placeholder removed like any story) must not leave
// its text and fields behind in the restricted room, where nobody could see or withdraw them. Once
// a board settles, content whose placeholder is gone is found; it is deleted only if it is still
// orphaned a few seconds later, so a sensitivity change in flight (content first, then the
// placeholder) is never mistaken for a deletion.
import { storiesMap, type Origin } from '../../shared/model/layout.ts'
import { restrictedRoom } from '../../shared/model/restricted.ts'
import { withdrawnMap } from '../../shared/model/withdrawal.ts'
import type { Log } from '../log.ts'
import type { Storage } from '../storage/types.ts'
import type { Rooms } from '../sync/rooms.ts'
import { Settle } from '../cycles/settle.ts'

const ORIGIN: Origin = { kind: 'server', reason: 'restricted story deleted' }
const SETTLE_MS = 1000
export const RECHECK_MS = 5000

type Deps = { storage: Storage; rooms: Rooms }

/** Ids in the board's restricted room with no story (nor withdrawn mark) on the board. */
export async function orphanedRestricted({ storage, rooms }: Deps, boardId: string): Promise<string[]> {
  const room = restrictedRoom(boardId)
  const stats = await storage.docs.stats(room)
  if (stats.logCount === 0 && stats.snapshotBytes === 0) return []
  const onBoard = await rooms.read(boardId, (doc) => new Set([...storiesMap(doc).keys(), ...withdrawnMap(doc).keys()]))
  return rooms.read(room, (doc) => [...storiesMap(doc).keys()].filter((id) => !onBoard.has(id)))
}

/** Deletes those of `ids` that are still orphaned; returns how many. */
export async function dropOrphans(deps: Deps, boardId: string, ids: readonly string[]): Promise<number> {
  const still = new Set(await orphanedRestricted(deps, boardId))
  const gone = ids.filter((id) => still.has(id))
  if (gone.length === 0) return 0
  await deps.rooms.change(
    restrictedRoom(boardId),
    (doc) => doc.transact(() => gone.forEach((id) => storiesMap(doc).delete(id)), ORIGIN),
    'restricted story deleted',
  )
  return gone.length
}

export class RestrictedOrphans {
  private readonly settle: Settle
  private readonly rechecks = new Set<NodeJS.Timeout>()

  constructor(private readonly deps: { storage: Storage; rooms: () => Rooms; log: Log; recheckMs?: number }) {
    this.settle = new Settle(
      SETTLE_MS,
      (boardId) => this.check(boardId),
      (boardId, e) => deps.log.warn('restricted_orphans_failed', { board: boardId, error: e.message }),
    )
  }

  contentChanged(roomName: string): void {
    // Only boards: their draft and restricted rooms have no restricted rooms of their own.
    if (!roomName.includes('~')) this.settle.changed(roomName)
  }

  private async check(boardId: string): Promise<void> {
    const deps = { storage: this.deps.storage, rooms: this.deps.rooms() }
    const suspects = await orphanedRestricted(deps, boardId)
    if (suspects.length === 0) return
    const timer = setTimeout(() => {
      this.rechecks.delete(timer)
      dropOrphans(deps, boardId, suspects).catch((e: unknown) =>
        this.deps.log.warn('restricted_orphans_failed', { board: boardId, error: (e as Error).message }),
      )
    }, this.deps.recheckMs ?? RECHECK_MS)
    timer.unref()
    this.rechecks.add(timer)
  }

  stop(): void {
    this.settle.stop()
    for (const t of this.rechecks) clearTimeout(t)
    this.rechecks.clear()
  }
}
