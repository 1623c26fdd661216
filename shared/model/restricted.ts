// Restricted stories: their text and fields live in the board's restricted document (room
// `<board>~restricted`, owners and facilitators only). The shared board document keeps a
// placeholder at the same place: id, position, size, colour, z-order, the sensitivity marker and
// timestamps; no text, no fields, not even a length. Pattern membership stays in the `members`
// root, so the placeholder still counts as evidence. Pure module: Yjs only; the server moves
// content between the two documents, clients never do.
import * as Y from 'yjs'
import { storiesMap, type Origin } from './layout.ts'
import { readStory } from './readBoard.ts'
import { STORY_KEYS as K, type Sensitivity, type Story } from './story.ts'
import { fail, ok, type Problem, type Result } from '../result.ts'

export const restrictedRoom = (boardId: string): string => `${boardId}~restricted`

/** What a placeholder keeps in the shared document. */
export const PLACEHOLDER_KEYS: ReadonlySet<string> = new Set([
  K.id,
  K.pos,
  K.size,
  K.colour,
  K.z,
  K.sensitivity,
  K.createdAt,
  K.updatedAt,
])

/** What a client may still change on a placeholder in the shared document (moving, sizing it). */
export const PLACEHOLDER_WRITABLE_KEYS: ReadonlySet<string> = new Set([K.pos, K.size, K.colour, K.z, K.updatedAt])

/** A story's content: every value outside the placeholder keys, and its rich text as detached copies. */
export type StoryContent = { values: Array<[string, unknown]>; text: Array<Y.XmlElement | Y.XmlText> }

export function contentOf(map: Y.Map<unknown>): StoryContent {
  const values: Array<[string, unknown]> = []
  let text: StoryContent['text'] = []
  for (const [key, value] of map.entries()) {
    if (key === K.text && value instanceof Y.XmlFragment) {
      text = value.toArray().flatMap((n) => (n instanceof Y.XmlElement || n instanceof Y.XmlText ? [n.clone()] : []))
    } else if (!PLACEHOLDER_KEYS.has(key) && !(value instanceof Y.AbstractType)) values.push([key, value])
  }
  return { values, text }
}

const storyMap = (doc: Y.Doc, id: string): Y.Map<unknown> | null => {
  const map = storiesMap(doc).get(id)
  return map instanceof Y.Map ? map : null
}

/**
 * Turns a story of the shared document into a placeholder and returns the content it held. Every
 * key outside the placeholder's goes, so in a garbage-collected document nothing of it remains.
 */
export function toPlaceholder(doc: Y.Doc, id: string, origin: Origin): Result<StoryContent> {
  const map = storyMap(doc, id)
  if (!map) return fail('not_found', `no story ${id}`)
  const content = contentOf(map)
  doc.transact(() => {
    for (const key of [...map.keys()]) if (!PLACEHOLDER_KEYS.has(key)) map.delete(key)
    map.set(K.sensitivity, 'restricted')
    map.set(K.updatedAt, Date.now())
  }, origin)
  return ok(content)
}

/** Writes content into a story map (replacing whatever content it had), with a sensitivity. */
function writeContent(map: Y.Map<unknown>, content: StoryContent, sensitivity: Sensitivity): void {
  for (const key of [...map.keys()]) if (!PLACEHOLDER_KEYS.has(key)) map.delete(key)
  for (const [key, value] of content.values) map.set(key, value)
  const fragment = new Y.XmlFragment()
  map.set(K.text, fragment)
  fragment.insert(0, content.text)
  map.set(K.sensitivity, sensitivity)
  map.set(K.updatedAt, Date.now())
}

/** Puts a story's content into the restricted document (a map with its id and the content only). */
export function putRestricted(doc: Y.Doc, id: string, content: StoryContent, createdAt: number, origin: Origin): void {
  doc.transact(() => {
    let map = storyMap(doc, id)
    if (!map) {
      map = new Y.Map<unknown>()
      map.set(K.id, id)
      map.set(K.createdAt, createdAt)
      storiesMap(doc).set(id, map)
    }
    writeContent(map, content, 'restricted')
  }, origin)
}

/** Takes a story's content out of the restricted document, deleting it there. */
export function takeRestricted(doc: Y.Doc, id: string, origin: Origin): StoryContent | null {
  const map = storyMap(doc, id)
  if (!map) return null
  const content = contentOf(map)
  doc.transact(() => storiesMap(doc).delete(id), origin)
  return content
}

/** Fills a placeholder of the shared document with content again, at a lower sensitivity. */
export function fromPlaceholder(
  doc: Y.Doc,
  id: string,
  content: StoryContent,
  sensitivity: Exclude<Sensitivity, 'restricted'>,
  origin: Origin,
): Result<null> {
  const map = storyMap(doc, id)
  if (!map) return fail('not_found', `no story ${id}`)
  doc.transact(() => writeContent(map, content, sensitivity), origin)
  return ok(null)
}

/** Whether a story of the shared document is a restricted placeholder. */
export const isPlaceholder = (map: unknown): boolean => map instanceof Y.Map && map.get(K.sensitivity) === 'restricted'

/**
 * A restricted story as an owner or facilitator sees it: the placeholder's place with the content
 * from the restricted document. Null when either part is missing or unreadable.
 */
export function readRestrictedStory(id: string, placeholder: unknown, content: unknown, problems: Problem[]): Story | null {
  if (!(placeholder instanceof Y.Map) || !(content instanceof Y.Map)) return null
  const merged = new Y.Doc({ gc: true })
  // Read through the tolerant reader on a throwaway map: the same validation as every story.
  const map = merged.getMap<unknown>('story')
  const raw = new Y.Map<unknown>()
  map.set('s', raw)
  for (const [key, value] of placeholder.entries()) if (PLACEHOLDER_KEYS.has(key)) raw.set(key, value)
  for (const [key, value] of content.entries()) {
    if (key === K.text && value instanceof Y.XmlFragment) {
      const fragment = new Y.XmlFragment()
      raw.set(K.text, fragment)
      fragment.insert(0, value.toArray().flatMap((n) => (n instanceof Y.XmlElement || n instanceof Y.XmlText ? [n.clone()] : [])))
    } else if (!PLACEHOLDER_KEYS.has(key) && !(value instanceof Y.AbstractType)) raw.set(key, value)
  }
  const story = readStory(id, raw, problems)
  merged.destroy()
  return story
}

/** Adds a placeholder to the shared document (a restricted story written straight to the server). */
export function putPlaceholder(doc: Y.Doc, id: string, values: Array<[string, unknown]>, z: string, origin: Origin): Result<null> {
  const stories = storiesMap(doc)
  if (stories.has(id)) return fail('conflict', `story ${id} already exists`)
  doc.transact(() => {
    const map = new Y.Map<unknown>()
    for (const [key, value] of values) if (PLACEHOLDER_KEYS.has(key) && !(value instanceof Y.AbstractType)) map.set(key, value)
    map.set(K.id, id)
    map.set(K.z, z)
    map.set(K.sensitivity, 'restricted')
    stories.set(id, map)
  }, origin)
  return ok(null)
}
