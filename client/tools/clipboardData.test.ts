import { describe, expect, it } from 'vitest'
import type { StoryView } from '../store/boardStore.ts'
import { parseClip, plainTextOf, toClip } from './clipboardData.ts'

const story = { id: 'story-1', pos: { x: 1, y: 2 }, size: { w: 200, h: 140 }, colour: '#fff3a8', z: 'a0', text: 'Rent', tags: ['x'], measures: [], sensitivity: 'working', createdAt: 1, updatedAt: 1, blocks: [] } as StoryView

describe('clipboard data', () => {
  it('round-trips', () => {
    const clip = toClip('b1', [story])
    expect(parseClip(JSON.stringify(clip))).toEqual(clip)
    expect(clip.stories[0]!.fields).toEqual({ tags: ['x'], measures: [], sensitivity: 'working' })
    expect(plainTextOf(clip)).toBe('Rent')
  })

  it('rejects anything else', () => {
    expect(parseClip('hello')).toBeNull()
    expect(parseClip('{"kind":"other"}')).toBeNull()
  })
})
