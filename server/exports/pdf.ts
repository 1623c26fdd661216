// PDFs through pdfkit (pure JS): the board (an overview page drawn from the model, then one page
// per pattern with its stories) and the printable "show your working" report. Standard Helvetica
// keeps the output independent of installed fonts; characters outside WinAnsi are spelled out.
// Runs inside the export worker (exportWorker.ts), never on the server's event loop.
import PDFDocument from 'pdfkit'
import { summarizeEvidence } from '../../shared/model/evidence.ts'
import { STATUS_LABELS } from '../../shared/model/condition.ts'
import { asPattern, asStory, round } from '../../shared/export/csv.ts'
import type { BoardExport, ExportStory } from '../../shared/export/format.ts'
import type { Report } from '../../shared/export/report.ts'

export type Progress = (done: number, total: number) => void

const PAGE = { size: 'A4', layout: 'landscape' as const, margin: 40 }

/** WinAnsi lacks arrows and a few others: spell them out rather than print blanks. */
export const winAnsi = (s: string): string =>
  // eslint-disable-next-line no-control-regex -- the range is Latin-1, control characters included
  s.replace(/→/g, '->').replace(/←/g, '<-').replace(/[\u2190-\u21ff]/g, '*').replace(/[^\u0000-\u00ff\u2018-\u201e\u2022\u2026\u2013\u2014\u20ac]/g, '?')

function finish(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  return new Promise((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    doc.on('error', reject)
    doc.end()
  })
}

export type PdfOptions = { compress?: boolean }

export async function boardPdf(data: BoardExport, progress: Progress, options: PdfOptions = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({ ...PAGE, compress: options.compress ?? true, info: { Title: winAnsi(data.board.title), Creator: 'Learning Wall' } })
  const total = data.patterns.length + 1
  overviewPage(doc, data)
  // What was raised to the board from below, with the evidence carried and its answers: a board
  // whose content came from below (an organisation's) is not blank.
  if (data.conditions.length) fromBelowPage(doc, data)
  progress(1, total)
  const stories = new Map(data.stories.map((s) => [s.id, s]))
  const models = new Map(data.stories.map((s) => [s.id, asStory(s)]))
  data.patterns.forEach((p, i) => {
    doc.addPage(PAGE)
    doc.font('Helvetica-Bold').fontSize(18).fillColor('#1d3a8a').text(winAnsi(p.name || 'Untitled pattern'))
    if (p.description) doc.moveDown(0.3).font('Helvetica').fontSize(11).fillColor('#222').text(winAnsi(p.description))
    const e = summarizeEvidence(asPattern(p), models)
    const outcomes = Object.entries(e.outcomes).filter(([, n]) => n).map(([o, n]) => `${n} ${o}`).join(', ')
    doc.moveDown(0.4).font('Helvetica').fontSize(10).fillColor('#444')
      .text(winAnsi(`${e.stories} stories: ${e.supports} supporting, ${e.counterExamples} counter-examples. Teller roles: ${e.tellerRoles.join(', ') || 'none recorded'}. Outcomes: ${outcomes || 'none recorded'}.${p.confidence ? ` Confidence: ${p.confidence}.` : ''}`))
    for (const m of e.measures) doc.text(winAnsi(`${m.name}: ${m.count} recorded, mean ${round(m.mean)} ${m.unit}`))
    doc.moveDown(0.6)
    for (const m of p.members) {
      const s = stories.get(m.storyId)
      if (s) storyBlock(doc, s, m.role)
    }
    progress(i + 2, total)
  })
  return finish(doc)
}

