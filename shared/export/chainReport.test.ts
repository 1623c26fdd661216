// [CY30] Outputs at every level: a board whose content is what was raised to it (no stories of its
// own) still has a real report: the asks, the evidence they carry from the chain below, and its
// answers; quotes from linked boards keep their role, teller and level.
import { describe, expect, it } from 'vitest'
import { updateBoardMeta } from '../ops/board.ts'
import { newBoard, ORIGIN, unwrap } from '../testing/board.ts'
import { exportBoard } from './exportBoard.ts'
import { buildReport, quotesOf, reportMarkdown } from './report.ts'

function organisationBoard() {
  const doc = newBoard()
  unwrap(updateBoardMeta(doc, { title: 'County council', scale: 'organisation' }, ORIGIN))
  doc.getMap('conditions').set('cond-org1', {
    id: 'cond-org1',
    kind: 'barrier',
    name: 'Legal review holds families',
    summary: '',
    note: '',
    evidence: { stories: 5, supports: 4, counterExamples: 1, working: 4, confidential: 1, restricted: 0, tellerRoles: 1, outcomes: {}, fromBelow: 4 },
    source: { boardId: 'team-1', title: 'Housing team', scale: 'team', patternId: 'p1' },
    status: 'resolved',
    declineReason: null,
    responses: [{ id: 'r1', authorName: 'Director', text: 'Legal review now takes two weeks', at: '2026-12-01T10:00:00.000Z' }],
    raisedAt: '2026-11-30T10:00:00.000Z',
  })
  return doc
}

describe('reports at every level', () => {
  const render = (audience: 'concise' | 'descriptive' | 'technical') => {
    const doc = organisationBoard()
    const quotes = { conditions: { 'cond-org1': [{ text: 'One family was housed within a week', role: 'counter-example' as const, teller: 'Practitioner A', levels: 2, scale: 'person' as const }] }, references: {} }
    const data = exportBoard(doc, { anonymous: false, ballots: [], exportedAt: '2026-12-02T00:00:00.000Z', quotes })
    return reportMarkdown(buildReport(data, quotesOf(doc), audience))
  }

  it('[CY30] the concise report of a board with no stories names what was raised to it, the evidence carried and the answer', () => {
    const md = render('concise')
    expect(md).toContain('1 enabler or barrier raised to this board from below, carrying the evidence of 5 stories')
    expect(md).toContain('Barrier: Legal review holds families (from Housing team, team): Resolved; evidence of 5 stories (4 supporting, 1 counter-example, 4 from further below); answered: “Legal review now takes two weeks” (Director, 2026-12-01)')
  })

  it('[CY30] the measures carried up the chain appear summed with the card', () => {
    const doc = organisationBoard()
    const data = exportBoard(doc, { anonymous: false, ballots: [], exportedAt: '2026-12-02T00:00:00.000Z' })
    const node = { conditionId: 'cond-org1', kind: 'barrier' as const, status: 'resolved' as const, role: 'supports' as const, board: { id: null, title: 'Housing team', scale: 'team' as const }, access: false, pattern: null, stories: [], evidence: data.conditions[0]!.evidence, measures: [{ name: 'People seen', unit: 'people', count: 2, sum: 23 }], quotes: [], below: [] }
    expect(reportMarkdown(buildReport(data, quotesOf(doc), 'concise', { 'cond-org1': node }))).toContain('; measures: People seen 23 people (2 stories); answered:')
  })

  it('[CY30] received quotes stay counter-examples and name their teller and level', () => {
    expect(render('descriptive')).toContain('One family was housed within a week (counter-example) — Practitioner A, person cycle, 2 levels down')
  })

  it('[CY28] the technical report prints the whole chain below a card as one', () => {
    const doc = organisationBoard()
    const data = exportBoard(doc, { anonymous: false, ballots: [], exportedAt: '2026-12-02T00:00:00.000Z' })
    const evidence = (stories: number) => ({ stories, supports: stories, counterExamples: 0, working: stories, confidential: 0, restricted: 0, tellerRoles: 0, outcomes: {} })
    const person = { measures: [], conditionId: 'cond-ann', kind: 'barrier' as const, status: 'raised' as const, role: 'supports' as const, board: { id: null, title: null, scale: 'person' as const }, access: false, pattern: null, stories: [], evidence: evidence(2), quotes: [{ text: 'Twelve families wait', role: 'supports' as const, teller: 'Practitioner A' }], below: [] }
    const chains = { 'cond-org1': { ...person, conditionId: 'cond-org1', status: 'resolved' as const, board: { id: null, title: 'Housing team', scale: 'team' as const }, evidence: evidence(3), quotes: [], below: [person] } }
    const md = reportMarkdown(buildReport(data, quotesOf(doc), 'technical', chains))
    expect(md).toContain('Chain below barrier “Legal review holds families” on this board:')
    expect(md).toContain('↳ Housing team (Team): barrier resolved, 3 stories')
    expect(md).toContain('↳ ↳ A person cycle (title hidden) (Person): barrier raised, 2 stories')
    expect(md).toContain('“Twelve families wait” — Practitioner A')
  })
})
