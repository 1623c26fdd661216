// Patterns shared with a peer cycle as read-only reference cards that stay in step: when a
// board's stories, patterns or memberships change, the server recomputes what it shares
// (sensitivity rules as for raising) and updates the peers' reference cards, while they are linked.
import { carriedPattern } from '../../shared/model/carried.ts'
import type { PatternReference } from '../../shared/model/condition.ts'
import { ROOT } from '../../shared/model/layout.ts'
import type { Log } from '../log.ts'
import type { Storage } from '../storage/types.ts'
import type { Rooms } from '../sync/rooms.ts'
import { Settle } from './settle.ts'

const SETTLE_MS = 1000

export class PatternSharing {
  private readonly settle: Settle

  constructor(private readonly deps: { storage: Storage; rooms: () => Rooms; log: Log }) {
    this.settle = new Settle(
      SETTLE_MS,
      (boardId) => this.refresh(boardId),
      (boardId, e) => deps.log.warn('share_refresh_failed', { board: boardId, error: e.message }),
    )
  }

  /** A board's content changed; its shares are refreshed once it settles. */
  contentChanged(boardId: string): void {
    this.settle.changed(boardId)
  }

  async refresh(boardId: string): Promise<void> {
    const { storage } = this.deps
    const rooms = this.deps.rooms()
    const shares = await storage.shares.fromBoard(boardId)
    if (shares.length === 0) return
    const source = await storage.boards.get(boardId)
    if (!source) return
    for (const share of shares) {
      // A share flows only while the boards are peers: once the link is removed (or no longer
      // active) the card stays as it was, no longer live, and nothing new reaches the other board.
      const link = await storage.links.between(boardId, share.targetBoard)
      const linked = link?.status === 'active' && link.kind === 'horizontal'
      const content = linked ? await rooms.read(boardId, (doc) => carriedPattern(doc, share.sourcePattern)) : null
      await rooms.change(
        share.targetBoard,
        (doc) => {
          const map = doc.getMap(ROOT.references)
          const previous = map.get(share.id) as PatternReference | undefined
          const next: PatternReference = content
            ? {
                id: share.id,
                ...content,
                source: { boardId, title: source.title, scale: source.scale, patternId: share.sourcePattern },
                live: true,
                updatedAt: previous?.updatedAt ?? share.createdAt,
              }
            : { ...(previous as PatternReference), live: false }
          if (!previous && !content) return
          const same = previous && JSON.stringify({ ...previous, updatedAt: '' }) === JSON.stringify({ ...next, updatedAt: '' })
          if (!same) map.set(share.id, { ...next, updatedAt: new Date().toISOString() })
        },
        'pattern reference',
      )
    }
  }

  stop(): void {
    this.settle.stop()
  }
}
