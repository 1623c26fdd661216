import { describe, expect, it } from 'vitest'
import { emptyBoardHint } from './emptyBoard.ts'

describe('the empty board hint', () => {
  it('says how to begin: double-click or N for anyone who writes, the templates for those who run sessions', () => {
    const contributor = emptyBoardHint(true, 'contributor')!
    expect(contributor.join(' ')).toMatch(/Double-click anywhere, or press N/)
    expect(contributor.join(' ')).not.toMatch(/Run a session/)
    expect(emptyBoardHint(true, 'facilitator')!.join(' ')).toMatch(/Run a session…” above starts a template/)
    expect(emptyBoardHint(true, 'observer')).toEqual(['Nothing on this board yet.', 'Stories appear here as people write them.'])
  })

  it('says nothing once the board has content', () => {
    expect(emptyBoardHint(false, 'owner')).toBeNull()
  })
})
