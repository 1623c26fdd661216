import { describe, expect, it } from 'vitest'
import { readBoard } from '../model/readBoard.ts'
import { newBoard, ORIGIN, unwrap } from '../testing/board.ts'
import { updateBoardMeta } from './board.ts'

describe('updateBoardMeta', () => {
  it('sets the given meta fields and keeps the others', () => {
    const doc = newBoard()
    unwrap(updateBoardMeta(doc, { title: '  Housing cycle ', element: 'experiment' }, ORIGIN))
    expect(readBoard(doc).meta).toMatchObject({
      title: 'Housing cycle',
      element: 'experiment',
      scale: 'team',
    })
  })

  it('writes nothing when the values are already set', () => {
    const doc = newBoard()
    unwrap(updateBoardMeta(doc, { title: 'Housing' }, ORIGIN))
    let updates = 0
    doc.on('update', () => updates++)
    unwrap(updateBoardMeta(doc, { title: 'Housing', scale: 'team' }, ORIGIN))
    expect(updates).toBe(0)
  })
})
