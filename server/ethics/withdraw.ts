// Withdrawing a story: gone from the live documents (the board's shared and restricted ones), from
// the stored history of every one of them (log, snapshot, saved versions), from boards restored
// from the board's own versions (which hold the story itself) and from the database files. Linked
// boards hold no copy of its words (evidence by reference: their cards' quotes are resolved from
// this board when read), so there is nothing to chase there. A withdrawn mark without content
// stays, and the room refuses anything written under the id again (StoryGuard).
import { storiesMap, type Origin } from '../../shared/model/layout.ts'
import { restrictedRoom } from '../../shared/model/restricted.ts'
import { withdrawStory, withdrawnMap } from '../../shared/model/withdrawal.ts'
import { fail, ok, type Result } from '../../shared/result.ts'
import { refreshRaisedEvidence } from '../cycles/raisedEvidence.ts'
import { eraseHistory, linkedBoardsMigrated, restoredDescendants, rewriteVersions, type EraseDeps } from './erase.ts'

const ORIGIN: Origin = { kind: 'server', reason: 'withdrawal' }

/** `boards`: every board whose documents and history were rewritten, this one first. */
export type Withdrawal = { boards: string[]; versions: number }

/**
 * Withdraws the story from this board and from every board restored from one of its saved
 * versions (and theirs in turn) that still holds it.
 */
export async function withdraw(deps: EraseDeps, boardId: string, storyId: string): Promise<Result<Withdrawal>> {
  const first = await withdrawHere(deps, boardId, storyId)
  if (!first.ok) return first
  // Cards raised from here, and every card above them in the chain, count it no more at once.
  await refreshRaisedEvidence(deps, boardId)
  const boards = new Set(first.value.boards)
  let versions = first.value.versions
  for (const next of await restoredDescendants(deps.storage, boardId)) {
    const there = await withdrawHere(deps, next, storyId)
    if (!there.ok) continue // restored from a version older than the story
    for (const b of there.value.boards) boards.add(b)
    versions += there.value.versions
  }
  return ok({ boards: [...boards], versions })
}

async function withdrawHere(deps: EraseDeps, boardId: string, storyId: string): Promise<Result<Withdrawal>> {
  const { rooms, storage } = deps
  const restricted = restrictedRoom(boardId)
  const present = await rooms.read(boardId, (doc) => ({
    story: storiesMap(doc).has(storyId),
    withdrawn: withdrawnMap(doc).has(storyId),
  }))
  if (!present.story && !present.withdrawn) return fail('not_found', 'no such story')
  // Boards stored before evidence by reference may still hold copied quotes: loading them runs the
  // migration that removes them from their documents, histories and versions.
  await linkedBoardsMigrated(deps, boardId)
  const at = new Date().toISOString()
  await rooms.change(boardId, (doc) => void withdrawStory(doc, storyId, at, ORIGIN), 'withdrawal')
  await rooms.change(restricted, (doc) => void withdrawStory(doc, storyId, at, ORIGIN, false), 'withdrawal')

  const versions = await rewriteVersions(storage, boardId, (doc) => {
    if (storiesMap(doc).has(storyId)) withdrawStory(doc, storyId, at, ORIGIN)
  })

  // Drafts revealed into the board still hold their text in the draft rooms' stored history.
  const drafts = await storage.docs.roomsWithPrefix(`${boardId}~draft~`)
  await eraseHistory(deps, [boardId, restricted, ...drafts])
  return ok({ boards: [boardId], versions })
}
