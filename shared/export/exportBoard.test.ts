import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { storiesMap } from '../model/layout.ts'
import { readBoard } from '../model/readBoard.ts'
import { newBoard, ORIGIN, unwrap } from '../testing/board.ts'
import { exportBoard } from './exportBoard.ts'
import { droppedQuotes, importBoard, parseExport } from './importBoard.ts'
import { readConditions, readReferences } from '../model/condition.ts'
import { RESTRICTED_CANARY, richBoard } from './testBoard.ts'

const AT = '2026-11-26T04:00:00.000Z'

function roundTrip(json: string, voteSessionId: string | null): Y.Doc {
  const doc = newBoard()
  const data = unwrap(parseExport(JSON.parse(json)))
  unwrap(importBoard(doc, data, ORIGIN, { voteSessionId }))
  return doc
}

describe('board export (learning-wall-board/2)', () => {
  it('[X1] round-trips: export, import into a new board, export again gives identical JSON', () => {
    const { doc, ballots } = richBoard()
    const first = JSON.stringify(exportBoard(doc, { anonymous: false, ballots, exportedAt: AT }), null, 2)
    const imported = roundTrip(first, 'vote-new')
    // The server stores the imported ballots under numbered voters; the export renumbers them alike.
    const again = exportBoard(imported, {
      anonymous: false,
      ballots: JSON.parse(first).votes.ballots.map((b: { voter: string; organisation: string; patternId: string; count: number }) => ({ ...b, userId: b.voter })),
      exportedAt: AT,
    })
    expect(JSON.stringify(again, null, 2)).toBe(first)
    const data = JSON.parse(first)
    expect(data.stories).toHaveLength(5)
    expect(data.patterns[0].members).toHaveLength(4)
    expect(data.votes.ballots).toHaveLength(3)
    expect(data.votes.ballots[0].voter).toBe('voter-001')
    expect(data.conditions).toHaveLength(1)
    expect(data.raised['pattern-p1'][0].status).toBe('in_progress')
    expect(data.method.phases).toHaveLength(2)
    // The imported board reads the same through the tolerant reader, with no problems.
    expect(readBoard(imported).problems).toEqual([])
    expect(readBoard(imported).patterns.map((p) => p.name)).toEqual(readBoard(doc).patterns.map((p) => p.name))
  })

  it('keeps rich text structure, and drops unsafe links but keeps their text', () => {
    const { doc, ballots } = richBoard()
    const data = exportBoard(doc, { anonymous: false, ballots, exportedAt: AT })
    const story = data.stories.find((s) => s.id === 'story-aaa1')!
    expect(story.rich[0]).toEqual({
      type: 'paragraph',
      content: [{ text: 'She came back ' }, { text: 'three times', marks: [{ type: 'bold' }] }, { text: ' before it worked' }],
    })
    const json = JSON.stringify(story.rich)
    expect(json).toContain('https://example.org/notes')
    expect(json).not.toContain('javascript:')
    expect(json).toContain(' and the bad link')
  })

  it('[X2] restricted stories travel as placeholders only: no text, fields or tags', () => {
    const { doc, ballots } = richBoard()
    const data = exportBoard(doc, { anonymous: false, ballots, exportedAt: AT })
    expect(JSON.stringify(data)).not.toContain('CANARY')
    const placeholder = data.stories.find((s) => s.id === 'story-ddd4')!
    expect(placeholder).toMatchObject({ withheld: true, sensitivity: 'restricted', text: '', rich: [] })
    expect(RESTRICTED_CANARY).toContain('CANARY')
    // Imported, it is a placeholder as the restricted room keeps them: no text, no fields.
    const imported = newBoard()
    unwrap(importBoard(imported, data, ORIGIN, { voteSessionId: null }))
    expect([...storiesMap(imported).get('story-ddd4')!.keys()].sort()).toEqual(['colour', 'createdAt', 'id', 'pos', 'sensitivity', 'size', 'updatedAt', 'z'])
  })

  it('an anonymous board exports no ballots', () => {
    const { doc, ballots } = richBoard()
    const data = exportBoard(doc, { anonymous: true, ballots, exportedAt: AT })
    expect(data.votes.ballots).toEqual([])
    expect(data.votes.session?.totals).toEqual({ 'pattern-p1': 4, 'pattern-p2': 1 })
  })

  it('[X4] refuses bad imports with a clear error and changes nothing', () => {
    const { doc, ballots } = richBoard()
    const good = exportBoard(doc, { anonymous: false, ballots, exportedAt: AT })
    expect(parseExport({ ...good, format: 'learning-wall-board/9' })).toMatchObject({ ok: false, error: { code: 'unsupported_format' } })
    expect(parseExport({ ...good, stories: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const dangling = { ...good, patterns: [{ ...good.patterns[0]!, members: [{ storyId: 'story-missing', role: 'supports' }] }] }
    expect(parseExport(dangling)).toMatchObject({ ok: false, error: { message: expect.stringContaining('story-missing') } })
    const twice = { ...good, stories: [...good.stories, good.stories[0]!] }
    expect(parseExport(twice)).toMatchObject({ ok: false, error: { message: expect.stringContaining('twice') } })
  })

  it('[E16] cards carry the quotes the server resolved at export time beside them; an import writes none into the board', () => {
    const { doc, ballots } = richBoard()
    const quote = { text: 'CANARY-x-9d2a the letter came too late', role: 'supports' as const }
    const data = exportBoard(doc, { anonymous: false, ballots, exportedAt: AT, quotes: { conditions: { 'cond-1': [quote] }, references: { 'share-1': [quote] } } })
    expect(data.format).toBe('learning-wall-board/2')
    expect(data.conditions[0]!.quotes).toEqual([quote])
    expect(data.references[0]!.quotes).toEqual([quote])
    // Without resolved quotes (a card the server has no record for) the card has none.
    expect(exportBoard(doc, { anonymous: false, ballots, exportedAt: AT }).conditions[0]).not.toHaveProperty('quotes')
    const parsed = unwrap(parseExport(JSON.parse(JSON.stringify(data))))
    expect(droppedQuotes(data)).toBe(2)
    const imported = newBoard()
    unwrap(importBoard(imported, parsed, ORIGIN, { voteSessionId: null }))
    expect(readConditions(imported).map((c) => c.name)).toEqual(['Benefit rules'])
    expect(readReferences(imported).map((r) => r.name)).toEqual(['Peer pattern'])
    expect(JSON.stringify(imported.toJSON())).not.toContain('CANARY')
  })

  it('[E18] a learning-wall-board/1 file still imports: its cards\' copied quotes are dropped and counted', () => {
    const { doc, ballots } = richBoard()
    const v2 = exportBoard(doc, { anonymous: false, ballots, exportedAt: AT })
    const old = 'CANARY-v1-77be we were told to wait'
    const v1 = {
      ...v2,
      format: 'learning-wall-board/1',
      conditions: v2.conditions.map((c) => ({ ...c, evidence: { ...c.evidence, quotes: [old] } })),
      references: v2.references.map((r) => ({ ...r, evidence: { ...r.evidence, quotes: [old, 'another'] } })),
    }
    expect(droppedQuotes(v1)).toBe(3)
    const parsed = unwrap(parseExport(JSON.parse(JSON.stringify(v1))))
    expect(parsed.format).toBe('learning-wall-board/1')
    const imported = newBoard()
    unwrap(importBoard(imported, parsed, ORIGIN, { voteSessionId: null }))
    expect(readConditions(imported)[0]!.evidence).toEqual(v2.conditions[0]!.evidence)
    expect(readBoard(imported).stories).toHaveLength(5)
    expect(JSON.stringify(imported.toJSON())).not.toContain(old)
    // Exported again, it is a /2 file without them.
    expect(JSON.stringify(exportBoard(imported, { anonymous: false, ballots: [], exportedAt: AT }))).not.toContain(old)
  })
})
