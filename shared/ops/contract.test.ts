// The contract every operation keeps: valid input changes the doc; invalid input is refused
// with `invalid_input` and the doc stays byte-identical; one missing target is `not_found`.
import type * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import type { Origin } from '../model/layout.ts'
import type { Result } from '../result.ts'
import { addPattern, addStory, encoded, newBoard, ORIGIN } from '../testing/board.ts'
import { updateBoardMeta } from './board.ts'
import {
  createPattern,
  deletePattern,
  movePattern,
  resizePattern,
  setMembership,
  updatePattern,
} from './pattern.ts'
import {
  bringToFront,
  createStories,
  createStory,
  deleteStories,
  duplicateStories,
  moveStories,
  recolourStories,
  resizeStory,
  sendToBack,
  updateStoryFields,
} from './story.ts'

type Op = (doc: Y.Doc, input: unknown, origin: Origin) => Result<unknown>
type Case = { op: Op; valid: unknown; invalid: unknown[] }

const P = { x: 10, y: 20 }
const AREA = { x: 0, y: 0, w: 400, h: 300 }
const always = [undefined, null, 42, 'story-1', []]

/** story-1 in pattern-a, story-2 loose. */
function fixture(): Y.Doc {
  const doc = newBoard()
  addStory(doc, 'story-1')
  addStory(doc, 'story-2')
  addPattern(doc, 'pattern-a', ['story-1'])
  return doc
}

const cases: Record<string, Case> = {
  createStory: {
    op: createStory,
    valid: { pos: P, text: 'hello' },
    invalid: [
      {},
      { pos: { x: '1', y: 0 } },
      { pos: { x: Number.NaN, y: 0 } },
      { pos: { x: 1e308, y: 0 } },
      { pos: P, id: 'no spaces allowed' },
      { pos: P, colour: 'red' },
      { pos: P, size: { w: 1, h: 1 } },
      { pos: P, author: '' },
      { pos: P, fields: { date: 'yesterday' } },
      { pos: P, fields: { outcome: 'great' } },
      { pos: P, fields: { measures: [{ name: 'income', value: Infinity, unit: '£' }] } },
      { pos: P, fields: { sensitivity: 'secret' } },
    ],
  },
  createStories: {
    op: createStories,
    valid: { stories: [{ pos: P, text: 'one' }, { pos: P, fields: { tags: ['housing'] } }] },
    invalid: [
      {},
      { stories: [] },
      { stories: { 0: { pos: P } } },
      { stories: [{ pos: P }, { pos: { x: 'a', y: 0 } }] },
      { stories: [{ pos: P }, { pos: P, fields: { outcome: 'great' } }] },
      { stories: [{ pos: P, id: 'bad id' }] },
      { stories: Array.from({ length: 10_001 }, () => ({ pos: P })) },
    ],
  },
  moveStories: {
    op: moveStories,
    valid: { moves: [{ id: 'story-2', pos: P }] },
    invalid: [{ moves: [] }, { moves: [{ id: 'story-2' }] }, { moves: [{ id: 'x', pos: P }] }],
  },
  resizeStory: {
    op: resizeStory,
    valid: { id: 'story-2', size: { w: 300, h: 200 } },
    invalid: [{ id: 'story-2' }, { id: 'story-2', size: { w: 5000, h: 200 } }],
  },
  recolourStories: {
    op: recolourStories,
    valid: { ids: ['story-2'], colour: '#caffbf' },
    invalid: [
      { ids: ['story-2'], colour: 'green' },
      { ids: [], colour: '#caffbf' },
    ],
  },
  updateStoryFields: {
    op: updateStoryFields,
    valid: { id: 'story-2', fields: { outcome: 'better' } },
    invalid: [
      { id: 'story-2' },
      { id: 'story-2', fields: { tags: [''] } },
      { id: 'story-2', fields: { sensitivity: null } },
      { id: 'story-2', fields: { date: '2024-1-1' } },
    ],
  },
  deleteStories: {
    op: deleteStories,
    valid: { ids: ['story-2'] },
    invalid: [{ ids: [] }, { ids: [1] }],
  },
  bringToFront: {
    op: bringToFront,
    valid: { ids: ['story-1'] },
    invalid: [{ ids: [] }, { id: 'story-1' }],
  },
  sendToBack: {
    op: sendToBack,
    valid: { ids: ['story-2'] },
    invalid: [{ ids: [] }, { ids: ['bad id'] }],
  },
  duplicateStories: {
    op: duplicateStories,
    valid: { ids: ['story-1'] },
    invalid: [
      { ids: [] },
      { ids: ['story-1'], offset: { x: 'a', y: 0 } },
      { ids: ['story-1'], author: '' },
    ],
  },
  createPattern: {
    op: createPattern,
    valid: { area: AREA, name: 'Trust', storyIds: ['story-2'] },
    invalid: [
      {},
      { area: { ...AREA, w: 1 } },
      { area: AREA, name: 'n'.repeat(201) },
      { area: AREA, storyIds: ['x'] },
    ],
  },
  updatePattern: {
    op: updatePattern,
    valid: { id: 'pattern-a', name: 'Renamed', confidence: 'high' },
    invalid: [{}, { id: 'pattern-a', confidence: 'certain' }, { id: 'pattern-a', name: 7 }],
  },
  movePattern: {
    op: movePattern,
    valid: { id: 'pattern-a', to: P },
    invalid: [{ id: 'pattern-a' }, { id: 'pattern-a', to: { x: 0, y: -1e9 } }],
  },
  resizePattern: {
    op: resizePattern,
    valid: { id: 'pattern-a', area: { ...AREA, w: 800 } },
    invalid: [
      { id: 'pattern-a', area: P },
      { id: 'pattern-a', area: { ...AREA, h: -1 } },
    ],
  },
  deletePattern: { op: deletePattern, valid: { id: 'pattern-a' }, invalid: [{}, { id: '' }] },
  setMembership: {
    op: setMembership,
    valid: { storyId: 'story-2', pattern: 'pattern-a', role: 'counter-example' },
    invalid: [
      { storyId: 'story-2' },
      { storyId: 'story-2', pattern: 'pattern-a', role: 'opposes' },
      { storyId: 'bad id', pattern: null },
    ],
  },
  updateBoardMeta: {
    op: updateBoardMeta,
    valid: { title: 'Housing cycle', scale: 'place' },
    invalid: [{ title: '   ' }, { scale: 'galaxy' }, { element: 'deliver' }],
  },
}

