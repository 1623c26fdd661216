import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ConditionCard, PatternReference, RaisedMark } from '../../shared/model/condition.ts'
import { createCyclesStore } from './cyclesStore.ts'

const evidence = { stories: 3, supports: 3, counterExamples: 0, working: 1, confidential: 1, restricted: 1, tellerRoles: 1, outcomes: {} }
const card = (id: string, over: Partial<ConditionCard> = {}): ConditionCard => ({
  id,
  kind: 'barrier',
  name: 'Decisions take too long',
  summary: '',
  note: '',
  evidence,
  source: { boardId: 'team-1', title: 'Benefits team', scale: 'team', patternId: 'pattern-1' },
  status: 'raised',
  declineReason: null,
  responses: [],
  raisedAt: '2026-01-01T00:00:00.000Z',
  raisedBy: 'Ana',
  ...over,
})
const mark = (status: RaisedMark['status']): RaisedMark => ({
  conditionId: 'c1',
  kind: 'barrier',
  target: { boardId: 'org-1', title: 'City council', scale: 'organisation' },
  status,
  declineReason: status === 'declined' ? 'Statutory' : null,
  responses: [],
})

const reference = (id: string, over: Partial<PatternReference> = {}): PatternReference => ({
  id,
  name: 'Letters nobody understands',
  summary: '',
  evidence,
  source: { boardId: 'peer-1', title: 'Housing team', scale: 'team', patternId: 'pattern-9' },
  live: true,
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
})

describe('cycles store', () => {
  it('reads cards present before it was made and follows the server writing them', () => {
    const doc = new Y.Doc()
    doc.getMap('conditions').set('c1', card('c1', { raisedAt: '2026-01-02T00:00:00.000Z' }))
    const store = createCyclesStore(doc)
    expect(store.data.getState().conditions.map((c) => c.id)).toEqual(['c1'])
    doc.getMap('conditions').set('c0', card('c0'))
    expect(store.data.getState().conditions.map((c) => c.id)).toEqual(['c0', 'c1'])
    doc.getMap('conditions').set('c1', card('c1', { raisedAt: '2026-01-02T00:00:00.000Z', status: 'declined', declineReason: 'No budget' }))
    expect(store.data.getState().conditions[1]).toMatchObject({ status: 'declined', declineReason: 'No budget' })
  })

  it('skips malformed cards and follows raised marks per pattern', () => {
    const doc = new Y.Doc()
    const store = createCyclesStore(doc)
    doc.getMap('conditions').set('bad', { id: 'bad', kind: 'rumour' })
    expect(store.data.getState().conditions).toEqual([])
    doc.getMap('raised').set('pattern-1', [mark('raised')])
    expect(store.data.getState().raised.get('pattern-1')?.[0]?.status).toBe('raised')
    doc.getMap('raised').set('pattern-1', [mark('declined')])
    expect(store.data.getState().raised.get('pattern-1')?.[0]).toMatchObject({ status: 'declined', declineReason: 'Statutory' })
  })

  it('follows peer references: shared, renamed, no longer live, unshared; malformed ones are skipped', () => {
    const doc = new Y.Doc()
    const store = createCyclesStore(doc)
    const refs = doc.getMap('references')
    refs.set('s1', reference('s1'))
    refs.set('bad', { id: 'bad', name: 3 })
    expect(store.data.getState().references.map((r) => r.id)).toEqual(['s1'])
    refs.set('s1', reference('s1', { name: 'Letters people can read' }))
    expect(store.data.getState().references[0]?.name).toBe('Letters people can read')
    refs.set('s1', reference('s1', { live: false }))
    expect(store.data.getState().references[0]?.live).toBe(false)
    refs.delete('s1')
    expect(store.data.getState().references).toEqual([])
  })

  it('stops following after dispose', () => {
    const doc = new Y.Doc()
    const store = createCyclesStore(doc)
    store.dispose()
    doc.getMap('raised').set('pattern-1', [mark('raised')])
    expect(store.data.getState().raised.size).toBe(0)
  })
})

describe('cards from below as evidence', () => {
  it('[CY20][CY21] follows where members placed the cards and which pattern each is evidence in, ignoring non-cards', () => {
    const doc = new Y.Doc()
    doc.getMap('conditions').set('cardAAAA1', card('cardAAAA1'))
    const store = createCyclesStore(doc)
    doc.getMap('placements').set('cardAAAA1', { pos: { x: 10, y: 20 } })
    doc.getMap('placements').set('notacard1', { pos: { x: 1, y: 1 } })
    doc.getMap('members').set('cardAAAA1', { pattern: 'patternA1', role: 'counter-example' })
    doc.getMap('members').set('storyAAA1', { pattern: 'patternA1', role: 'supports' })
    const { placements, cardMembers } = store.data.getState()
    expect([...placements]).toEqual([['cardAAAA1', { pos: { x: 10, y: 20 } }]])
    expect([...cardMembers]).toEqual([['cardAAAA1', { pattern: 'patternA1', role: 'counter-example' }]])
    store.dispose()
  })
})
