// Quotes on linked boards, resolved when read (evidence by reference). A condition card or a peer
// reference holds no story's words; the server looks up its own record of the raise or share
// (source board, pattern, target board) and reads the source board's current document under its
// rules (shared/model/carried.ts linkedQuotes: working stories whose consent covers linked boards
// and quotes). Ids found in a document, an import file or a version grant nothing: only a record
// whose target is the reading board does, so a withdrawal or restriction takes effect at the next
// read, everywhere, with no copy to chase.
import { linkedQuotes } from '../../shared/model/carried.ts'
import type { CardQuotes, CarriedQuote } from '../../shared/model/condition.ts'
import type { ConditionRecord, ShareRecord, Storage } from '../storage/types.ts'
import type { Rooms } from '../sync/rooms.ts'
import { conditionChain } from './chain.ts'

export type QuoteDeps = { storage: Storage; rooms: Rooms }

/** The quotes of a pattern on its source board now; none when the board or pattern is gone. */
async function fromSource({ storage, rooms }: QuoteDeps, sourceBoard: string, patternId: string): Promise<CarriedQuote[]> {
  if (!(await storage.boards.get(sourceBoard))) return []
  return (await rooms.read(sourceBoard, (doc) => linkedQuotes(doc, patternId))) ?? []
}

/** A condition card's quotes follow the evidence chain below it (cycles/chain.ts). */
export const conditionQuotes = async (deps: QuoteDeps, c: ConditionRecord): Promise<CarriedQuote[]> =>
  (await conditionChain(deps, c)).quotes

/**
 * A peer reference's quotes follow the same live rule as the rest of the card: only while the two
 * boards are linked as peers (server/cycles/sharing.ts).
 */
export async function shareQuotes(deps: QuoteDeps, s: ShareRecord): Promise<CarriedQuote[]> {
  const link = await deps.storage.links.between(s.sourceBoard, s.targetBoard)
  if (link?.status !== 'active' || link.kind !== 'horizontal') return []
  return fromSource(deps, s.sourceBoard, s.sourcePattern)
}

/**
 * Quotes for every card on a board, for its exports: each card id is looked up in the server's
 * records and counts only when the record's target is this board.
 */
export async function boardCardQuotes(deps: QuoteDeps, boardId: string, ids: { conditions: string[]; references: string[] }): Promise<CardQuotes> {
  const out: CardQuotes = { conditions: {}, references: {} }
  for (const id of ids.conditions) {
    const c = await deps.storage.conditions.get(id)
    if (c?.targetBoard === boardId) out.conditions[id] = await conditionQuotes(deps, c)
  }
  for (const id of ids.references) {
    const s = await deps.storage.shares.get(id)
    if (s?.targetBoard === boardId) out.references[id] = await shareQuotes(deps, s)
  }
  return out
}
