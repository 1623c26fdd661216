import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { DEFAULT_STORY_SIZE, STORY_COLOURS } from '../model/geometry.ts'
import { membersMap, storiesMap } from '../model/layout.ts'
import { readBoard } from '../model/readBoard.ts'
import { StoryId, type StoryFields } from '../model/story.ts'
import {
  addPattern,
  addStory,
  encoded,
  newBoard,
  ORIGIN,
  patternOf,
  storyOf,
  storyOrder,
  sync,
  unwrap,
} from '../testing/board.ts'
import {
  createStories,
  createStory,
  deleteStories,
  moveStories,
  recolourStories,
  resizeStory,
  updateStoryFields,
} from './story.ts'

describe('createStory', () => {
  it('stores a story with defaults, on top of the others', () => {
    const doc = newBoard()
    addStory(doc, 'story-1')
    const { id } = unwrap(createStory(doc, { pos: { x: 5, y: 6 } }, ORIGIN))
    expect(StoryId.safeParse(id).success).toBe(true)
    expect(storyOf(doc, id)).toMatchObject({
      pos: { x: 5, y: 6 },
      size: DEFAULT_STORY_SIZE,
      colour: STORY_COLOURS[0],
      text: '',
      tags: [],
      measures: [],
      sensitivity: 'working',
    })
    expect(storyOrder(doc)).toEqual(['story-1', id])
    expect(readBoard(doc).problems).toEqual([])
  })

  it('seeds the text as one paragraph per line', () => {
    const doc = newBoard()
    addStory(doc, 'story-1', { text: 'She kept the flat.\nRent arrears fell.' })
    expect(storyOf(doc, 'story-1')?.text).toBe('She kept the flat.\nRent arrears fell.')
  })

  it('stores every field given, including tags, measures and sensitivity', () => {
    const doc = newBoard()
    const fields: StoryFields = {
      experiment: 'Open door',
      tellerRole: 'tenant',
      date: '2024-03-01',
      tags: ['housing'],
      outcome: 'better',
      measures: [{ name: 'income', value: 120, unit: '£/month' }],
      sensitivity: 'confidential',
    }
    addStory(doc, 'story-1', { fields })
    expect(storyOf(doc, 'story-1')).toMatchObject(fields)
  })

  it('[M3] without an author stores no author key at all', () => {
    const doc = newBoard()
    addStory(doc, 'story-1')
    expect(storiesMap(doc).get('story-1')?.has('author')).toBe(false)
    expect(Object.keys(storyOf(doc, 'story-1') ?? {})).not.toContain('author')
  })

  it('[M3] with an author stores it', () => {
    const doc = newBoard()
    addStory(doc, 'story-1', { author: 'user-7' })
    expect(storyOf(doc, 'story-1')?.author).toBe('user-7')
  })

  it('refuses an id that exists with conflict and changes nothing', () => {
    const doc = newBoard()
    addStory(doc, 'story-1', { text: 'first' })
    const before = encoded(doc)
    expect(createStory(doc, { id: 'story-1', pos: { x: 1, y: 1 } }, ORIGIN)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    })
    expect(encoded(doc)).toEqual(before)
  })

  it('tags the transaction with the caller origin', () => {
    const doc = newBoard()
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    addStory(doc, 'story-1')
    expect(origins).toEqual([ORIGIN])
  })
})

describe('moveStories, resizeStory, recolourStories', () => {
  it('moves the stories it finds and counts them', () => {
    const doc = newBoard()
    addStory(doc, 'story-1')
    addStory(doc, 'story-2')
    const moves = [
      { id: 'story-1', pos: { x: 100, y: -50 } },
      { id: 'story-404', pos: { x: 1, y: 1 } },
    ]
    expect(unwrap(moveStories(doc, { moves }, ORIGIN))).toEqual({ moved: 1 })
    expect(storyOf(doc, 'story-1')?.pos).toEqual({ x: 100, y: -50 })
    expect(storyOf(doc, 'story-2')?.pos).toEqual({ x: 0, y: 0 })
  })

  it('resizes, optionally moving the corner', () => {
    const doc = newBoard()
    addStory(doc, 'story-1')
    unwrap(
      resizeStory(
        doc,
        { id: 'story-1', size: { w: 320, h: 180 }, pos: { x: -10, y: -10 } },
        ORIGIN,
      ),
    )
    expect(storyOf(doc, 'story-1')).toMatchObject({
      size: { w: 320, h: 180 },
      pos: { x: -10, y: -10 },
    })
  })

  it('recolours several stories at once', () => {
    const doc = newBoard()
    addStory(doc, 'story-1')
    addStory(doc, 'story-2')
    unwrap(recolourStories(doc, { ids: ['story-1', 'story-2'], colour: '#9bf6ff' }, ORIGIN))
    expect(readBoard(doc).stories.map((s) => s.colour)).toEqual(['#9bf6ff', '#9bf6ff'])
  })
})

