import { describe, expect, it } from 'vitest'
import { membersMap, patternsMap } from '../model/layout.ts'
import { readBoard } from '../model/readBoard.ts'
import {
  addPattern,
  addStory,
  encoded,
  newBoard,
  ORIGIN,
  patternOf,
  storyOf,
  unwrap,
} from '../testing/board.ts'
import {
  createPattern,
  deletePattern,
  movePattern,
  resizePattern,
  setMembership,
  updatePattern,
} from './pattern.ts'

const AREA = { x: 100, y: 100, w: 400, h: 300 }

describe('createPattern', () => {
  it('creates a pattern with its description and the existing stories as members', () => {
    const doc = newBoard()
    addStory(doc, 'story-1')
    const { id } = unwrap(
      createPattern(
        doc,
        {
          name: ' Trust ',
          description: 'Why it works',
          area: AREA,
          storyIds: ['story-1', 'story-404'],
        },
        ORIGIN,
      ),
    )
    expect(patternOf(doc, id)).toMatchObject({
      name: 'Trust',
      description: 'Why it works',
      area: AREA,
      members: [{ storyId: 'story-1', role: 'supports' }],
    })
    expect(membersMap(doc).has('story-404')).toBe(false)
  })

  it('refuses an id that exists with conflict', () => {
    const doc = newBoard()
    addPattern(doc, 'pattern-a')
    const before = encoded(doc)
    expect(createPattern(doc, { id: 'pattern-a', area: AREA }, ORIGIN)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    })
    expect(encoded(doc)).toEqual(before)
  })

  it('stacks a new pattern above the others', () => {
    const doc = newBoard()
    addPattern(doc, 'pattern-b')
    addPattern(doc, 'pattern-a')
    expect(readBoard(doc).patterns.map((p) => p.id)).toEqual(['pattern-b', 'pattern-a'])
  })
})

describe('updatePattern and resizePattern', () => {
  it('sets the name and confidence, and null clears the confidence', () => {
    const doc = newBoard()
    addPattern(doc, 'pattern-a')
    unwrap(
      updatePattern(
        doc,
        { id: 'pattern-a', name: 'Trust', confidence: 'low', confidenceReason: 'two stories' },
        ORIGIN,
      ),
    )
    expect(patternOf(doc, 'pattern-a')).toMatchObject({
      name: 'Trust',
      confidence: 'low',
      confidenceReason: 'two stories',
    })
    unwrap(
      updatePattern(doc, { id: 'pattern-a', confidence: null, confidenceReason: null }, ORIGIN),
    )
    expect(patternOf(doc, 'pattern-a')).not.toHaveProperty('confidence')
    expect(patternsMap(doc).get('pattern-a')?.has('confidenceReason')).toBe(false)
    expect(patternOf(doc, 'pattern-a')?.name).toBe('Trust')
  })

  it('resizes the area without touching members', () => {
    const doc = newBoard()
    addStory(doc, 'story-1', { pos: { x: 5, y: 5 } })
    addPattern(doc, 'pattern-a', ['story-1'])
    unwrap(resizePattern(doc, { id: 'pattern-a', area: AREA }, ORIGIN))
    expect(patternOf(doc, 'pattern-a')?.area).toEqual(AREA)
    expect(storyOf(doc, 'story-1')?.pos).toEqual({ x: 5, y: 5 })
  })
})

describe('movePattern', () => {
  it('[M6] moves the area and its member stories by the same offset, in one transaction', () => {
    const doc = newBoard()
    addStory(doc, 'story-in', { pos: { x: 10, y: 20 } })
    addStory(doc, 'story-out', { pos: { x: 30, y: 40 } })
    addPattern(doc, 'pattern-a', ['story-in'], { x: 0, y: 0 })
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    unwrap(movePattern(doc, { id: 'pattern-a', to: { x: 100, y: -50 } }, ORIGIN))
    expect(transactions).toBe(1)
    expect(patternOf(doc, 'pattern-a')?.area).toMatchObject({ x: 100, y: -50 })
    expect(storyOf(doc, 'story-in')?.pos).toEqual({ x: 110, y: -30 })
    expect(storyOf(doc, 'story-out')?.pos).toEqual({ x: 30, y: 40 })
  })

  it('refuses a pattern whose stored area is invalid, changing nothing', () => {
    const doc = newBoard()
    addPattern(doc, 'pattern-a')
    patternsMap(doc).get('pattern-a')?.set('area', { x: 0 })
    const before = encoded(doc)
    expect(movePattern(doc, { id: 'pattern-a', to: { x: 1, y: 1 } }, ORIGIN)).toMatchObject({
      ok: false,
      error: { code: 'invalid_record' },
    })
    expect(encoded(doc)).toEqual(before)
  })
})

describe('deletePattern', () => {
  it('[M5] deletes the pattern and leaves its stories loose', () => {
    const doc = newBoard()
    addStory(doc, 'story-1')
    addStory(doc, 'story-2')
    addPattern(doc, 'pattern-a', ['story-1'])
    addPattern(doc, 'pattern-b', ['story-2'])
    unwrap(deletePattern(doc, { id: 'pattern-a' }, ORIGIN))
    const board = readBoard(doc)
    expect(board.patterns.map((p) => p.id)).toEqual(['pattern-b'])
    expect(board.stories.map((s) => s.id)).toEqual(['story-1', 'story-2'])
    expect([...membersMap(doc).keys()]).toEqual(['story-2'])
    expect(board.problems).toEqual([])
  })
})

describe('setMembership', () => {
  it('[M4] puts a story in one pattern at a time', () => {
    const doc = newBoard()
    addStory(doc, 'story-1')
    addPattern(doc, 'pattern-a', ['story-1'])
    addPattern(doc, 'pattern-b')
    unwrap(
      setMembership(
        doc,
        { storyId: 'story-1', pattern: 'pattern-b', role: 'counter-example' },
        ORIGIN,
      ),
    )
    expect(patternOf(doc, 'pattern-a')?.members).toEqual([])
    expect(patternOf(doc, 'pattern-b')?.members).toEqual([
      { storyId: 'story-1', role: 'counter-example' },
    ])
  })

  it('null takes the story out of its pattern', () => {
    const doc = newBoard()
    addStory(doc, 'story-1')
    addPattern(doc, 'pattern-a', ['story-1'])
    unwrap(setMembership(doc, { storyId: 'story-1', pattern: null }, ORIGIN))
    expect(patternOf(doc, 'pattern-a')?.members).toEqual([])
    expect(membersMap(doc).size).toBe(0)
  })
})
