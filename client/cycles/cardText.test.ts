import { describe, expect, it } from 'vitest'
import { evidenceLines, sourceLine, wrapText } from './cardText.ts'

/** Every character is 10 px wide. */
const mono = (t: string) => t.length * 10

describe('card text', () => {
  it('says the carried counts in words', () => {
    const lines = evidenceLines({ stories: 3, supports: 2, counterExamples: 1, working: 1, confidential: 1, restricted: 1, tellerRoles: 1, outcomes: {} })
    expect(lines).toEqual(['3 stories: 2 supporting, 1 counter-example', '1 working · 1 confidential · 1 restricted', '1 teller role'])
    expect(sourceLine({ title: 'Benefits team', scale: 'team' })).toBe('From Benefits team (Team)')
  })

  it('wraps by words within the width', () => {
    expect(wrapText('one two three four', 90, 5, '', mono)).toEqual(['one two', 'three', 'four'])
    expect(wrapText('  ', 90, 5, '', mono)).toEqual([])
  })

  it('cuts at the line limit with an ellipsis', () => {
    const lines = wrapText('one two three four five six', 90, 2, '', mono)
    expect(lines).toHaveLength(2)
    expect(lines[1]!.endsWith('…')).toBe(true)
    expect(mono(lines[1]!)).toBeLessThanOrEqual(90)
  })

  it('breaks a word longer than the line', () => {
    expect(wrapText('abcdefghijkl', 50, 5, '', mono)).toEqual(['abcde', 'fghij', 'kl'])
    const cut = wrapText('abcdefghijklmnop', 50, 2, '', mono)
    expect(cut).toHaveLength(2)
    expect(cut[1]!.endsWith('…')).toBe(true)
  })
})

describe('evidence carried through the chain', () => {
  it('[CY22] a card whose evidence came partly from further down says how much', () => {
    const e = { stories: 4, supports: 4, counterExamples: 0, working: 4, confidential: 0, restricted: 0, tellerRoles: 1, outcomes: {} }
    expect(evidenceLines({ ...e, fromBelow: 3 })[0]).toBe('4 stories: 4 supporting, 0 counter-examples (3 from cycles further down)')
    expect(evidenceLines(e)[0]).toBe('4 stories: 4 supporting, 0 counter-examples')
  })
})
