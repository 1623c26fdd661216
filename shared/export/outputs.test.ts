import { describe, expect, it } from 'vitest'
import { csvCell, patternsCsv, storiesCsv } from './csv.ts'
import { exportBoard } from './exportBoard.ts'
import { AUDIENCES, buildReport, quotesOf, reportMarkdown } from './report.ts'
import { renderSvg, type PictureScope } from './svg.ts'
import { CONFIDENTIAL_TEXT, RESTRICTED_CANARY, richBoard } from './testBoard.ts'

const AT = '2026-11-26T04:00:00.000Z'

function everyOutput(): Record<string, string> {
  const { doc, ballots } = richBoard()
  const data = exportBoard(doc, { anonymous: false, ballots, exportedAt: AT })
  const quotes = quotesOf(doc)
  const out: Record<string, string> = {
    json: JSON.stringify(data),
    'stories.csv': storiesCsv(data),
    'patterns.csv': patternsCsv(data),
  }
  for (const a of AUDIENCES) out[`report ${a}`] = reportMarkdown(buildReport(data, quotes, a))
  const scopes: PictureScope[] = [
    { kind: 'board' },
    { kind: 'pattern', patternId: 'pattern-p1' },
    { kind: 'stories', storyIds: ['story-ddd4', 'story-aaa1'] },
  ]
  for (const s of scopes) out[`svg ${s.kind}`] = renderSvg(data, s)!.svg
  return out
}

