// The evidence on a condition card stays in step with the pattern it was raised from: counts, and
// quotes only while each story's sensitivity and consent still allow one. The name, summary and
// note stay as raised (that is what the higher cycle answers); the evidence follows, so a story
// made confidential or restricted, withdrawn, or taken out of the pattern stops being quoted up.
import { isDeepStrictEqual } from 'node:util'
import { carriedPattern } from '../../shared/model/carried.ts'
import type { ConditionCard } from '../../shared/model/condition.ts'
import { ROOT } from '../../shared/model/layout.ts'
import type { Log } from '../log.ts'
import type { Storage } from '../storage/types.ts'
import type { Rooms } from '../sync/rooms.ts'
import { chainEvidence, chainSources } from './chain.ts'
import { Settle } from './settle.ts'

const SETTLE_MS = 1000

/**
 * Recomputes the evidence of every card raised from `boardId`, over the chain below it, and then
 * of the cards raised from each board it raises to (so a story withdrawn two levels down
 * leaves every count above it); returns the boards whose cards changed. A card whose pattern is
 * gone keeps what it had.
 */
export async function refreshRaisedEvidence(
  deps: { storage: Storage; rooms: Rooms },
  boardId: string,
  visited: Set<string> = new Set(),
): Promise<string[]> {
  const { storage, rooms } = deps
  if (visited.has(boardId)) return []
  visited.add(boardId)
  const raised = (await storage.conditions.forBoards([boardId])).filter(
    (c) => c.sourceBoard === boardId,
  )
  const changed = new Set<string>()
  for (const condition of raised) {
    const exists = await rooms.read(boardId, (doc) => carriedPattern(doc, condition.sourcePattern) !== null)
    if (!exists) continue
    const content = { evidence: chainEvidence(await chainSources(deps, boardId, condition.sourcePattern)) }
    await rooms.change(
      condition.targetBoard,
      (doc) => {
        const cards = doc.getMap<unknown>(ROOT.conditions)
        const card = cards.get(condition.id) as ConditionCard | undefined
        if (!card || isDeepStrictEqual(card.evidence, content.evidence)) return
        cards.set(condition.id, { ...card, evidence: content.evidence })
        changed.add(condition.targetBoard)
      },
      'raised evidence',
    )
  }
  // Every board above, changed or not: with two paths to one story, equal counts here can still
  // change counts higher up.
  for (const target of new Set(raised.map((c) => c.targetBoard))) {
    for (const above of await refreshRaisedEvidence(deps, target, visited)) changed.add(above)
  }
  return [...changed]
}

/** Refreshes a board's raised evidence once its content settles. */
export class RaisedEvidence {
  private readonly settle: Settle

  constructor(deps: { storage: Storage; rooms: () => Rooms; log: Log }) {
    this.settle = new Settle(
      SETTLE_MS,
      async (boardId) => void (await refreshRaisedEvidence({ storage: deps.storage, rooms: deps.rooms() }, boardId)),
      (boardId, e) => deps.log.warn('raised_evidence_refresh_failed', { board: boardId, error: e.message }),
    )
  }

  contentChanged(boardId: string): void {
    this.settle.changed(boardId)
  }

  stop(): void {
    this.settle.stop()
  }
}
