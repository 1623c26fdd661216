// A board with every kind of content an export carries, for the export tests (test-only helper).
// Pure module: Yjs only.
import * as Y from 'yjs'
import { emptySession, SESSION_KEY } from '../model/facilitation.ts'
import { ROOT, storiesMap, voteMap } from '../model/layout.ts'
import { seedFragment } from '../model/richText.ts'
import { setMembership, updatePattern } from '../ops/pattern.ts'
import { addPattern, addStory, newBoard, ORIGIN, unwrap } from '../testing/board.ts'
import { updateBoardMeta } from '../ops/board.ts'
import type { BallotRow } from './exportBoard.ts'

export const RESTRICTED_CANARY = 'CANARY-restricted-Mrs-Okafor-eviction-notice'
export const CONFIDENTIAL_TEXT = 'Confidential: the debt was with the council tax office'

export function richBoard(): { doc: Y.Doc; ballots: BallotRow[] } {
  const doc = newBoard()
  unwrap(updateBoardMeta(doc, { title: 'Debt advice team', scale: 'team', element: 'experiment' }, ORIGIN))
  addStory(doc, 'story-aaa1', {
    pos: { x: 40, y: 60 },
    fields: { tellerRole: 'Resident', outcome: 'better', tags: ['debt', 'trust'], date: '2026-10-02', experiment: 'Drop-in', measures: [{ name: 'Income gained', value: 120, unit: '£/month' }] },
    author: 'user-1',
  })
  const fragment = storiesMap(doc).get('story-aaa1')!.get('text') as Y.XmlFragment
  doc.transact(() => {
    seedFragment(fragment, [[{ text: 'She came back ' }, { text: 'three times', marks: ['bold'] }, { text: ' before it worked' }]])
    const list = new Y.XmlElement('bulletList')
    const item = new Y.XmlElement('listItem')
    const para = new Y.XmlElement('paragraph')
    const text = new Y.XmlText()
    fragment.insert(fragment.length, [list])
    list.insert(0, [item])
    item.insert(0, [para])
    para.insert(0, [text])
    text.insert(0, 'see the notes', { link: { href: 'https://example.org/notes' } })
    text.insert(text.length, ' and the bad link', { link: { href: 'javascript:alert(1)' } })
  }, ORIGIN)
  addStory(doc, 'story-bbb2', { pos: { x: 300, y: 60 }, text: 'Waiting lists felt endless', fields: { tellerRole: 'Practitioner', outcome: 'worse', consent: { givenBy: 'practitioner', covers: ['board', 'quotes'], date: '2026-10-02' } } })
  addStory(doc, 'story-ccc3', { pos: { x: 40, y: 300 }, text: CONFIDENTIAL_TEXT, fields: { consent: { givenBy: 'tenant', covers: ['board', 'quotes'], date: '2026-10-02' }, sensitivity: 'confidential', tellerRole: 'Resident', outcome: 'mixed' } })
  addStory(doc, 'story-ddd4', { pos: { x: 300, y: 300 }, text: RESTRICTED_CANARY, fields: { sensitivity: 'restricted', tellerRole: 'Resident', outcome: 'worse', tags: ['CANARY-tag'], experiment: 'CANARY-experiment' } })
  addStory(doc, 'story-eee5', { pos: { x: 900, y: 900 }, text: 'A loose story, in no pattern' })
  addPattern(doc, 'pattern-p1', ['story-aaa1', 'story-ccc3', 'story-ddd4'], { x: 0, y: 0 })
  unwrap(setMembership(doc, { storyId: 'story-bbb2', pattern: 'pattern-p1', role: 'counter-example' }, ORIGIN))
  unwrap(updatePattern(doc, { id: 'pattern-p1', name: 'Persistence builds trust', confidence: 'medium', confidenceReason: 'Four stories, two roles' }, ORIGIN))
  addPattern(doc, 'pattern-p2', [], { x: 800, y: 0 })
  unwrap(updatePattern(doc, { id: 'pattern-p2', name: 'Waiting lists' }, ORIGIN))
  doc.transact(() => {
    voteMap(doc).set('session', {
      id: 'vote-1', status: 'closed', votesPerPerson: 3, maxPerPattern: null, openedAt: '2026-10-02T10:00:00.000Z',
      closedAt: '2026-10-02T10:10:00.000Z', totals: { 'pattern-p1': 4, 'pattern-p2': 1 },
      byOrganisation: { Council: { 'pattern-p1': 3 }, Charity: { 'pattern-p1': 1, 'pattern-p2': 1 } }, voters: 2,
    })
    const evidence = { stories: 3, supports: 3, counterExamples: 0, working: 3, confidential: 0, restricted: 0, tellerRoles: 2, outcomes: { better: 2 } }
    doc.getMap(ROOT.conditions).set('cond-1', {
      id: 'cond-1', kind: 'barrier', name: 'Benefit rules', summary: 'Rules stop help', note: '', evidence,
      source: { boardId: 'board-below', title: 'Front door', scale: 'person', patternId: 'px' },
      status: 'acknowledged', declineReason: null, responses: [{ id: 'r1', authorName: 'Sam', text: 'On it', at: '2026-10-03T09:00:00.000Z' }],
      raisedAt: '2026-10-02T11:00:00.000Z', raisedBy: 'Ana',
    })
    doc.getMap(ROOT.raised).set('pattern-p1', [{
      conditionId: 'cond-up', kind: 'enabler', target: { boardId: 'board-above', title: 'Council', scale: 'organisation' },
      status: 'in_progress', declineReason: null, responses: [],
    }])
    doc.getMap(ROOT.references).set('share-1', {
      id: 'share-1', name: 'Peer pattern', summary: 'From a peer', evidence,
      source: { boardId: 'board-peer', title: 'Peer team', scale: 'team', patternId: 'pp' }, live: true, updatedAt: '2026-10-02T12:00:00.000Z',
    })
    doc.getMap(ROOT.areas).set('area-1', { label: 'Table 1', kind: 'table', rect: { x: 0, y: 0, w: 600, h: 400 } })
    doc.getMap(ROOT.session).set(SESSION_KEY, {
      ...emptySession(), templateId: 'team-reflection', templateVersion: 1, phaseIndex: 1,
      phases: [
        { id: 'write', name: 'Silent writing', prompt: 'What happened?', minutes: 10, private: true, voting: false },
        { id: 'vote', name: 'Vote', prompt: 'What matters most?', minutes: 5, private: false, voting: true },
      ],
    })
  }, { kind: 'server', reason: 'test' })
  const ballots: BallotRow[] = [
    { userId: 'user-zed', organisation: 'Council', patternId: 'pattern-p1', count: 3 },
    { userId: 'user-amy', organisation: 'Charity', patternId: 'pattern-p1', count: 1 },
    { userId: 'user-amy', organisation: 'Charity', patternId: 'pattern-p2', count: 1 },
  ]
  return { doc, ballots }
}
