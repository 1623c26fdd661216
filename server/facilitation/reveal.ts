// Reveal: every participant's private drafts move into the board document (without author on an
// anonymous board) in ONE change and in random order, so neither the frames nor the stored log
// group the stories by writer; each goes to a free place near where its author put it. A draft is
// client-written data: it is read like any client record (validated plain values, rich text within
// the editor's schema) and passes the same guards as a socket update (no withdrawn id, nothing
// overwritten, a restricted story only through the server's restricted path); what fails is
// counted, never thrown. Drafts of people who may no longer write stay unrevealed. Then the draft
// rooms are emptied and deleted with their stored history: a draft room's name is its writer's id
// and its history keeps the ids of the stories they wrote. Idempotent by story id.
import { randomInt } from 'node:crypto'
import * as Y from 'yjs'
import { parseRoom } from '../../shared/model/facilitation.ts'
import { storiesMap } from '../../shared/model/layout.ts'
import { STORY_KEYS } from '../../shared/model/story.ts'
import { CLOSE } from '../../shared/protocol/closeCodes.ts'
import type { Storage } from '../storage/types.ts'
import type { Rooms } from '../sync/rooms.ts'
import { boxOf, freePlace, type Box } from '../../shared/model/freePlace.ts'
import { can } from '../../shared/access/roles.ts'
import { readDraft, type CheckedDraft } from '../../shared/model/draft.ts'
import type { Origin } from '../../shared/model/layout.ts'
import type { Story } from '../../shared/model/story.ts'
import { withdrawnMap } from '../../shared/model/withdrawal.ts'
import { writeRich } from '../../shared/export/richDoc.ts'
import { createStory } from '../../shared/ops/story.ts'
import { createRestricted } from '../ethics/sensitivity.ts'

const ORIGIN: Origin = { kind: 'server', reason: 'reveal' }

/** A draft that passed the model's reader, with the room it came from. */
type Draft = CheckedDraft & { room: string }

/** Every draft of a room, read like any client-written record; what cannot be a story is counted. */
const readDrafts = (room: string) => (doc: Y.Doc) => {
  const drafts: Draft[] = []
  let invalid = 0
  for (const [id, map] of storiesMap(doc).entries()) {
    const checked = readDraft(id, map, [])
    if (checked) drafts.push({ ...checked, room })
    else invalid++
  }
  return { drafts, ids: [...storiesMap(doc).keys()], invalid }
}

/** What a reveal did: stories revealed, drafts refused (and why), people skipped. */
export type Reveal = {
  revealed: number
  /** Revealed as restricted stories: their content went to the restricted room, not the board. */
  restricted: number
  /** Drafts the board did not take: invalid, withdrawn ids, ids already on the board. */
  refused: number
  /** People whose drafts stayed: no longer a contributor on the board. */
  skipped: number
}

/** Fisher–Yates with a cryptographic source: the order must not hint at who wrote what. */
function shuffled<T>(items: T[]): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

export async function revealDrafts(
  storage: Storage,
  rooms: Rooms,
  boardId: string,
  anonymous: boolean,
): Promise<Reveal> {
  const result: Reveal = { revealed: 0, restricted: 0, refused: 0, skipped: 0 }
  const byRoom: Array<{ room: string; ids: string[] }> = []
  const all: Draft[] = []
  for (const room of await storage.docs.roomsWithPrefix(`${boardId}~draft~`)) {
    // Only people who may still write here are revealed: a removed or demoted member's drafts stay.
    const owner = parseRoom(room)?.draftOf
    const membership = owner ? await storage.memberships.get(boardId, owner) : null
    if (!membership || !can(membership.role, 'editBoard')) {
      result.skipped++
      continue
    }
    const read = await rooms.read(room, readDrafts(room))
    byRoom.push({ room, ids: read.ids })
    all.push(...read.drafts)
    result.refused += read.invalid
  }
  const revealed = new Set<string>()
  const author = (d: Draft) => (anonymous ? undefined : d.story.author)
  const fieldsOf = (story: Story) => {
    const { experiment, tellerRole, date, tags, outcome, measures, sensitivity, consent } = story
    return Object.fromEntries(
      Object.entries({
        experiment,
        tellerRole,
        date,
        tags,
        outcome,
        measures,
        sensitivity,
        consent,
      }).filter(([, v]) => v !== undefined),
    )
  }
  const order = shuffled(all)
  // Restricted drafts become restricted stories: content in the restricted room, a placeholder here.
  for (const d of order.filter((d) => d.story.sensitivity === 'restricted')) {
    const made = await createRestricted({ storage, rooms }, boardId, {
      id: d.story.id,
      pos: d.story.pos,
      size: d.story.size,
      colour: d.story.colour,
      text: d.story.text,
      fields: fieldsOf(d.story),
      author: author(d),
    })
    if (made.ok) {
      revealed.add(d.story.id)
      result.restricted++
    } else result.refused++
  }
  const plain = order.filter((d) => d.story.sensitivity !== 'restricted')
  if (plain.length) {
    await rooms.change(
      boardId,
      (doc) => {
        const stories = storiesMap(doc)
        const withdrawn = withdrawnMap(doc)
        const taken = [...stories.values()].flatMap((m): Box[] => {
          const b = m instanceof Y.Map ? boxOf(m.get(STORY_KEYS.pos), m.get(STORY_KEYS.size)) : null
          return b ? [b] : []
        })
        for (const d of plain) {
          const { story } = d
          // The same guards as a socket update: a withdrawn id never comes back, nothing is overwritten.
          if (stories.has(story.id) || withdrawn.has(story.id)) {
            result.refused++
            continue
          }
          const place = freePlace({ ...story.pos, ...story.size }, taken)
          const made = createStory(
            doc,
            {
              id: story.id,
              pos: place,
              size: story.size,
              colour: story.colour,
              fields: fieldsOf(story),
              author: author(d),
            },
            ORIGIN,
          )
          if (!made.ok) {
            result.refused++
            continue
          }
          taken.push({ ...story.size, ...place })
          const fragment = (stories.get(story.id) as Y.Map<unknown>).get(
            STORY_KEYS.text,
          ) as Y.XmlFragment
          writeRich(fragment, d.rich)
          revealed.add(story.id)
        }
      },
      'reveal',
    )
  }
  result.revealed = revealed.size
  let deleted = 0
  for (const { room, ids } of byRoom) {
    // The draft room's owner wrote them (withdrawal rights); anonymous boards record no one.
    const owner = parseRoom(room)?.draftOf
    const mine = ids.filter((id) => revealed.has(id))
    if (owner && !anonymous && mine.length)
      await storage.storyAuthors.record(boardId, owner, mine, new Date().toISOString())
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
  return result
}
