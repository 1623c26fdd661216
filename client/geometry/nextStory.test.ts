import { describe, expect, it } from 'vitest'
import { centredAt, nextStoryPosition, STORY_GAP } from './nextStory.ts'
import { createSpatialIndex } from './spatialIndex.ts'

describe('next story layout', () => {
  const current = { x: 0, y: 0, w: 200, h: 140 }

  it('goes to the right of the current story', () => {
    const index = createSpatialIndex()
    index.set('a', current)
    expect(nextStoryPosition(current, 'right', index)).toEqual({ x: 200 + STORY_GAP, y: 0 })
    expect(nextStoryPosition(current, 'left', index)).toEqual({ x: -200 - STORY_GAP, y: 0 })
  })

  it('skips places that are taken', () => {
    const index = createSpatialIndex()
    index.set('a', current)
    index.set('b', { x: 230, y: 10, w: 200, h: 140 })
    expect(nextStoryPosition(current, 'right', index)).toEqual({ x: 2 * (200 + STORY_GAP), y: 0 })
  })

  it('centres a story on a point', () => {
    expect(centredAt({ x: 100, y: 100 }, { w: 200, h: 140 })).toEqual({ x: 0, y: 30 })
  })
})
