import { describe, expect, it } from 'vitest'
import { addPattern, addStory, newBoard } from '../testing/board.ts'
import { carriedPattern, linkedQuotes } from './carried.ts'
import { carriable, Consent, consentSummary, publishable, quotable, quotableOnLinkedBoards, type ConsentScope } from './consent.ts'
import { readBoard } from './readBoard.ts'
import { storiesMap } from './layout.ts'

const consent = (...covers: ConsentScope[]): Consent => ({ givenBy: 'tenant', covers, date: '2026-11-20' })

describe('consent', () => {
  it('[E1] validates: a role or pseudonym is enough, each scope once, a real date format', () => {
    expect(Consent.safeParse(consent('board', 'quotes')).success).toBe(true)
    expect(Consent.safeParse({ givenBy: 'P7', covers: [], date: '2026-01-02' }).success).toBe(true)
    expect(Consent.safeParse({ givenBy: ' ', covers: [], date: '2026-01-02' }).success).toBe(false)
    expect(Consent.safeParse({ givenBy: 'P7', covers: ['quotes', 'quotes'], date: '2026-01-02' }).success).toBe(false)
    expect(Consent.safeParse({ givenBy: 'P7', covers: ['everything'], date: '2026-01-02' }).success).toBe(false)
    expect(Consent.safeParse({ givenBy: 'P7', covers: [], date: '2 Jan' }).success).toBe(false)
  })

  it('[E2] without consent a story is counted only; sensitivity and consent must both allow a use', () => {
    const working = { sensitivity: 'working' as const }
    expect([carriable(working), quotable(working), publishable(working)]).toEqual([false, false, false])
    const all = { sensitivity: 'working' as const, consent: consent('board', 'linkedBoards', 'quotes', 'publication') }
    expect([carriable(all), quotable(all), quotableOnLinkedBoards(all), publishable(all)]).toEqual([true, true, true, true])
    const confidential = { ...all, sensitivity: 'confidential' as const }
    expect([carriable(confidential), quotable(confidential), publishable(confidential)]).toEqual([false, false, false])
    const reportsOnly = { sensitivity: 'working' as const, consent: consent('board', 'quotes') }
    expect([carriable(reportsOnly), quotable(reportsOnly), quotableOnLinkedBoards(reportsOnly)]).toEqual([false, true, false])
    expect(consentSummary(undefined)).toMatch(/No consent/)
    expect(consentSummary(consent('quotes'))).toBe('Consent from tenant on 2026-11-20: quotes in reports')
  })

  it('[E3][E15] raising quotes only stories whose consent covers linked boards and quotes, resolved apart from the carried counts', () => {
    const doc = newBoard()
    addStory(doc, 'story-none', { text: 'No consent given' })
    addStory(doc, 'story-linked', { text: 'Linked only', fields: { consent: consent('linkedBoards') } })
    addStory(doc, 'story-both', { text: 'Linked and quoted', fields: { consent: consent('linkedBoards', 'quotes') } })
    addStory(doc, 'story-conf', { text: 'Confidential', fields: { sensitivity: 'confidential', consent: consent('linkedBoards', 'quotes') } })
    addPattern(doc, 'pattern-1', ['story-none', 'story-linked', 'story-both', 'story-conf'])
    const carried = carriedPattern(doc, 'pattern-1')!
    expect(linkedQuotes(doc, 'pattern-1')).toEqual([{ text: 'Linked and quoted', role: 'supports', teller: 'tenant' }])
    expect(carried.evidence.stories).toBe(4)
    // What is copied onto a card holds no story's words.
    expect(JSON.stringify(carried)).not.toContain('Linked and quoted')
    expect(linkedQuotes(doc, 'no-such-pattern')).toBeNull()
  })

  it('[E4] the tolerant reader keeps a valid consent record and drops an invalid one', () => {
    const doc = newBoard()
    addStory(doc, 'story-ok', { fields: { consent: consent('board') } })
    addStory(doc, 'story-bad')
    storiesMap(doc).get('story-bad')!.set('consent', { givenBy: '', covers: 'all' })
    const board = readBoard(doc)
    expect(board.stories.find((s) => s.id === 'story-ok')!.consent).toEqual(consent('board'))
    expect(board.stories.find((s) => s.id === 'story-bad')!.consent).toBeUndefined()
    expect(board.problems.map((p) => p.path)).toContain('stories.story-bad.consent')
  })
})
