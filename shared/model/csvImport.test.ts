import { describe, expect, it } from 'vitest'
import { createStories } from '../ops/story.ts'
import { addPattern, addStory, newBoard, ORIGIN, unwrap } from '../testing/board.ts'
import { gridPositions, parseMeasures, parseStoryCsv } from './csvImport.ts'
import { readBoard } from './readBoard.ts'

describe('CSV import of stories', () => {
  it('[C1] maps header aliases to fields and validates each row', () => {
    const csv = [
      'Story,Teller role,Date,Tags,Outcome,Measures,Sensitivity,Ignored',
      '"Rent cleared, finally",tenant,2024-03-01,housing;debt,Better,income=120 £/month,working,x',
      'Second,advisor,,,,,,',
    ].join('\n')
    const r = parseStoryCsv(csv)
    expect(r.rejected).toEqual([])
    expect(r.rows).toEqual([
      {
        line: 2,
        text: 'Rent cleared, finally',
        fields: {
          tellerRole: 'tenant',
          date: '2024-03-01',
          tags: ['housing', 'debt'],
          outcome: 'better',
          measures: [{ name: 'income', value: 120, unit: '£/month' }],
          sensitivity: 'working',
        },
      },
      { line: 3, text: 'Second', fields: { tellerRole: 'advisor' } },
    ])
  })

  it('[C2] rejects bad rows with their line and a reason, keeping the good ones', () => {
    const csv = [
      'text,date,outcome,sensitivity,measures',
      'ok,2024-01-01,better,working,',
      ',2024-01-01,,,',
      'bad date,01/02/2024,,,',
      'bad outcome,,great,,',
      'bad sensitivity,,,secret,',
      'bad measure,,,,income lots',
      'short row',
    ].join('\n')
    const r = parseStoryCsv(csv)
    expect(r.rows.map((x) => x.text)).toEqual(['ok'])
    expect(r.rejected.map((x) => x.line)).toEqual([3, 4, 5, 6, 7, 8])
    expect(r.rejected[0]!.reason).toBe('text is empty')
    expect(r.rejected[1]!.reason).toMatch(/^date: /)
    expect(r.rejected[2]!.reason).toBe('outcome: "great" is not one of better, worse, mixed, unclear')
    expect(r.rejected[3]!.reason).toBe('sensitivity: "secret" is not one of working, confidential, restricted')
    expect(r.rejected[4]!.reason).toMatch(/measure/)
    expect(r.rejected[5]!.reason).toMatch(/cells/)
  })

  it('[C3] a file without a text column is refused whole', () => {
    expect(parseStoryCsv('name,date\nx,2024-01-01').rejected).toEqual([
      { line: 1, reason: 'no text column (name one column "text" or "story")' },
    ])
    expect(parseStoryCsv('').rejected[0]!.reason).toBe('the file is empty')
  })

  it('[C4] 1,000 rows with 20 bad ones: 980 rows, 20 reasons', () => {
    const lines = ['text,tags,outcome']
    for (let i = 0; i < 1000; i++) lines.push(i % 50 === 7 ? `story ${i},x,nonsense` : `story ${i},t${i % 5},better`)
    const r = parseStoryCsv(lines.join('\n'))
    expect(r.rows).toHaveLength(980)
    expect(r.rejected).toHaveLength(20)
    expect(r.rejected.every((x) => x.reason.startsWith('outcome:'))).toBe(true)
  })

  it('[C5] measures parse as name=number unit', () => {
    expect(parseMeasures('income = -12.5 £ ; hours: 3')).toEqual([
      { name: 'income', value: -12.5, unit: '£' },
      { name: 'hours', value: 3, unit: '' },
    ])
  })

  it('[C6] grid positions are roughly square and do not overlap', () => {
    const p = gridPositions(10, { x: 100, y: 50 })
    expect(p[0]).toEqual({ x: 100, y: 50 })
    expect(new Set(p.map((q) => `${q.x},${q.y}`)).size).toBe(10)
    expect(Math.max(...p.map((q) => q.x))).toBe(100 + 3 * 224)
  })
})

describe('CSV import onto a board', () => {
  it('[C7] [M13] 1,000 rows with 20 bad ones: 980 stories in a grid, the bad lines reported, the rest of the board untouched', () => {
    const doc = newBoard()
    addStory(doc, 'story-old-1', { text: 'Already here', fields: { tags: ['keep'] } })
    addStory(doc, 'story-old-2', { pos: { x: 300, y: 0 } })
    addPattern(doc, 'pattern-a', ['story-old-1'])
    const before = readBoard(doc)

    const lines = ['text,tags,date']
    for (let i = 0; i < 1000; i++) lines.push(i % 50 === 7 ? `story ${i},x,7 May` : `"story ${i}, ward ${i % 3}",w${i % 3},2024-05-01`)
    const parsed = parseStoryCsv(lines.join('\n'))
    expect(parsed.rejected.map((r) => r.line)).toEqual(Array.from({ length: 20 }, (_, k) => 50 * k + 9))
    expect(parsed.rejected.every((r) => r.reason === 'date: a date is YYYY-MM-DD')).toBe(true)

    const at = gridPositions(parsed.rows.length, { x: 0, y: 1000 })
    for (let start = 0; start < parsed.rows.length; start += 100) {
      const chunk = parsed.rows.slice(start, start + 100)
      unwrap(createStories(doc, { stories: chunk.map((r, k) => ({ pos: at[start + k], text: r.text, fields: r.fields })) }, ORIGIN))
    }
    const after = readBoard(doc)
    expect(after.problems).toEqual([])
    expect(after.stories).toHaveLength(982)
    expect(after.stories.slice(0, 2)).toEqual(before.stories)
    expect(after.patterns).toEqual(before.patterns)
    const added = after.stories.slice(2)
    // In file order, back to front, each at its grid cell.
    expect(added.map((s) => s.text)).toEqual(parsed.rows.map((r) => r.text))
    expect(added.map((s) => s.pos)).toEqual(at)
    expect(new Set(added.map((s) => s.pos.x)).size).toBe(32)
  })
})

describe('CSV line numbers', () => {
  it('[C8] rows are numbered by the line they start on, past multi-line cells and blank rows; any line break is a paragraph', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const csv = ['text,outcome', `"first${nl}second paragraph",better`, '', ',,', 'bad,great', `"three${nl}${nl}lines",better`, ',better', 'ok,better'].join(nl)
      const r = parseStoryCsv(csv)
      expect(r.rows.map((x) => [x.line, x.text]), JSON.stringify(nl)).toEqual([
        [2, 'first\nsecond paragraph'],
        [7, 'three\n\nlines'],
        [11, 'ok'],
      ])
      expect(r.rejected.map((x) => x.line), JSON.stringify(nl)).toEqual([6, 10])
    }
  })
})
