import { describe, expect, it } from 'vitest'
import type { Pattern } from '../../shared/model/pattern.ts'
import type { StoryView } from '../store/boardStore.ts'
import { outlineGroups } from './outlineGroups.ts'

const story = (id: string, x: number, y: number) => ({ id, pos: { x, y } }) as StoryView
const pattern = (id: string) => ({ id, name: id }) as Pattern

describe('outlineGroups', () => {
  it('puts members under their pattern and the rest loose, in reading order', () => {
    const stories = new Map([
      ['a', story('a', 100, 0)],
      ['b', story('b', 0, 0)],
      ['c', story('c', 0, 500)],
      ['d', story('d', 0, 10)],
    ])
    const groups = outlineGroups([pattern('p1'), pattern('p2')], stories, new Map([['a', 'p1'], ['c', 'p1'], ['d', 'gone']]))
    expect(groups.map((g) => [g.pattern?.id ?? null, g.stories.map((s) => s.id)])).toEqual([
      ['p1', ['a', 'c']],
      ['p2', []],
      [null, ['b', 'd']],
    ])
  })
})
