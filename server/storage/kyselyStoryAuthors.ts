// Story authorship over Kysely: one row per story, the first creator kept (insert or ignore).
import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'
import type { StoryAuthorStore } from './types.ts'

export function createStoryAuthorStore(db: Kysely<Database>): StoryAuthorStore {
  return {
    async record(boardId, userId, storyIds, at) {
      const ids = [...new Set(storyIds)]
      // In chunks: a pasted batch may hold thousands of stories, past SQLite's bound-variable limit.
      for (let i = 0; i < ids.length; i += 500) {
        await db
          .insertInto('story_authors')
          .values(ids.slice(i, i + 500).map((id) => ({ board_id: boardId, story_id: id, user_id: userId, created_at: at })))
          .onConflict((oc) => oc.columns(['board_id', 'story_id']).doNothing())
          .execute()
      }
    },
    async authorOf(boardId, storyId) {
      const r = await db
        .selectFrom('story_authors')
        .select('user_id')
        .where('board_id', '=', boardId)
        .where('story_id', '=', storyId)
        .executeTakeFirst()
      return r?.user_id ?? null
    },
    async storiesBy(boardId, userId) {
      const rows = await db
        .selectFrom('story_authors')
        .select('story_id')
        .where('board_id', '=', boardId)
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .orderBy('story_id')
        .execute()
      return rows.map((r) => r.story_id)
    },
  }
}
