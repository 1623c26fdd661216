import { describe, expect, it } from 'vitest'
import { followRole, NO_FOLLOW, reduceFollow, type Follow } from './followState.ts'

const run = (...events: Parameters<typeof reduceFollow>[1][]): Follow => events.reduce(reduceFollow, NO_FOLLOW)

describe('follow me', () => {
  it('follows the leader the session names, and the leader leads', () => {
    const s = run({ type: 'leader', clientId: 7 })
    expect(followRole(s, 3)).toBe('following')
    expect(followRole(s, 7)).toBe('leading')
    expect(followRole(NO_FOLLOW, 3)).toBe('none')
  })
  it('breaks away when the person moves their own view, and rejoins with one click', () => {
    const away = run({ type: 'leader', clientId: 7 }, { type: 'moved' })
    expect(followRole(away, 3)).toBe('away')
    expect(followRole(reduceFollow(away, { type: 'moved' }), 3)).toBe('away')
    expect(followRole(reduceFollow(away, { type: 'rejoin' }), 3)).toBe('following')
  })
  it('moving with nobody leading changes nothing; a new follow me pulls everyone back in', () => {
    expect(run({ type: 'moved' })).toEqual(NO_FOLLOW)
    const away = run({ type: 'leader', clientId: 7 }, { type: 'moved' })
    expect(reduceFollow(away, { type: 'leader', clientId: 7 })).toBe(away)
    expect(followRole(reduceFollow(away, { type: 'leader', clientId: 9 }), 3)).toBe('following')
    expect(reduceFollow(away, { type: 'leader', clientId: null })).toEqual(NO_FOLLOW)
  })
})
