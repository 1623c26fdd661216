// Reveal: every participant's private drafts move into the board document (without author on an
// anonymous board) in ONE change and in random order, so neither the frames nor the stored log
// group the stories by writer; each goes to a free place near where its author put it. Then the
// draft rooms are emptied and deleted with their stored history: a draft room's name is its
// writer's id and its history keeps the ids of the stories they wrote. Idempotent by story id, so
// a retry after a failure neither loses nor duplicates a story.
import { randomInt } from 'node:crypto'
import * as Y from 'yjs'
import { parseRoom } from '../../shared/model/facilitation.ts'
import { storiesMap } from '../../shared/model/layout.ts'
import { STORY_KEYS } from '../../shared/model/story.ts'
import { zAbove } from '../../shared/model/zorder.ts'
import { CLOSE } from '../../shared/protocol/closeCodes.ts'
import type { Storage } from '../storage/types.ts'
import type { Rooms } from '../sync/rooms.ts'
import { boxOf, freePlace, type Box } from '../../shared/model/freePlace.ts'

type Draft = { id: string; values: Array<[string, unknown]>; text: Array<Y.XmlElement | Y.XmlText> }

const readDrafts =
  (anonymous: boolean) =>
  (doc: Y.Doc): Draft[] =>
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
    })

/** Fisher–Yates with a cryptographic source: the order must not hint at who wrote what. */
function shuffled<T>(items: T[]): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

export async function revealDrafts(storage: Storage, rooms: Rooms, boardId: string, anonymous: boolean): Promise<number> {
  const rooms_ = await storage.docs.roomsWithPrefix(`${boardId}~draft~`)
  const byRoom: Array<{ room: string; ids: string[] }> = []
  const all: Draft[] = []
  for (const room of rooms_) {
    const drafts = await rooms.read(room, readDrafts(anonymous))
    byRoom.push({ room, ids: drafts.map((d) => d.id) })
    all.push(...drafts)
  }
  const revealed = new Set<string>()
  if (all.length) {
    await rooms.change(
      boardId,
      (doc) => {
        const stories = storiesMap(doc)
        const taken = [...stories.values()].flatMap((m): Box[] => {
          const b = m instanceof Y.Map ? boxOf(m.get(STORY_KEYS.pos), m.get(STORY_KEYS.size)) : null
          return b ? [b] : []
        })
        for (const d of shuffled(all)) {
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
          revealed.add(d.id)
        }
      },
      'reveal',
    )
  }
  let deleted = 0
  for (const { room, ids } of byRoom) {
    // The draft room's owner wrote them (withdrawal rights); anonymous boards record no one.
    const owner = parseRoom(room)?.draftOf
    const mine = ids.filter((id) => revealed.has(id))
    if (owner && !anonymous && mine.length) await storage.storyAuthors.record(boardId, owner, mine, new Date().toISOString())
    // Emptied first, so a connected draft copy learns the drafts left and never sends them back.
    let left = 0
    await rooms.change(
      room,
      (doc) => {
        const drafts = storiesMap(doc)
        for (const id of ids) drafts.delete(id)
        left = drafts.size
      },
      'drafts revealed',
    )
    // A draft written while the reveal ran stays for the next reveal.
    if (left > 0) continue
    await rooms.drop(room, CLOSE.goingAway, 'drafts revealed')
    deleted++
  }
  // Deleted rows must not be recoverable from the database files either (SQLite's WAL).
  if (anonymous && deleted) await storage.scrub?.()
  return revealed.size
}