function fromBelowPage(doc: PDFKit.PDFDocument, data: BoardExport): void {
  doc.addPage(PAGE)
  doc.font('Helvetica-Bold').fontSize(18).fillColor('#111').text('Raised to this board from below')
  for (const c of data.conditions) {
    if (doc.y > doc.page.height - 140) doc.addPage(PAGE)
    const e = c.evidence
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(13).fillColor(c.kind === 'enabler' ? '#1a5e20' : '#842029')
      .text(winAnsi(`${c.kind === 'enabler' ? 'Enabler' : 'Barrier'}: ${c.name}`))
    doc.font('Helvetica').fontSize(10).fillColor('#444')
      .text(winAnsi(`From ${c.source.title} (${c.source.scale}) · ${STATUS_LABELS[c.status]}${c.declineReason ? `: ${c.declineReason}` : ''}`))
      .text(winAnsi(`Evidence carried: ${e.stories} stories (${e.supports} supporting, ${e.counterExamples} counter-examples${e.fromBelow ? `, ${e.fromBelow} from further below` : ''}); ${e.working} working, ${e.confidential} confidential, ${e.restricted} restricted.`))
    if (c.summary) doc.fillColor('#222').text(winAnsi(c.summary))
    for (const q of c.quotes ?? []) {
      doc.font('Helvetica-Oblique').fillColor('#333').text(winAnsi(`"${q.text}"${q.role === 'counter-example' ? ' (counter-example)' : ''}${q.teller ? ` - ${q.teller}` : ''}`), { indent: 12 })
    }
    for (const r of c.responses) doc.font('Helvetica').fillColor('#111').text(winAnsi(`Answer: ${r.text} (${r.authorName}, ${r.at.slice(0, 10)})`), { indent: 12 })
  }
}

function storyBlock(doc: PDFKit.PDFDocument, s: ExportStory, role: string): void {
  if (doc.y > doc.page.height - 110) doc.addPage(PAGE)
  const x = doc.page.margins.left
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right
  const top = doc.y
  doc.rect(x, top, 6, 14).fill(s.withheld ? '#bbbbbb' : s.colour)
  doc.fillColor('#111').font(s.withheld ? 'Helvetica-Oblique' : 'Helvetica').fontSize(11)
  doc.text(winAnsi(s.withheld ? 'Restricted story (not exported)' : s.text || '(empty)'), x + 14, top, { width: width - 14 })
  const meta = [role === 'counter-example' ? 'counter-example' : 'supports', s.tellerRole, s.outcome, s.sensitivity !== 'working' ? s.sensitivity : '']
    .concat(s.measures.map((m) => `${m.name} ${m.value} ${m.unit}`))
    .filter(Boolean)
    .join(' · ')
  doc.font('Helvetica').fontSize(8.5).fillColor('#666').text(winAnsi(meta), x + 14, doc.y + 1, { width: width - 14 })
  doc.moveDown(0.6)
  doc.x = x
}

