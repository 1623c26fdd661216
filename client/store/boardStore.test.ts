import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LOCAL } from '../../shared/model/layout.ts'
import { createPattern, setMembership } from '../../shared/ops/pattern.ts'
import { bringToFront, createStory, deleteStories, moveStories } from '../../shared/ops/story.ts'
import { createBoardStore } from './boardStore.ts'

const ok = <T>(r: { ok: true; value: T } | { ok: false }): T => {
  if (!r.ok) throw new Error('op failed')
  return r.value
}

describe('board store', () => {
  it('reads stories present before it was created', () => {
    const doc = new Y.Doc()
    ok(createStory(doc, { id: 'story-1', pos: { x: 1, y: 2 }, text: 'hello' }, LOCAL))
    const store = createBoardStore(doc)
    expect(store.getState().stories.get('story-1')?.text).toBe('hello')
    expect(store.getState().stories.get('story-1')?.blocks[0]?.runs[0]?.text).toBe('hello')
    expect(store.index.get('story-1')).toEqual({ x: 1, y: 2, w: 200, h: 140 })
  })

  it('follows creates, moves, restacks and deletes', () => {
    const doc = new Y.Doc()
    const store = createBoardStore(doc)
    ok(createStory(doc, { id: 'story-a', pos: { x: 0, y: 0 } }, LOCAL))
    ok(createStory(doc, { id: 'story-b', pos: { x: 0, y: 0 } }, LOCAL))
    expect(store.getState().order).toEqual(['story-a', 'story-b'])
    ok(bringToFront(doc, { ids: ['story-a'] }, LOCAL))
    expect(store.getState().order).toEqual(['story-b', 'story-a'])
    expect(store.getState().rank.get('story-a')).toBe(1)
    ok(moveStories(doc, { moves: [{ id: 'story-a', pos: { x: 500, y: 5 } }] }, LOCAL))
    expect(store.getState().stories.get('story-a')?.pos).toEqual({ x: 500, y: 5 })
    expect(store.index.query({ x: 499, y: 4, w: 2, h: 2 }).has('story-a')).toBe(true)
    ok(deleteStories(doc, { ids: ['story-a'] }, LOCAL))
    expect(store.getState().order).toEqual(['story-b'])
    expect(store.index.get('story-a')).toBeUndefined()
  })

  it('keeps untouched stories as the same objects', () => {
    const doc = new Y.Doc()
    const store = createBoardStore(doc)
    ok(createStory(doc, { id: 'story-a', pos: { x: 0, y: 0 } }, LOCAL))
    ok(createStory(doc, { id: 'story-b', pos: { x: 0, y: 0 } }, LOCAL))
    const b = store.getState().stories.get('story-b')
    ok(moveStories(doc, { moves: [{ id: 'story-a', pos: { x: 9, y: 9 } }] }, LOCAL))
    expect(store.getState().stories.get('story-b')).toBe(b)
  })

  it('follows patterns and membership', () => {
    const doc = new Y.Doc()
    const store = createBoardStore(doc)
    ok(createStory(doc, { id: 'story-a', pos: { x: 0, y: 0 } }, LOCAL))
    const { id } = ok(createPattern(doc, { name: 'Debt advice', area: { x: 0, y: 0, w: 400, h: 300 } }, LOCAL))
    ok(setMembership(doc, { storyId: 'story-a', pattern: id }, LOCAL))
    expect(store.getState().membership.get('story-a')).toBe(id)
    expect(store.getState().patterns[0]?.members).toEqual([{ storyId: 'story-a', role: 'supports' }])
    ok(deleteStories(doc, { ids: ['story-a'] }, LOCAL))
    expect(store.getState().patterns[0]?.members).toEqual([])
  })

  it('sees text typed into a story fragment', () => {
    const doc = new Y.Doc()
    const store = createBoardStore(doc)
    ok(createStory(doc, { id: 'story-a', pos: { x: 0, y: 0 }, text: 'one' }, LOCAL))
    const frag = doc.getMap('stories').get('story-a') as Y.Map<unknown>
    const p = (frag.get('text') as Y.XmlFragment).get(0) as Y.XmlElement
    ;(p.get(0) as Y.XmlText).insert(3, ' two')
    expect(store.getState().stories.get('story-a')?.text).toBe('one two')
  })
})
