// The heavy exports as one function of plain data, so the worker thread (exportWorker.ts) and a
// test can both run it. Input and output cross the thread boundary by structured clone.
import type { BoardExport } from '../../shared/export/format.ts'
import type { Report } from '../../shared/export/report.ts'
import { boardPdf, reportPdf, type Progress } from './pdf.ts'
import { svgToPng } from './png.ts'

export type RenderJob =
  | { kind: 'board.pdf'; data: BoardExport }
  | { kind: 'board.png'; svg: string; width: number; height: number }
  | { kind: 'report.pdf'; report: Report }

export const CONTENT_TYPES = {
  'board.pdf': 'application/pdf',
  'board.png': 'image/png',
  'report.pdf': 'application/pdf',
} as const satisfies Record<RenderJob['kind'], string>

export async function render(job: RenderJob, progress: Progress): Promise<Uint8Array> {
  switch (job.kind) {
    case 'board.pdf':
      return boardPdf(job.data, progress)
    case 'report.pdf':
      return reportPdf(job.report, progress)
    case 'board.png': {
      progress(0, 1)
      const png = svgToPng(job.svg, job.width, job.height)
      progress(1, 1)
      return png
    }
  }
}