function overviewPage(doc: PDFKit.PDFDocument, data: BoardExport): void {
  doc.font('Helvetica-Bold').fontSize(20).fillColor('#111').text(winAnsi(data.board.title))
  doc.font('Helvetica').fontSize(10).fillColor('#555')
    .text(winAnsi(`${data.stories.length} stories · ${data.patterns.length} patterns · exported ${data.exportedAt.slice(0, 16).replace('T', ' ')} UTC`))
  const top = doc.y + 10
  const box = { x: doc.page.margins.left, y: top, w: doc.page.width - 80, h: doc.page.height - top - 40 }
  const rects = [...data.stories.map((s) => ({ x: s.pos.x, y: s.pos.y, w: s.size.w, h: s.size.h })), ...data.patterns.map((p) => p.area)]
  if (!rects.length) return
  const minX = Math.min(...rects.map((r) => r.x))
  const minY = Math.min(...rects.map((r) => r.y)) - 30
  const maxX = Math.max(...rects.map((r) => r.x + r.w))
  const maxY = Math.max(...rects.map((r) => r.y + r.h))
  const k = Math.min(box.w / Math.max(1, maxX - minX), box.h / Math.max(1, maxY - minY), 1.5)
  const at = (x: number, y: number) => ({ x: box.x + (x - minX) * k, y: box.y + (y - minY) * k })
  for (const p of data.patterns) {
    const o = at(p.area.x, p.area.y)
    doc.roundedRect(o.x, o.y, p.area.w * k, p.area.h * k, 6).fillOpacity(0.5).fillAndStroke('#e8f0fe', '#3b63c4')
    doc.fillOpacity(1).font('Helvetica-Bold').fontSize(Math.max(6, Math.min(14, 18 * k))).fillColor('#1d3a8a')
      .text(winAnsi(p.name || 'Untitled pattern'), o.x + 4, o.y - Math.max(8, 20 * k), { width: Math.max(40, p.area.w * k), lineBreak: false, ellipsis: true })
  }
  const size = Math.max(4, Math.min(11, 13 * k))
  for (const s of data.stories) {
    const o = at(s.pos.x, s.pos.y)
    doc.rect(o.x, o.y, s.size.w * k, s.size.h * k).fillAndStroke(s.withheld ? '#d9d9d9' : s.colour, '#8a8a8a')
    if (size >= 5) {
      doc.fillColor('#1a1a1a').font(s.withheld ? 'Helvetica-Oblique' : 'Helvetica').fontSize(size)
        .text(winAnsi(s.withheld ? 'Restricted story' : s.text), o.x + 3, o.y + 3, { width: Math.max(10, s.size.w * k - 6), height: Math.max(size, s.size.h * k - 6), ellipsis: true })
    }
  }
  doc.x = doc.page.margins.left
}

export async function reportPdf(report: Report, progress: Progress, options: PdfOptions = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, compress: options.compress ?? true, info: { Title: winAnsi(report.title), Creator: 'Learning Wall' } })
  doc.font('Helvetica-Bold').fontSize(18).fillColor('#111').text(winAnsi(report.title))
  doc.font('Helvetica-Oblique').fontSize(9.5).fillColor('#555').text(winAnsi(report.subtitle)).moveDown(0.8)
  const width = doc.page.width - 100
  report.sections.forEach((section, i) => {
    if (doc.y > doc.page.height - 120) doc.addPage()
    doc.font('Helvetica-Bold').fontSize(13).fillColor('#1d3a8a').text(winAnsi(section.heading)).moveDown(0.3)
    for (const block of section.blocks) {
      doc.font('Helvetica').fontSize(10).fillColor('#222')
      switch (block.kind) {
        case 'p':
          doc.text(winAnsi(block.text), { width }).moveDown(0.4)
          break
        case 'list':
          doc.list(block.items.map(winAnsi), { width, bulletRadius: 1.5 }).moveDown(0.4)
          break
        case 'quote':
          doc.font('Helvetica-Oblique').fillColor('#333').text(winAnsi(`“${block.text}”`), 70, doc.y, { width: width - 20 }).moveDown(0.4)
          doc.x = 50
          break
        case 'table':
          table(doc, block.header, block.rows, width)
          break
      }
    }
    doc.moveDown(0.5)
    progress(i + 1, report.sections.length)
  })
  return finish(doc)
}

function table(doc: PDFKit.PDFDocument, header: string[], rows: string[][], width: number): void {
  const col = width / header.length
  const row = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9)
    const heights = cells.map((c) => doc.heightOfString(winAnsi(c), { width: col - 6 }))
    const h = Math.max(...heights, 10) + 4
    if (doc.y + h > doc.page.height - 50) doc.addPage()
    const y = doc.y
    cells.forEach((c, i) => doc.text(winAnsi(c), 50 + i * col + 3, y + 2, { width: col - 6 }))
    doc.moveTo(50, y + h).lineTo(50 + width, y + h).lineWidth(0.5).strokeColor('#cccccc').stroke()
    doc.x = 50
    doc.y = y + h
  }
  row(header, true)
  for (const r of rows) row(r, false)
  doc.moveDown(0.5)
}
