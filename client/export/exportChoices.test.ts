import { describe, expect, it } from 'vitest'
import { scopeChoices, progressLabel } from './exportChoices.ts'
import { scopeQuery } from './exportApi.ts'

const pattern = (id: string, name: string) => ({ id, name, description: '', area: { x: 0, y: 0, w: 40, h: 40 }, members: [], z: 'a', createdAt: 0 })

describe('export choices', () => {
  it('offers the board, the selection (only when there is one) and each pattern', () => {
    const none = scopeChoices(new Set(), [pattern('p1', 'Trust'), pattern('p2', '')])
    expect(none.map((c) => c.label)).toEqual(['Whole board', 'Selection (select stories first)', 'Pattern: Trust', 'Pattern: Untitled pattern'])
    expect(none[1]!.scope).toBeNull()
    const two = scopeChoices(new Set(['s2', 's1']), [])
    expect(two[1]).toMatchObject({ label: 'Selection (2 stories)', scope: { kind: 'selection', storyIds: ['s1', 's2'] } })
  })

  it('turns a scope into the query the server reads', () => {
    expect(scopeQuery({ kind: 'board' })).toBe('')
    expect(scopeQuery({ kind: 'pattern', patternId: 'p_1' })).toBe('?pattern=p_1')
    expect(scopeQuery({ kind: 'selection', storyIds: ['a', 'b'] })).toBe('?stories=a,b')
  })

  it('says how far an export has got', () => {
    expect(progressLabel('PDF', 0.42, 'running')).toBe('Preparing PDF: 42%')
    expect(progressLabel('PDF', 1, 'done')).toBe('PDF ready: downloading')
  })
})
