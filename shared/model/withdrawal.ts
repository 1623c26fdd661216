// Withdrawal: a person takes their story back. The story leaves the document (text, fields and
// membership), a `withdrawn` mark keeps its place and time without any content, and its id may
// never come back (the server refuses updates under it). Other boards hold no quote of it (their
// cards' quotes are resolved when read). Pure module: Yjs only; storage compaction is the server's part.
import * as Y from 'yjs'
import { z } from 'zod'
import { DEFAULT_STORY_SIZE, Point, Size } from './geometry.ts'
import { membersMap, ROOT, storiesMap, type Origin } from './layout.ts'
import { STORY_KEYS as K } from './story.ts'
import { fail, ok, type Result } from '../result.ts'

export const WithdrawnMark = z.object({ pos: Point, size: Size, at: z.string() })
export type WithdrawnMark = z.infer<typeof WithdrawnMark>

export const withdrawnMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(ROOT.withdrawn)

export function readWithdrawn(doc: Y.Doc): Array<WithdrawnMark & { id: string }> {
  const out: Array<WithdrawnMark & { id: string }> = []
  for (const [id, value] of withdrawnMap(doc).entries()) {
    const parsed = WithdrawnMark.safeParse(value)
    if (parsed.success) out.push({ id, ...parsed.data })
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1))
}

/**
 * Removes a story from a document and leaves a withdrawn mark (its place and time, no content).
 * With `required` false (a board's restricted document) a missing story is not an error: the mark
 * is written all the same, so that document refuses the id too.
 */
export function withdrawStory(doc: Y.Doc, id: string, at: string, origin: Origin, required = true): Result<{ removed: boolean }> {
  const stories = storiesMap(doc)
  const map = stories.get(id)
  const marks = withdrawnMap(doc)
  if (required && !(map instanceof Y.Map) && !marks.has(id)) return fail('not_found', `no story ${id}`)
  doc.transact(() => {
    if (!marks.has(id)) {
      const pos = Point.safeParse(map instanceof Y.Map ? map.get(K.pos) : null)
      const size = Size.safeParse(map instanceof Y.Map ? map.get(K.size) : null)
      marks.set(id, { pos: pos.success ? pos.data : { x: 0, y: 0 }, size: size.success ? size.data : DEFAULT_STORY_SIZE, at })
    }
    if (stories.has(id)) stories.delete(id)
    if (membersMap(doc).has(id)) membersMap(doc).delete(id)
  }, origin)
  return ok({ removed: map instanceof Y.Map })
}