describe.each(Object.entries(cases))('%s', (_name, { op, valid, invalid }) => {
  it('[M1] accepts valid input and changes the doc', () => {
    const doc = fixture()
    const before = encoded(doc)
    const result = op(doc, valid, ORIGIN)
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true })
    expect(encoded(doc)).not.toEqual(before)
  })

  it.each([...always, ...invalid])(
    '[M1] refuses %j with invalid_input and changes nothing',
    (input) => {
      const doc = fixture()
      const before = encoded(doc)
      expect(op(doc, input, ORIGIN)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      expect(encoded(doc)).toEqual(before)
    },
  )
})

describe('[M2] one missing target', () => {
  const missing: [string, Op, unknown][] = [
    ['resizeStory', resizeStory, { id: 'story-404', size: { w: 300, h: 200 } }],
    ['updateStoryFields', updateStoryFields, { id: 'story-404', fields: { outcome: 'worse' } }],
    ['updatePattern', updatePattern, { id: 'pattern-404', name: 'x' }],
    ['movePattern', movePattern, { id: 'pattern-404', to: P }],
    ['resizePattern', resizePattern, { id: 'pattern-404', area: AREA }],
    ['setMembership (story)', setMembership, { storyId: 'story-404', pattern: 'pattern-a' }],
    ['setMembership (pattern)', setMembership, { storyId: 'story-2', pattern: 'pattern-404' }],
  ]

  it.each(missing)('%s returns not_found and changes nothing', (_name, op, input) => {
    const doc = fixture()
    const before = encoded(doc)
    expect(op(doc, input, ORIGIN)).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(encoded(doc)).toEqual(before)
  })

  const batches: [string, Op, unknown, unknown][] = [
    ['moveStories', moveStories, { moves: [{ id: 'story-404', pos: P }] }, { moved: 0 }],
    ['deleteStories', deleteStories, { ids: ['story-404'] }, { deleted: 0 }],
    ['duplicateStories', duplicateStories, { ids: ['story-404'] }, { ids: [] }],
    ['recolourStories', recolourStories, { ids: ['story-404'], colour: '#caffbf' }, null],
    ['bringToFront', bringToFront, { ids: ['story-404'] }, null],
    ['sendToBack', sendToBack, { ids: ['story-404'] }, null],
    ['deletePattern', deletePattern, { id: 'pattern-404' }, null],
  ]

  it.each(batches)('%s skips missing ids and changes nothing', (_name, op, input, value) => {
    const doc = fixture()
    const before = encoded(doc)
    expect(op(doc, input, ORIGIN)).toEqual({ ok: true, value })
    expect(encoded(doc)).toEqual(before)
  })
})
