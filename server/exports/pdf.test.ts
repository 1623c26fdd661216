// The PDFs, rendered in-process here (the worker runs the same function), read back structurally.
import { describe, expect, it } from 'vitest'
import { exportBoard } from '../../shared/export/exportBoard.ts'
import { AUDIENCES, buildReport, quotesOf } from '../../shared/export/report.ts'
import { renderSvg } from '../../shared/export/svg.ts'
import { richBoard } from '../../shared/export/testBoard.ts'
import { boardPdf } from './pdf.ts'
import { pdfPages, pdfText } from './pdfText.ts'
import { render } from './render.ts'

const AT = '2026-11-26T04:00:00.000Z'

describe('PDF and PNG exports', () => {
  const { doc, ballots } = richBoard()
  const data = exportBoard(doc, { anonymous: false, ballots, exportedAt: AT })

  it('the board PDF has an overview page and one page per pattern with its stories', async () => {
    const progress: number[] = []
    const pdf = await render({ kind: 'board.pdf', data }, (done, total) => progress.push(done / total))
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-')
    // The overview, what was raised to the board from below [CY30], then one page per pattern.
    expect(pdfPages(pdf)).toBe(2 + data.patterns.length)
    expect(progress.at(-1)).toBe(1)
    const text = pdfText(pdf)
    expect(text).toContain('Persistence builds trust')
    expect(text).toContain('Waiting lists felt endless')
    expect(text).toContain('Restricted story')
    expect(text).not.toContain('CANARY')
  })

  it('[CY30] the board PDF has a page of what was raised to the board from below, with evidence and answers', async () => {
    const text = pdfText(await boardPdf(data, () => {}, { compress: false }))
    expect(text).toContain('Raised to this board from below')
    expect(text).toContain('Barrier: Benefit rules')
    expect(text).toMatch(/Evidence carried: \d+ stories/)
  })

  it('report PDFs for every audience carry the report and never the restricted or confidential text', async () => {
    for (const audience of AUDIENCES) {
      const pdf = await render({ kind: 'report.pdf', report: buildReport(data, quotesOf(doc), audience) }, () => {})
      const text = pdfText(pdf)
      expect(text, audience).toContain('Show your working: Debt advice team')
      expect(text, audience).not.toContain('CANARY')
      expect(text, audience).not.toContain('council tax')
      if (audience !== 'concise') expect(text, audience).toContain('Waiting lists felt endless')
      else expect(pdfPages(pdf), 'the concise report fits one page').toBe(1)
    }
  })

  it('the PNG is a real image of the SVG at its size', async () => {
    const pic = renderSvg(data, { kind: 'board' })!
    const png = await render({ kind: 'board.png', svg: pic.svg, width: pic.width, height: pic.height }, () => {})
    expect(Array.from(png.subarray(1, 4))).toEqual([0x50, 0x4e, 0x47])
    const view = new DataView(png.buffer, png.byteOffset)
    expect(view.getUint32(16)).toBe(pic.width * 2)
    expect(view.getUint32(20)).toBe(pic.height * 2)
  })
})