describe('exports and reports', () => {
  it('[X2] canary: a restricted story\u2019s text, tags and experiment appear in no export or report', () => {
    const outputs = everyOutput()
    expect(Object.keys(outputs)).toHaveLength(9)
    for (const [name, text] of Object.entries(outputs)) {
      expect(text.includes(RESTRICTED_CANARY), name).toBe(false)
      expect(text.includes('CANARY'), name).toBe(false)
    }
    // The same outputs do carry the working stories, so the check above can fail.
    expect(outputs['svg board']).toContain('Waiting lists felt')
    expect(outputs['stories.csv']).toContain('Waiting lists felt endless')
  })

  it('[X3] confidential stories are counted in reports, never quoted; working ones are quoted in descriptive and technical', () => {
    const outputs = everyOutput()
    for (const a of AUDIENCES) expect(outputs[`report ${a}`]!.includes('council tax'), a).toBe(false)
    expect(outputs['report descriptive']).toContain('> Waiting lists felt endless')
    expect(outputs['report descriptive']).toContain('3 stories counted but not quoted (1 confidential, 1 restricted; the rest without consent to quote)')
    expect(outputs['report concise']).not.toContain('> ')
    // story-aaa1 is working but has no consent to quote: counted, never quoted.
    for (const a of AUDIENCES) expect(outputs[`report ${a}`]!.includes('three times'), a).toBe(false)
    // The data exports are for the board's own members: confidential text stays in them.
    expect(outputs['stories.csv']).toContain(CONFIDENTIAL_TEXT)
  })

  it('the concise report is one page of patterns, votes and raised conditions with status', () => {
    const md = everyOutput()['report concise']!
    expect(md).toContain('| Persistence builds trust | 4 | 3 / 1 | medium | 4 |')
    expect(md).toContain('| Persistence builds trust | Enabler | Council (Organisation) | In progress |')
    expect(md).toContain('Barrier: Benefit rules (from Front door, person): Acknowledged')
    expect(md.split('\n').length).toBeLessThan(40)
  })

  it('the technical report has method, counts by teller role and outcome, measures, provenance and limitations', () => {
    const md = everyOutput()['report technical']!
    expect(md).toContain('## Method and phases')
    expect(md).toContain('| 1 | Silent writing | 10 | What happened? | private writing |')
    expect(md).toContain('| Resident | 1 | 0 | 1 | 0 | 0 | 2 |')
    expect(md).toContain('| Withheld (restricted) | 0 | 0 | 0 | 0 | 1 | 1 |')
    expect(md).toContain('| Income gained | £/month | 1 | 120 | 120 |')
    expect(md).toContain('4 stories → pattern “Persistence builds trust” → enabler on Council (Organisation): In progress')
    expect(md).toContain('## Limitations')
    expect(md).toContain('| Council | Persistence builds trust: 3 |')
  })

  it('stories CSV has pattern, role in pattern and every field; patterns CSV has evidence, votes, where raised and status', () => {
    const outputs = everyOutput()
    const stories = outputs['stories.csv']!.split('\r\n')
    expect(stories[0]).toBe('story_id,text,pattern,pattern_id,role_in_pattern,experiment,teller_role,date,tags,outcome,measures,sensitivity,author,x,y,colour,created_at,updated_at')
    const bbb = stories.find((l) => l.startsWith('story-bbb2'))!
    expect(bbb).toContain('Persistence builds trust,pattern-p1,counter-example,,Practitioner')
    const aaa = stories.find((l) => l.startsWith('story-aaa1'))!
    expect(aaa).toContain('"She came back three times before it worked\nsee the notes and the bad link"')
    expect(aaa).toContain('debt; trust,better,Income gained=120 £/month,working,user-1')
    expect(stories.find((l) => l.startsWith('story-ddd4'))).toContain('[restricted: not exported]')
    const patterns = outputs['patterns.csv']!.split('\r\n')
    expect(patterns[1]).toContain('pattern-p1,Persistence builds trust,,medium,"Four stories, two roles",4,3,1,Resident; Practitioner,1,1,1,0')
    expect(patterns[1]).toContain(',2,1,1,4,enabler → Council (organisation),in_progress')
  })

  it('CSV cells that a spreadsheet would run as formulas are neutralised', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"')
    expect(csvCell('-3')).toBe("'-3")
    expect(csvCell(-3)).toBe('-3')
    expect(csvCell('plain')).toBe('plain')
  })

  it('ids that start with "-" stay exactly the id in the CSVs (no leading \')', () => {
    const { doc, ballots } = richBoard()
    const data = exportBoard(doc, { anonymous: false, ballots, exportedAt: AT })
    const [first] = data.stories
    const p = data.patterns[0]!
    const story = { ...first!, id: '-Ab3_x' }
    const board = { ...data, stories: [story, ...data.stories.slice(1)], patterns: [{ ...p, id: '-Pq9', members: [{ storyId: '-Ab3_x', role: 'supports' as const }] }, ...data.patterns.slice(1)] }
    const row = storiesCsv(board).split('\r\n')[1]!
    expect(row.startsWith('-Ab3_x,')).toBe(true)
    expect(row).toContain(',-Pq9,')
    expect(patternsCsv(board).split('\r\n')[1]!.startsWith('-Pq9,')).toBe(true)
    // Text that starts with "-" is still neutralised.
    expect(storiesCsv({ ...board, stories: [{ ...story, text: '-2+3' }] }).split('\r\n')[1]).toContain(",'-2+3,")
  })

  it('SVG escapes story text and draws the chosen scope only', () => {
    const { doc, ballots } = richBoard()
    const data = exportBoard(doc, { anonymous: false, ballots, exportedAt: AT })
    const story = data.stories.find((s) => s.id === 'story-bbb2')!
    story.text = '<script>alert(1)</script> & more'
    const board = renderSvg(data, { kind: 'board' })!
    expect(board.svg).not.toContain('<script>')
    expect(board.svg).toContain('&#60;script&#62;')
    expect(board.stories).toBe(5)
    const one = renderSvg(data, { kind: 'pattern', patternId: 'pattern-p2' })!
    expect(one).toMatchObject({ stories: 0, patterns: 1 })
    expect(one.svg).toContain('Waiting lists (0)')
    expect(renderSvg(data, { kind: 'pattern', patternId: 'pattern-none' })).toBeNull()
    expect(renderSvg(data, { kind: 'stories', storyIds: ['story-none1'] })).toBeNull()
  })
})
