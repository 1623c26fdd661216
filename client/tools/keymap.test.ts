import { describe, expect, it } from 'vitest'
import { commandFor, swallowedWhileLocked, type KeyLike } from './keymap.ts'

const k = (key: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, ...mods })

describe('keymap', () => {
  it('maps single keys', () => {
    expect(commandFor(k('n'))).toBe('newStory')
    expect(commandFor(k('N', { shiftKey: true }))).toBe('newStory')
    expect(commandFor(k('h'))).toBe('handTool')
    expect(commandFor(k('?', { shiftKey: true }))).toBe('help')
    expect(commandFor(k('Backspace'))).toBe('delete')
    expect(commandFor(k('g'))).toBe('group')
    expect(commandFor(k('P', { shiftKey: true }))).toBe('patternTool')
  })

  it('maps undo and redo on both platforms', () => {
    expect(commandFor(k('z', { metaKey: true }))).toBe('undo')
    expect(commandFor(k('Z', { metaKey: true, shiftKey: true }))).toBe('redo')
    expect(commandFor(k('y', { ctrlKey: true }))).toBe('redo')
  })

  it('maps zoom to fit on Shift+1 whatever the layout prints', () => {
    expect(commandFor(k('!', { shiftKey: true, code: 'Digit1' }))).toBe('zoomFit')
    expect(commandFor(k('§', { shiftKey: true, code: 'Digit1' }))).toBe('zoomFit')
  })

  it('nudges with arrows, ten times with shift', () => {
    expect(commandFor(k('ArrowLeft'))).toEqual({ nudge: { dx: -1, dy: 0 } })
    expect(commandFor(k('ArrowDown', { shiftKey: true }))).toEqual({ nudge: { dx: 0, dy: 10 } })
  })

  it('ignores unknown keys and alt chords', () => {
    expect(commandFor(k('q'))).toBeNull()
    expect(commandFor(k('n', { altKey: true }))).toBeNull()
  })

  it('on a board locked for me, letters are typing, not commands; modifiers and symbols still work', () => {
    const key = (k: string, mod: Partial<KeyLike> = {}): KeyLike => ({ key: k, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, ...mod })
    for (const k of ['n', 'o', 'g', 'p', 'i', 'h', 'G', 'é']) expect(swallowedWhileLocked(key(k), true), k).toBe(true)
    for (const k of ['?', '+', '-', 'Escape', 'ArrowLeft', '1']) expect(swallowedWhileLocked(key(k), true), k).toBe(false)
    expect(swallowedWhileLocked(key('z', { ctrlKey: true }), true)).toBe(false)
    expect(swallowedWhileLocked(key('o'), false)).toBe(false)
  })
})
