// Where a condition card raised from below sits on its board once a member moved it: the card
// itself lives in the server-only `conditions` root, its place in the client-written `placements`
// root (conditionId → { pos }), so moving and grouping it works like a story. Entries for cards
// that do not exist (never raised here, or written by a hostile client) are ignored. Pure module.
import type * as Y from 'yjs'
import { z } from 'zod'
import { Point } from './geometry.ts'
import { conditionsMap, placementsMap } from './layout.ts'

export const CardPlacement = z.object({ pos: Point })
export type CardPlacement = z.infer<typeof CardPlacement>

/** The ids of the condition cards on this board (the server's cards, whatever they hold). */
export const conditionIds = (doc: Y.Doc): Set<string> => new Set(conditionsMap(doc).keys())

/** Valid placements of cards that exist, by condition id. */
export function readPlacements(doc: Y.Doc): Map<string, CardPlacement> {
  const cards = conditionIds(doc)
  const out = new Map<string, CardPlacement>()
  for (const [id, raw] of placementsMap(doc).entries()) {
    if (!cards.has(id)) continue
    const parsed = CardPlacement.safeParse(raw)
    if (parsed.success) out.set(id, parsed.data)
  }
  return out
}
