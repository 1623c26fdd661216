// Reveal: every participant's private drafts move into the board document (without author on an
// anonymous board), each to a free place near where its author put it, then the drafts are
// emptied. Idempotent by story id, so a retry after a failure neither loses nor duplicates a story.
import * as Y from 'yjs'
import { parseRoom } from '../../shared/model/facilitation.ts'
import { storiesMap } from '../../shared/model/layout.ts'
import { STORY_KEYS } from '../../shared/model/story.ts'
import { zAbove } from '../../shared/model/zorder.ts'
import type { Storage } from '../storage/types.ts'
import type { Rooms } from '../sync/rooms.ts'
import { boxOf, freePlace, type Box } from '../../shared/model/freePlace.ts'

type Draft = { id: string; values: Array<[string, unknown]>; text: Array<Y.XmlElement | Y.XmlText> }

export async function revealDrafts(storage: Storage, rooms: Rooms, boardId: string, anonymous: boolean): Promise<number> {
  let moved = 0
  for (const room of await storage.docs.roomsWithPrefix(`${boardId}~draft~`)) {
    const drafts = await rooms.read(room, (doc): Draft[] =>
      [...storiesMap(doc).entries()].flatMap(([id, map]) => {
        if (!(map instanceof Y.Map)) return []
        const values: Array<[string, unknown]> = []
        let text: Array<Y.XmlElement | Y.XmlText> = []
        for (const [key, value] of map.entries()) {
          if (key === STORY_KEYS.text && value instanceof Y.XmlFragment) {
            // Detached copies: they can be inserted into the board document.
            text = value.toArray().flatMap((n) => (n instanceof Y.XmlElement || n instanceof Y.XmlText ? [n.clone()] : []))
          } else if (!(anonymous && key === STORY_KEYS.author)) values.push([key, value])
        }
        return [{ id, values, text }]
      }),
    )
    if (drafts.length === 0) continue
    const revealed: string[] = []
    await rooms.change(
      boardId,
      (doc) => {
        const stories = storiesMap(doc)
        const taken = [...stories.values()].flatMap((m): Box[] => {
          const b = m instanceof Y.Map ? boxOf(m.get(STORY_KEYS.pos), m.get(STORY_KEYS.size)) : null
          return b ? [b] : []
        })
        for (const d of drafts) {
          if (stories.has(d.id)) continue
          const map = new Y.Map<unknown>()
          for (const [key, value] of d.values) map.set(key, value)
          // Read from the draft's values: a Y.Map not yet in a document cannot be read.
          const value = (key: string) => d.values.find(([k]) => k === key)?.[1]
          const box = boxOf(value(STORY_KEYS.pos), value(STORY_KEYS.size))
          if (box) {
            const place = freePlace(box, taken)
            map.set(STORY_KEYS.pos, place)
            taken.push({ ...box, ...place })
          }
          const zs = [...stories.values()].map((m) => m.get(STORY_KEYS.z)).filter((z): z is string => typeof z === 'string')
          map.set(STORY_KEYS.z, zAbove(zs))
          const fragment = new Y.XmlFragment()
          map.set(STORY_KEYS.text, fragment)
          stories.set(d.id, map)
          fragment.insert(0, d.text)
          revealed.push(d.id)
          moved++
        }
      },
      'reveal',
    )
    // The draft room's owner wrote them (withdrawal rights); anonymous boards record no one.
    const owner = parseRoom(room)?.draftOf
    if (owner && !anonymous && revealed.length) await storage.storyAuthors.record(boardId, owner, revealed, new Date().toISOString())
    await rooms.change(room, (doc) => storiesMap(doc).clear(), 'drafts revealed')
  }
  return moved
}
