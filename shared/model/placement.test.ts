// [CY20] [CY21] Condition cards raised from below are evidence on their board: placed and grouped
// by members like stories, by reference (ids only), with the tolerant reader ignoring what is not
// a card here.
import { describe, expect, it } from 'vitest'
import { conditionsMap, placementsMap } from './layout.ts'
import { readBoard } from './readBoard.ts'
import { movePattern, setMembership } from '../ops/pattern.ts'
import { placeCard, setCardMembership } from '../ops/placement.ts'
import { addPattern, addStory, newBoard, ORIGIN, unwrap } from '../testing/board.ts'

const card = (id: string) => ({ id, kind: 'barrier', name: 'Legal review', summary: '', note: '' })

function boardWithCard() {
  const doc = newBoard()
  // Written by the server in the product; here directly.
  conditionsMap(doc).set('cardAAAA1', card('cardAAAA1'))
  addStory(doc, 'storyAAA1', { text: 'the team waited' })
  addPattern(doc, 'patternA1', ['storyAAA1'], { x: 100, y: 100 })
  return doc
}

describe('condition cards as evidence', () => {
  it('[CY20] a card in a pattern is a card member by id, beside the stories', () => {
    const doc = boardWithCard()
    unwrap(setCardMembership(doc, { conditionId: 'cardAAAA1', pattern: 'patternA1', role: 'counter-example' }, ORIGIN))
    const pattern = readBoard(doc).patterns[0]!
    expect(pattern.members).toEqual([{ storyId: 'storyAAA1', role: 'supports' }])
    expect(pattern.cards).toEqual([{ conditionId: 'cardAAAA1', role: 'counter-example' }])
    expect(readBoard(doc).problems).toEqual([])
    unwrap(setCardMembership(doc, { conditionId: 'cardAAAA1', pattern: null }, ORIGIN))
    expect(readBoard(doc).patterns[0]!.cards).toEqual([])
  })

  it('[CY20] only cards on this board can be members; a story id stays a story', () => {
    const doc = boardWithCard()
    expect(setCardMembership(doc, { conditionId: 'nocard000', pattern: 'patternA1' }, ORIGIN).ok).toBe(false)
    expect(setCardMembership(doc, { conditionId: 'cardAAAA1', pattern: 'nopattern' }, ORIGIN).ok).toBe(false)
    expect(setMembership(doc, { storyId: 'cardAAAA1', pattern: 'patternA1' }, ORIGIN).ok).toBe(false)
  })

  it('[CY21] placements of cards that exist are read; others and bad values are ignored', () => {
    const doc = boardWithCard()
    unwrap(placeCard(doc, { conditionId: 'cardAAAA1', pos: { x: 150, y: 160 } }, ORIGIN))
    expect(placeCard(doc, { conditionId: 'nocard000', pos: { x: 1, y: 1 } }, ORIGIN).ok).toBe(false)
    // What a hostile or old client could write directly.
    placementsMap(doc).set('nocard000', { pos: { x: 1, y: 1 } })
    conditionsMap(doc).set('cardBBBB2', card('cardBBBB2'))
    placementsMap(doc).set('cardBBBB2', { pos: 'here' })
    expect(readBoard(doc).placements).toEqual({ cardAAAA1: { pos: { x: 150, y: 160 } } })
  })

  it('[CY21] moving a pattern moves its placed cards with its stories', () => {
    const doc = boardWithCard()
    unwrap(placeCard(doc, { conditionId: 'cardAAAA1', pos: { x: 150, y: 160 } }, ORIGIN))
    unwrap(setCardMembership(doc, { conditionId: 'cardAAAA1', pattern: 'patternA1' }, ORIGIN))
    unwrap(movePattern(doc, { id: 'patternA1', to: { x: 200, y: 300 } }, ORIGIN))
    expect(readBoard(doc).placements['cardAAAA1']).toEqual({ pos: { x: 250, y: 360 } })
  })
})
