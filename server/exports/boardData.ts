// Reads what an export needs from the live board (through Rooms, so pending edits are in) and from
// storage (anonymous mode, the ballots of the latest vote, the quotes of the cards raised onto or
// shared with the board, resolved now from their source boards). The reading is quick; the
// rendering of heavy formats happens in a worker.
import { exportBoard } from '../../shared/export/exportBoard.ts'
import type { BoardExport } from '../../shared/export/format.ts'
import { quotesOf } from '../../shared/export/report.ts'
import { ROOT } from '../../shared/model/layout.ts'
import { readVoteSession } from '../../shared/model/vote.ts'
import type { ChainNode } from '../../shared/model/chainNode.ts'
import { provenance } from '../cycles/provenance.ts'
import { boardCardQuotes } from '../cycles/quotes.ts'
import type { BoardRecord, Storage } from '../storage/types.ts'
import type { Rooms } from '../sync/rooms.ts'

/**
 * `chains`: for each card raised onto the board, the chain below it as anyone with a role on this
 * board may see it (counts and what was carried; person-scale titles hidden), for the technical report.
 */
export type BoardData = { data: BoardExport; quotes: Record<string, string[]>; chains: Record<string, ChainNode> }

export async function readBoardData(storage: Storage, rooms: Rooms, board: BoardRecord): Promise<BoardData> {
  const sessionId = await rooms.read(board.id, (doc) => readVoteSession(doc)?.id ?? null)
  const session = sessionId ? await storage.votes.get(sessionId) : null
  // Ballots exist only for a closed vote of this board; anonymous boards erased them at the close.
  const ballots = session?.boardId === board.id && session.status === 'closed' && !board.anonymous ? await storage.votes.all(session.id) : []
  const ids = await rooms.read(board.id, (doc) => ({
    conditions: [...doc.getMap(ROOT.conditions).keys()],
    references: [...doc.getMap(ROOT.references).keys()],
  }))
  const cardQuotes = await boardCardQuotes({ storage, rooms }, board.id, ids)
  const chains: Record<string, ChainNode> = {}
  for (const id of ids.conditions) {
    const record = await storage.conditions.get(id)
    if (record?.targetBoard !== board.id) continue
    const chain = await provenance({ storage, rooms, roleOf: async () => false }, record)
    if (chain) chains[id] = chain
  }
  return rooms.read(board.id, (doc) => ({
    data: exportBoard(doc, { anonymous: board.anonymous, ballots, exportedAt: new Date().toISOString(), quotes: cardQuotes }),
    quotes: quotesOf(doc),
    chains,
  }))
}

/** A file name from the board title: letters, digits and dashes only. */
export function fileBase(title: string): string {
  const base = title.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).toLowerCase()
  return base || 'board'
}
