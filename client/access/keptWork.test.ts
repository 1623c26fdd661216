import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { storiesMap, type Origin } from '../../shared/model/layout.ts'
import { readBoard } from '../../shared/model/readBoard.ts'
import type { Story } from '../../shared/model/story.ts'
import { withdrawStory } from '../../shared/model/withdrawal.ts'
import { createStory, updateStoryFields } from '../../shared/ops/story.ts'
import { paragraphsOf, seedFragment } from '../../shared/model/richText.ts'
import { clearKept, keepFromCopy, loadKept, offersAgainst, offerTitle, saveKept } from './keptWork.ts'
import { MemoryStorage } from '../testing/memoryStorage.ts'

const origin: Origin = { kind: 'local' }
const withdrawn = (doc: Y.Doc) => new Set(doc.getMap('withdrawn').keys())

/** The board as the server has it, and an offline copy made from it. */
function boardAndCopy() {
  const board = new Y.Doc()
  const add = (id: string, text: string, extra: object = {}) =>
    createStory(board, { id, pos: { x: 0, y: 0 }, text, ...extra }, origin)
  add('kept-story', 'Parents came back the week after')
  add('withdrawn-1', 'CANARY-WITHDRAWN words')
  add('restricted-1', 'held back')
  add('fields-story', 'With fields', { fields: { tags: ['drop-in'], sensitivity: 'confidential', experiment: 'Drop-in' } })
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(board))
  return { board, copy }
}

const setText = (doc: Y.Doc, id: string, text: string) =>
  doc.transact(() => {
    const fragment = storiesMap(doc).get(id)!.get('text') as Y.XmlFragment
    fragment.delete(0, fragment.length)
    seedFragment(fragment, paragraphsOf(text))
  }, origin)

describe('work the board refused, kept and offered back', () => {
  it('[E24] offers what the board lacks or holds with other words, never a withdrawn or restricted story’s words', () => {
    const { board, copy } = boardAndCopy()
    // Offline: a new story, an edit, an edit of a story being withdrawn, and an edit of one being restricted.
    createStory(copy, { id: 'offline-new', pos: { x: 10, y: 10 }, text: 'Written on the bus\nsecond line' }, origin)
    setText(copy, 'kept-story', 'Parents came back the week after, with friends')
    setText(copy, 'withdrawn-1', 'CANARY-WITHDRAWN more words')
    setText(copy, 'restricted-1', 'CANARY-RESTRICTED edit')
    // Meanwhile on the board: the withdrawal and the restriction (its text leaves the document).
    withdrawStory(board, 'withdrawn-1', '2026-12-07T00:00:00Z', origin)
    storiesMap(board).get('restricted-1')!.set('sensitivity', 'restricted')
    setText(board, 'restricted-1', '')

    // The refusal: what the copy holds is kept (its own withdrawn map is not the board's yet).
    const kept = keepFromCopy(readBoard(copy).stories, withdrawn(copy))
    expect(kept.map((k) => k.id).sort()).toEqual(['fields-story', 'kept-story', 'offline-new', 'restricted-1', 'withdrawn-1'])
    const offers = offersAgainst(kept, readBoard(board).stories, withdrawn(board))
    expect(offers.map((o) => [o.id, o.kind]).sort()).toEqual([
      ['kept-story', 'changed'],
      ['offline-new', 'missing'],
    ])
    expect(JSON.stringify(offers)).not.toMatch(/CANARY/)
    expect(offers.find((o) => o.id === 'offline-new')!.text).toBe('Written on the bus\nsecond line')
  })

  it('[E24] a copy that already knows of the withdrawal or the restriction keeps nothing of them', () => {
    const { copy } = boardAndCopy()
    withdrawStory(copy, 'withdrawn-1', '2026-12-07T00:00:00Z', origin)
    storiesMap(copy).get('restricted-1')!.set('sensitivity', 'restricted')
    const kept = keepFromCopy(readBoard(copy).stories, withdrawn(copy))
    expect(kept.map((k) => k.id).sort()).toEqual(['fields-story', 'kept-story'])
  })

  it('[E24] keeps the fields a new story may carry, sensitivity at most confidential, and no author', () => {
    const { copy } = boardAndCopy()
    storiesMap(copy).get('kept-story')!.set('author', 'user-1')
    updateStoryFields(copy, { id: 'kept-story', fields: { outcome: 'better', tags: ['a'] } }, origin)
    const kept = keepFromCopy(readBoard(copy).stories, new Set())
    const fields = kept.find((k) => k.id === 'fields-story')!
    expect(fields).toMatchObject({ sensitivity: 'confidential', tags: ['drop-in'], experiment: 'Drop-in' })
    const story = kept.find((k) => k.id === 'kept-story')!
    expect(story).toMatchObject({ outcome: 'better', tags: ['a'], sensitivity: 'working' })
    expect(story).not.toHaveProperty('author')
  })

  it('[E24] keeps the newest stories within the budget, and stories without words not at all', () => {
    const story = (id: string, updatedAt: number, text = `text of ${id}`): Story => ({
      id, text, updatedAt, createdAt: 0, pos: { x: 0, y: 0 }, size: { w: 200, h: 140 }, colour: '#ffe58a',
      z: 'a0', tags: [], measures: [], sensitivity: 'working',
    })
    const stories = [story('old-one', 1), story('new-one', 3), story('mid-one', 2), story('empty-1', 4, '  ')]
    const one = JSON.stringify(keepFromCopy([story('new-one', 3)], new Set())).length
    expect(keepFromCopy(stories, new Set(), one).map((k) => k.id)).toEqual(['new-one'])
    expect(keepFromCopy(stories, new Set()).map((k) => k.id)).toEqual(['new-one', 'mid-one', 'old-one'])
  })

  it('[E24] lives in the tab’s storage per board until handled; a damaged entry reads as nothing', () => {
    const storage = new MemoryStorage()
    const { copy } = boardAndCopy()
    const kept = keepFromCopy(readBoard(copy).stories, new Set())
    saveKept(storage, 'b1', kept)
    expect(loadKept(storage, 'b1')).toEqual(kept)
    expect(loadKept(storage, 'b2')).toEqual([])
    saveKept(storage, 'b1', [])
    expect(storage.length).toBe(0)
    saveKept(storage, 'b1', kept)
    clearKept(storage, 'b1')
    expect(storage.length).toBe(0)
    storage.setItem('learning-wall:kept:b1', '{"not":"a list"')
    expect(loadKept(storage, 'b1')).toEqual([])
    storage.setItem('learning-wall:kept:b1', JSON.stringify([{ id: 'x', text: 'no place' }]))
    expect(loadKept(storage, 'b1')).toEqual([])
  })

  it('titles an offer by its first line', () => {
    expect(offerTitle('  First line\nsecond')).toBe('First line')
    expect(offerTitle('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`)
  })
})
