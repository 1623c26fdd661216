// Restacking and duplicating stories.
import type * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { membersMap, storiesMap } from '../model/layout.ts'
import { readBoard } from '../model/readBoard.ts'
import { seedFragment } from '../model/richText.ts'
import { StoryId } from '../model/story.ts'
import {
  addPattern,
  addStory,
  newBoard,
  ORIGIN,
  storyOf,
  storyOrder,
  unwrap,
} from '../testing/board.ts'
import { bringToFront, duplicateStories, sendToBack, updateStoryFields } from './story.ts'

const ids = (n: number) =>
  Array.from({ length: n }, (_, i) => `story-${String(i).padStart(2, '0')}`)

function boardWith(storyIds: string[]): Y.Doc {
  const doc = newBoard()
  for (const id of storyIds) addStory(doc, id)
  return doc
}

describe('bringToFront and sendToBack', () => {
  it('[M7] brings stories to the front and sends them to the back', () => {
    const doc = boardWith(['story-a', 'story-b', 'story-c'])
    unwrap(bringToFront(doc, { ids: ['story-a'] }, ORIGIN))
    expect(storyOrder(doc)).toEqual(['story-b', 'story-c', 'story-a'])
    unwrap(sendToBack(doc, { ids: ['story-c'] }, ORIGIN))
    expect(storyOrder(doc)).toEqual(['story-c', 'story-b', 'story-a'])
  })

  it('[M7] keeps the relative order of the stories it moves', () => {
    const doc = boardWith(['story-a', 'story-b', 'story-c', 'story-d'])
    unwrap(bringToFront(doc, { ids: ['story-c', 'story-a'] }, ORIGIN))
    expect(storyOrder(doc)).toEqual(['story-b', 'story-d', 'story-a', 'story-c'])
    unwrap(sendToBack(doc, { ids: ['story-c', 'story-d'] }, ORIGIN))
    expect(storyOrder(doc)).toEqual(['story-d', 'story-c', 'story-b', 'story-a'])
  })

  it('[M7] keeps the relative order across keys that differ only in case (aZ < aa)', () => {
    // The 36th and 37th stories get the keys 'aZ' and 'aa': code-unit order, not locale order.
    const all = ids(40)
    const doc = boardWith(all)
    const [z35, z36] = [all[35]!, all[36]!].map((id) => storyOf(doc, id)?.z)
    expect([z35, z36]).toEqual(['aZ', 'aa'])
    unwrap(bringToFront(doc, { ids: [all[36]!, all[35]!] }, ORIGIN))
    expect(storyOrder(doc).slice(-2)).toEqual([all[35], all[36]])
    unwrap(sendToBack(doc, { ids: [all[36]!, all[35]!] }, ORIGIN))
    expect(storyOrder(doc).slice(0, 2)).toEqual([all[35], all[36]])
  })
})

describe('duplicateStories', () => {
  function source(): Y.Doc {
    const doc = newBoard()
    addStory(doc, 'story-1', { pos: { x: 10, y: 10 }, colour: '#caffbf', author: 'user-7' })
    addStory(doc, 'story-2')
    addPattern(doc, 'pattern-a', ['story-1'])
    const fields = {
      tags: ['debt'],
      outcome: 'mixed',
      sensitivity: 'confidential',
      experiment: 'Drop-in',
    }
    unwrap(updateStoryFields(doc, { id: 'story-1', fields }, ORIGIN))
    const text = storiesMap(doc).get('story-1')?.get('text') as Y.XmlFragment
    doc.transact(() =>
      seedFragment(text, [
        [{ text: 'Paid ' }, { text: 'on time', marks: ['bold'] }],
        [{ text: 'twice' }],
      ]),
    )
    return doc
  }

  it('[M8] copies rich text and fields under a fresh id, offset, on top', () => {
    const doc = source()
    const [copyId] = unwrap(duplicateStories(doc, { ids: ['story-1'] }, ORIGIN)).ids
    expect(copyId).not.toBe('story-1')
    expect(StoryId.safeParse(copyId).success).toBe(true)
    const {
      id: _id,
      z: _z,
      pos: _pos,
      author: _author,
      createdAt: _c,
      updatedAt: _u,
      ...fields
    } = storyOf(doc, 'story-1')!
    expect(storyOf(doc, copyId!)).toMatchObject({ ...fields, id: copyId, pos: { x: 34, y: 34 } })
    expect(storyOrder(doc).at(-1)).toBe(copyId)
    const fragment = (id: string) => storiesMap(doc).get(id)?.get('text') as Y.XmlFragment
    expect(fragment(copyId!).toJSON()).toBe(fragment('story-1').toJSON())
    expect(fragment(copyId!).toJSON()).toContain('<bold>on time</bold>')
  })

  it('[M8] the copy is independent: editing it leaves the source as it was', () => {
    const doc = source()
    const [copyId] = unwrap(
      duplicateStories(doc, { ids: ['story-1'], offset: { x: 0, y: 0 } }, ORIGIN),
    ).ids
    const copyText = storiesMap(doc).get(copyId!)?.get('text') as Y.XmlFragment
    copyText.delete(0, 1)
    expect(storyOf(doc, 'story-1')?.text).toBe('Paid on time\ntwice')
    expect(storyOf(doc, copyId!)?.text).toBe('twice')
  })

  it('[M3][M8] copies carry no author and no membership unless an author is given', () => {
    const doc = source()
    const [anon] = unwrap(duplicateStories(doc, { ids: ['story-1'] }, ORIGIN)).ids
    const [signed] = unwrap(
      duplicateStories(doc, { ids: ['story-1'], author: 'user-9' }, ORIGIN),
    ).ids
    expect(storiesMap(doc).get(anon!)?.has('author')).toBe(false)
    expect(storyOf(doc, signed!)?.author).toBe('user-9')
    expect(membersMap(doc).has(anon!)).toBe(false)
    expect(readBoard(doc).patterns[0]?.members.map((m) => m.storyId)).toEqual(['story-1'])
  })

  it('[M8] duplicates several stories with distinct ids', () => {
    const doc = source()
    const copies = unwrap(duplicateStories(doc, { ids: ['story-1', 'story-2'] }, ORIGIN)).ids
    expect(new Set(copies).size).toBe(2)
    expect(readBoard(doc).stories).toHaveLength(4)
  })
})
