// Who wrote a story, for withdrawal rights: read only from the server's own record (story_authors),
// written when a person's socket adds a story, when drafts are revealed and when a restricted
// story is created. Never from the document's `author` key, which any editor can write.
import type { Storage } from '../storage/types.ts'
import type { Rooms } from '../sync/rooms.ts'

type Deps = { storage: Storage; rooms: Rooms }

/** Waits until a loaded board's accepted writes have their authors recorded (without loading it). */
async function settled(rooms: Rooms, boardId: string): Promise<void> {
  const room = await rooms.peek(boardId)
  await room?.idle()
}

export async function authorOf({ storage, rooms }: Deps, boardId: string, storyId: string): Promise<string | null> {
  await settled(rooms, boardId)
  return storage.storyAuthors.authorOf(boardId, storyId)
}

export async function storiesBy({ storage, rooms }: Deps, boardId: string, userId: string): Promise<string[]> {
  await settled(rooms, boardId)
  return storage.storyAuthors.storiesBy(boardId, userId)
}
