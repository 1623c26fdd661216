import { describe, expect, it } from 'vitest'
import { parseStoryCsv } from '../../shared/model/csvImport.ts'
import { chunkRanges, importPositions, importReport, isCsvFile, reportHeadline } from './importPlan.ts'

describe('import plan', () => {
  it('centres the grid on the given point', () => {
    const one = importPositions(1, { x: 0, y: 0 })
    expect(one).toEqual([{ x: -100, y: -70 }])
    const four = importPositions(4, { x: 1000, y: 1000 })
    const xs = four.map((p) => p.x)
    const ys = four.map((p) => p.y)
    expect((Math.min(...xs) + Math.max(...xs) + 200) / 2).toBe(1000)
    expect((Math.min(...ys) + Math.max(...ys) + 140) / 2).toBe(1000)
  })

  it('splits rows into chunks', () => {
    expect(chunkRanges(0)).toEqual([])
    expect(chunkRanges(120, 50)).toEqual([[0, 50], [50, 100], [100, 120]])
    expect(chunkRanges(1000)).toHaveLength(10)
  })

  it('recognises csv files', () => {
    expect(isCsvFile({ name: 'stories.CSV', type: '' })).toBe(true)
    expect(isCsvFile({ name: 'x.txt', type: 'text/csv' })).toBe(true)
    expect(isCsvFile({ name: 'photo.png', type: 'image/png' })).toBe(false)
  })

  it('reports every rejected row in line order', () => {
    const parsed = parseStoryCsv('text,outcome\nGood,better\n,better\nBad,sideways\n')
    const r = importReport('s.csv', parsed, 1, [{ line: 2, reason: 'could not be written' }])
    expect(r.refused).toBe(false)
    expect(r.rejected.map((x) => x.line)).toEqual([2, 3, 4])
    expect(reportHeadline(r)).toBe('Imported 1 story from s.csv; 3 rows were left out.')
  })

  it('refuses a file without a text column whole', () => {
    const r = importReport('s.csv', parseStoryCsv('title,outcome\nx,better\n'), 0)
    expect(r.refused).toBe(true)
    expect(r.rejected[0]!.reason).toMatch(/no text column/)
    expect(reportHeadline(r)).toBe('Nothing was imported from s.csv.')
  })
})
