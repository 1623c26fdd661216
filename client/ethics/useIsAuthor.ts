// Whether this person created a story, asked of the server (its record of who created what), so
// the story's author is offered Withdraw. The document's `author` key is not evidence of it.
import { useEffect, useState } from 'react'
import { myStories } from './storiesApi.ts'

/** False until the server answers; `skip` when the answer would change nothing (facilitators). */
export function useIsAuthor(boardId: string, storyId: string, skip: boolean): boolean {
  const [author, setAuthor] = useState<{ storyId: string; yes: boolean } | null>(null)
  useEffect(() => {
    if (skip) return
    let live = true
    void myStories(boardId).then((r) => {
      if (live) setAuthor({ storyId, yes: r.ok && r.value.storyIds.includes(storyId) })
    })
    return () => {
      live = false
    }
  }, [boardId, storyId, skip])
  return author?.storyId === storyId && author.yes
}