describe('updateStoryFields', () => {
  it('sets given fields, clears null ones and leaves absent ones', () => {
    const doc = newBoard()
    addStory(doc, 'story-1', { fields: { experiment: 'Open door', outcome: 'worse', tags: ['a'] } })
    unwrap(
      updateStoryFields(
        doc,
        { id: 'story-1', fields: { outcome: null, tellerRole: 'nurse' } },
        ORIGIN,
      ),
    )
    const story = storyOf(doc, 'story-1')
    expect(story).toMatchObject({ experiment: 'Open door', tellerRole: 'nurse', tags: ['a'] })
    expect(story).not.toHaveProperty('outcome')
  })

  it('[M3] cannot set the author, position or id through fields', () => {
    const doc = newBoard()
    addStory(doc, 'story-1')
    const fields = {
      author: 'someone',
      pos: { x: 9, y: 9 },
      id: 'story-2',
      sensitivity: 'restricted',
    }
    unwrap(updateStoryFields(doc, { id: 'story-1', fields }, ORIGIN))
    const map = storiesMap(doc).get('story-1')
    expect(map?.has('author')).toBe(false)
    expect(map?.get('id')).toBe('story-1')
    expect(storyOf(doc, 'story-1')).toMatchObject({
      pos: { x: 0, y: 0 },
      sensitivity: 'restricted',
    })
  })
})

describe('deleteStories', () => {
  it('[M5] deletes the stories and clears their membership', () => {
    const doc = newBoard()
    addStory(doc, 'story-1')
    addStory(doc, 'story-2')
    addPattern(doc, 'pattern-a', ['story-1', 'story-2'])
    expect(unwrap(deleteStories(doc, { ids: ['story-1', 'story-404'] }, ORIGIN))).toEqual({
      deleted: 1,
    })
    expect(storyOrder(doc)).toEqual(['story-2'])
    expect(membersMap(doc).has('story-1')).toBe(false)
    expect(patternOf(doc, 'pattern-a')?.members).toEqual([{ storyId: 'story-2', role: 'supports' }])
    expect(readBoard(doc).problems).toEqual([])
  })
})

describe('createStories (a batch, e.g. an import)', () => {
  const rows = (n: number, from = 0) =>
    Array.from({ length: n }, (_, i) => ({
      pos: { x: (from + i) * 10, y: 0 },
      text: `story ${from + i}`,
      fields: { tags: [`t${(from + i) % 3}`], outcome: 'better' as const },
    }))

  it('[M13] writes every story in one transaction, above the others and in the given order', () => {
    const doc = newBoard()
    addStory(doc, 'story-0')
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    const { ids } = unwrap(createStories(doc, { stories: rows(120) }, ORIGIN))
    expect(transactions).toBe(1)
    expect(ids).toHaveLength(120)
    expect(new Set(ids).size).toBe(120)
    expect(storyOrder(doc)).toEqual(['story-0', ...ids])
    const board = readBoard(doc)
    expect(board.problems).toEqual([])
    expect(board.stories[1]).toMatchObject({ text: 'story 0', tags: ['t0'], outcome: 'better', sensitivity: 'working', measures: [] })
    expect(board.stories[120]).toMatchObject({ text: 'story 119', pos: { x: 1190, y: 0 } })
    // [M3] no author given: no author key at all.
    expect(ids.every((id) => !storiesMap(doc).get(id)!.has('author'))).toBe(true)
  })

  it('stores what createStory would, story by story', () => {
    const [one, batch] = [newBoard(), newBoard()]
    const input = rows(5).map((r, i) => ({ ...r, id: `story-${i + 1}`, colour: STORY_COLOURS[1] }))
    for (const r of input) unwrap(createStory(one, r, ORIGIN))
    unwrap(createStories(batch, { stories: input }, ORIGIN))
    const strip = (doc: Y.Doc) => readBoard(doc).stories.map(({ z: _z, createdAt: _c, updatedAt: _u, ...rest }) => rest)
    expect(strip(batch)).toEqual(strip(one))
  })

  it('[M13] refuses the whole batch when an id exists or repeats, changing nothing', () => {
    const doc = newBoard()
    addStory(doc, 'story-1')
    const before = encoded(doc)
    for (const ids of [['story-2', 'story-1'], ['story-2', 'story-3', 'story-2']]) {
      const r = createStories(doc, { stories: ids.map((id) => ({ id, pos: { x: 0, y: 0 } })) }, ORIGIN)
      expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } })
      expect(encoded(doc)).toEqual(before)
    }
  })

  it('[M1] [M13] one bad row refuses the batch with the row named, changing nothing', () => {
    const doc = newBoard()
    const before = encoded(doc)
    const stories = [...rows(3), { pos: { x: 0, y: 0 }, fields: { date: '1/2/2024' } }]
    expect(createStories(doc, { stories }, ORIGIN)).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'stories.3.fields.date' } })
    expect(encoded(doc)).toEqual(before)
  })

  it('[M12] two peers importing at once end with both batches, in the same order everywhere', () => {
    const base = encoded(newBoard())
    const [a, b] = [new Y.Doc(), new Y.Doc()]
    for (const doc of [a, b]) Y.applyUpdate(doc, base)
    unwrap(createStories(a, { stories: rows(30) }, ORIGIN))
    unwrap(createStories(b, { stories: rows(30, 30) }, ORIGIN))
    sync(a, b)
    expect(storyOrder(a)).toHaveLength(60)
    expect(storyOrder(a)).toEqual(storyOrder(b))
    expect(readBoard(a)).toEqual(readBoard(b))
  })
})
