import { describe, expect, it } from 'vitest'
import { emptySession, type SessionState } from '../../shared/model/facilitation.ts'
import { boardLockedFor, clockText, gateEditing, lockedAmong, writesPrivately } from './sessionRules.ts'

const s = (over: Partial<SessionState>): SessionState => ({ ...emptySession(), ...over })

describe('session rules in the UI', () => {
  it('private writing is for contributors only: facilitators write on the board, observers not at all', () => {
    const priv = s({ private: true })
    expect(writesPrivately(priv, 'contributor')).toBe(true)
    expect(writesPrivately(priv, 'facilitator')).toBe(false)
    expect(writesPrivately(priv, 'owner')).toBe(false)
    expect(writesPrivately(priv, 'observer')).toBe(false)
    expect(writesPrivately(s({ private: false }), 'contributor')).toBe(false)
    expect(writesPrivately(null, 'contributor')).toBe(false)
  })

  it('a locked board or locked items stop participants, never facilitators', () => {
    const locked = s({ locked: true })
    expect(boardLockedFor(locked, 'contributor')).toBe(true)
    expect(boardLockedFor(locked, 'facilitator')).toBe(false)
    const items = s({ lockedItems: ['a', 'b'] })
    expect(lockedAmong(items, 'contributor', ['b', 'c'])).toEqual(['b'])
    expect(lockedAmong(items, 'owner', ['b'])).toEqual([])
  })

  it('gates the editing controls with the reason shown to the person', () => {
    expect(gateEditing(true, null, 'contributor', [])).toEqual({ canEdit: true, reason: null })
    expect(gateEditing(false, null, 'observer', [])).toEqual({ canEdit: false, reason: null })
    expect(gateEditing(true, s({ locked: true }), 'contributor', [])).toEqual({ canEdit: false, reason: 'locked' })
    expect(gateEditing(true, s({ private: true }), 'contributor', [])).toEqual({ canEdit: false, reason: 'private' })
    expect(gateEditing(true, s({ lockedItems: ['x'] }), 'contributor', ['x'])).toEqual({ canEdit: false, reason: 'locked-items' })
    expect(gateEditing(true, s({ lockedItems: ['x'] }), 'contributor', ['y'])).toEqual({ canEdit: true, reason: null })
    expect(gateEditing(true, s({ locked: true, private: true }), 'facilitator', ['x'])).toEqual({ canEdit: true, reason: null })
  })

  it('shows the clock in minutes and seconds, rounding up', () => {
    expect(clockText(0)).toBe('0:00')
    expect(clockText(-5)).toBe('0:00')
    expect(clockText(1)).toBe('0:01')
    expect(clockText(245_000)).toBe('4:05')
    expect(clockText(62.5 * 60_000)).toBe('62:30')
  })
})
