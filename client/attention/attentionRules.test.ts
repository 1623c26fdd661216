import { describe, expect, it } from 'vitest'
import type { Pattern } from '../../shared/model/pattern.ts'
import { viewportBox } from '../geometry/camera.ts'
import { cameraForSummon, cameraOnPattern, spotlightOf, summonToObey } from './attentionRules.ts'
import { centreOf } from './viewMath.ts'

const pattern = (id: string, members: string[], area = { x: 0, y: 0, w: 400, h: 300 }): Pattern => ({
  id,
  name: id,
  description: '',
  area,
  members: members.map((storyId) => ({ storyId, role: 'supports' as const })),
  z: 'a',
  createdAt: 0,
})
const screen = { w: 1200, h: 800 }

describe('spotlight', () => {
  it('lights the pattern and its member stories only; a missing pattern lights nothing', () => {
    const s = spotlightOf([pattern('p1', ['a', 'b']), pattern('p2', ['c'])], 'p1')
    expect(s?.patternId).toBe('p1')
    expect([...(s?.members ?? [])]).toEqual(['a', 'b'])
    expect(spotlightOf([pattern('p1', [])], 'gone')).toBeNull()
    expect(spotlightOf([pattern('p1', [])], null)).toBeNull()
  })
  it('centres the pattern with its title bar in view', () => {
    const p = pattern('p', [], { x: 5000, y: 3000, w: 600, h: 400 })
    const cam = cameraOnPattern(p, screen)
    const seen = viewportBox(cam, screen)
    expect(seen.x).toBeLessThanOrEqual(5000)
    expect(seen.y).toBeLessThanOrEqual(3000 - 36)
    expect(seen.x + seen.w).toBeGreaterThanOrEqual(5600)
    expect(centreOf(cam, screen).x).toBeCloseTo(5300)
  })
})

describe('bring everyone here', () => {
  const now = Date.parse('2026-11-26T10:00:00Z')
  const summon = { x: 100, y: 50, zoom: 0.5, at: '2026-11-26T09:59:58Z' }
  it('is obeyed once, when new and recent', () => {
    expect(summonToObey(summon, null, now)).toBe(summon)
    expect(summonToObey(summon, summon.at, now)).toBeNull()
    expect(summonToObey({ ...summon, at: '2026-11-26T09:50:00Z' }, null, now)).toBeNull()
    expect(summonToObey({ ...summon, at: 'not a time' }, null, now)).toBeNull()
    expect(summonToObey(null, null, now)).toBeNull()
  })
  it('seen live (after the board synced), a new summon is obeyed whatever the clocks say', () => {
    const skewed = { ...summon, at: '2026-11-26T09:40:00Z' }
    expect(summonToObey(skewed, null, now)).toBeNull()
    expect(summonToObey(skewed, null, now, Infinity)).toBe(skewed)
    expect(summonToObey(skewed, skewed.at, now, Infinity)).toBeNull()
  })
  it('centres the summoned point at the summoned zoom', () => {
    const cam = cameraForSummon(summon, screen)
    expect(cam.zoom).toBe(0.5)
    expect(centreOf(cam, screen)).toEqual({ x: 100, y: 50 })
  })
})
