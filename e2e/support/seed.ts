// Seeds a board from Node the way an integrator would: the stock y-websocket client with the
// session token, the board written with the shared operations. Used for boards too big to type
// (the 30-story screenshot, the 5,000-story benchmark). Resolves once a second, fresh client
// reads every story back from the server, so the seed is stored, not just sent.
import * as Y from 'yjs'
import { storiesMap } from '../../shared/model/layout.ts'
import { seedFragment, type Run } from '../../shared/model/richText.ts'
import { STORY_COLOURS } from '../../shared/model/geometry.ts'
import { STORY_KEYS, type StoryFields } from '../../shared/model/story.ts'
import { createStory } from '../../shared/ops/story.ts'
import { connectClient, waitFor } from '../../server/testing/harness.ts'

export type SeedStory = {
  pos: { x: number; y: number }
  size?: { w: number; h: number }
  colour?: string
  /** Paragraphs of runs (bold, italic) or plain text, one paragraph per line. */
  text: Run[][] | string
  fields?: StoryFields
}

const connect = (baseUrl: string, boardId: string, token: string) =>
  connectClient(baseUrl.replace(/^http/, 'ws') + '/sync', boardId, { token })


const asRuns = (text: Run[][] | string): Run[][] =>
  typeof text === 'string' ? text.split('\n').map((line) => (line ? [{ text: line }] : [])) : text

/** Whether `reader` has everything `writer` has (state vectors). */
const covers = (reader: Y.Doc, writer: Y.Doc): boolean => {
  const have = Y.decodeStateVector(Y.encodeStateVector(reader))
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(writer)))
    if ((have.get(client) ?? 0) < clock) return false
  return true
}

/**
 * Connects to the board, lets `write` change the document (call it with several transactions to
 * send in batches; it may be async), and resolves once a fresh client reads all of it back.
 */
export async function writeBoard<T>(
  baseUrl: string,
  token: string,
  boardId: string,
  write: (doc: Y.Doc, drained: () => Promise<void>) => T | Promise<T>,
  timeoutMs = 120_000,
): Promise<T> {
  const writer = connect(baseUrl, boardId, token)
  try {
    await waitFor(() => writer.provider.synced, timeoutMs, 'the writer to sync', 20)
    const drained = () =>
      waitFor(() => (writer.provider.ws?.bufferedAmount ?? 0) === 0, timeoutMs, 'the socket to drain', 20)
    const result = await write(writer.doc, drained)
    await drained()
    const reader = connect(baseUrl, boardId, token)
    try {
      await waitFor(() => reader.provider.synced && covers(reader.doc, writer.doc), timeoutMs, 'a fresh client to read everything back', 20)
    } finally {
      reader.destroy()
    }
    return result
  } finally {
    writer.destroy()
  }
}

/** Adds a story with rich text inside the current transaction; returns its id. */
export function addStory(doc: Y.Doc, s: SeedStory): string {
  const made = createStory(
    doc,
    { pos: s.pos, size: s.size, colour: s.colour, fields: s.fields },
    { kind: 'local' },
  )
  if (!made.ok) throw new Error(`seed: ${made.error.message}`)
  const fragment = storiesMap(doc).get(made.value.id)?.get(STORY_KEYS.text)
  if (fragment instanceof Y.XmlFragment) seedFragment(fragment, asRuns(s.text))
  return made.value.id
}

/** Adds the stories to the board (in batches of `batch` per transaction); returns their ids. */
export function seedStories(
  baseUrl: string,
  token: string,
  boardId: string,
  stories: readonly SeedStory[],
  { batch = 250, timeoutMs = 120_000 } = {},
): Promise<string[]> {
  return writeBoard(
    baseUrl,
    token,
    boardId,
    async (doc, drained) => {
      const ids: string[] = []
      for (let start = 0; start < stories.length; start += batch) {
        doc.transact(() => {
          for (const s of stories.slice(start, start + batch)) ids.push(addStory(doc, s))
        })
        // Let the socket drain between batches rather than queueing megabytes at once.
        await drained()
      }
      return ids
    },
    timeoutMs,
  )
}

/** A grid of `count` stories with short rich text and filled-in fields, like a real session. */
export function storyGrid(
  count: number,
  { columns = Math.ceil(Math.sqrt(count * 1.6)), gapX = 220, gapY = 170 } = {},
): SeedStory[] {
  const TEXTS = [
    'Families found the drop-in easier than booking',
    'Waiting list shrank once we called people back',
    'Staff said the new rota gave them time to listen',
    'Two people stopped coming after the venue moved',
    'Peer mentors spotted problems a week earlier',
    'Letters in plain English halved the missed appointments',
  ]
  const ROLES = ['Frontline worker', 'Parent', 'Team lead', 'Volunteer', 'Commissioner']
  const TAGS = ['trust', 'access', 'waiting times', 'relationships', 'funding', 'housing']
  const OUTCOMES = ['better', 'worse', 'mixed', 'unclear'] as const
  return Array.from({ length: count }, (_, i) => {
    const [head, ...rest] = TEXTS[i % TEXTS.length]!.split(' ')
    return {
      pos: { x: (i % columns) * gapX, y: Math.floor(i / columns) * gapY },
      colour: STORY_COLOURS[i % STORY_COLOURS.length],
      text: [
        [{ text: `${head} `, marks: ['bold'] }, { text: rest.join(' ') }],
        [{ text: `story ${i + 1}`, marks: ['italic'] }],
      ],
      fields: {
        tellerRole: ROLES[i % ROLES.length],
        tags: [TAGS[i % TAGS.length]!],
        outcome: OUTCOMES[i % OUTCOMES.length],
      },
    }
  })
}
