// Board history: named versions on request, automatic ones while people work (at most one per
// interval of activity), and restore of any version as a new board. A version is the compacted
// state of the board's shared document (never the restricted room or private drafts).
import * as Y from 'yjs'
import { newId } from '../../shared/model/ids.ts'
import type { Log } from '../log.ts'
import type { Storage, VersionRecord } from '../storage/types.ts'
import type { Rooms } from '../sync/rooms.ts'

export const KEEP_AUTO_VERSIONS = 50

export async function saveVersion(
  storage: Storage,
  rooms: Rooms,
  boardId: string,
  v: { kind: VersionRecord['kind']; name: string | null; createdBy: string | null },
): Promise<VersionRecord> {
  const state = await rooms.read(boardId, (doc) => Y.encodeStateAsUpdateV2(doc))
  const saved = await storage.versions.save({ id: newId(), boardId, ...v, createdAt: new Date().toISOString() }, state)
  if (v.kind === 'auto') {
    const autos = (await storage.versions.list(boardId, 500)).filter((x) => x.kind === 'auto')
    for (const old of autos.slice(KEEP_AUTO_VERSIONS)) await storage.versions.delete(boardId, old.id)
  }
  return saved
}

/**
 * Automatic versions: told of every content change, it saves one when the board's newest version
 * is older than `everyMs`. Per-board state lives in this instance only; the check against storage
 * keeps instances (and restarts) from saving more than one per interval each.
 */
export class AutoVersions {
  private readonly lastCheck = new Map<string, number>()
  private readonly busy = new Set<string>()
  private readonly timers = new Set<NodeJS.Timeout>()

  constructor(private readonly deps: { storage: Storage; rooms: () => Rooms; log: Log; everyMs: number }) {}

  activity(boardId: string): void {
    if (boardId.includes('~')) return
    const now = Date.now()
    if (this.busy.has(boardId) || now - (this.lastCheck.get(boardId) ?? 0) < this.deps.everyMs) return
    this.lastCheck.set(boardId, now)
    this.busy.add(boardId)
    // Not inside the change that told us: the room is mid-transaction.
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      void this.maybeSave(boardId, now).finally(() => this.busy.delete(boardId))
    }, 0)
    this.timers.add(timer)
  }

  private async maybeSave(boardId: string, now: number): Promise<void> {
    try {
      const [newest] = await this.deps.storage.versions.list(boardId, 1)
      if (newest && now - Date.parse(newest.createdAt) < this.deps.everyMs) return
      await saveVersion(this.deps.storage, this.deps.rooms(), boardId, { kind: 'auto', name: null, createdBy: null })
    } catch (e) {
      this.deps.log.warn('auto version failed', { boardId, error: e instanceof Error ? e.message : String(e) })
    }
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
  }
}
