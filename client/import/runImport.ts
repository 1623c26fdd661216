// CSV import of stories: read the file, parse it with parseStoryCsv, then create the stories as a
// grid, one createStories batch (one transaction) per chunk, yielding to the event loop between
// chunks so the page stays responsive and the progress shows. A file refused whole changes
// nothing on the board.
import { parseStoryCsv, type RejectedRow } from '../../shared/model/csvImport.ts'
import { createStories } from '../../shared/ops/story.ts'
import type { BoardSession } from '../board/createSession.ts'
import { createRestrictedStory } from '../ethics/storiesApi.ts'
import { screenToCanvas, type Vec } from '../geometry/camera.ts'
import { chunkRanges, importPositions, importReport, isCsvFile, MAX_IMPORT_BYTES, refusedFile } from './importPlan.ts'

const nextTick = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/** Import `file` with the grid centred on `at` (canvas coordinates; default: the viewport centre). */
export async function importCsvFile(s: BoardSession, file: File, at?: Vec): Promise<void> {
  if (s.ui.getState().importJob) {
    s.ui.setState({ notice: 'An import is already running; wait for it to finish.' })
    return
  }
  if (!isCsvFile(file)) return void s.ui.setState({ importReport: refusedFile(file.name, 'this is not a CSV file (.csv)') })
  if (file.size > MAX_IMPORT_BYTES) return void s.ui.setState({ importReport: refusedFile(file.name, `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`) })
  let text: string
  try {
    text = await file.text()
  } catch {
    return void s.ui.setState({ importReport: refusedFile(file.name, 'the file could not be read') })
  }
  const parsed = parseStoryCsv(text)
  if (parsed.rows.length === 0) return void s.ui.setState({ importReport: importReport(file.name, parsed, 0) })

  const { camera, viewport, colour } = s.ui.getState()
  const centre = at ?? screenToCanvas(camera, { x: viewport.w / 2, y: viewport.h / 2 })
  const positions = importPositions(parsed.rows.length, centre)
  const failed: RejectedRow[] = []
  let created = 0
  s.ui.setState({ importJob: { fileName: file.name, done: 0, total: parsed.rows.length }, importReport: null })
  s.undo.stopCapturing()
  try {
    for (const [start, end] of chunkRanges(parsed.rows.length)) {
      const rows = parsed.rows.slice(start, end)
      // Editing can close mid-import (role changed, board locked, private writing started): the
      // write guard would drop the rest silently, so say which rows were not written.
      if (!s.access.getState().canEdit) {
        for (const row of parsed.rows.slice(start)) failed.push({ line: row.line, reason: 'not written: editing this board was closed during the import' })
        break
      }
      const placed = rows.map((row, k) => ({ row, pos: positions[start + k]! }))
      // Restricted rows go to the server, which keeps their content out of the shared document.
      for (const { row, pos } of placed.filter((p) => p.row.fields.sensitivity === 'restricted')) {
        const r = await createRestrictedStory(s.boardId, { pos, colour, text: row.text, fields: row.fields })
        if (r.ok) created++
        else failed.push({ line: row.line, reason: `could not be written: ${r.error.message}` })
      }
      const plain = placed.filter((p) => p.row.fields.sensitivity !== 'restricted')
      const r = plain.length ? createStories(s.doc, { stories: plain.map(({ row, pos }) => ({ pos, colour, text: row.text, fields: row.fields })) }, s.origin) : null
      if (r?.ok) created += r.value.ids.length
      // The rows were validated when parsed; a refusal here (e.g. the board became read-only) is
      // said for every row of the chunk, none of which was written.
      else if (r) for (const { row } of plain) failed.push({ line: row.line, reason: `could not be written: ${r.error.message}` })
      s.ui.setState({ importJob: { fileName: file.name, done: end, total: parsed.rows.length } })
      await nextTick()
    }
  } finally {
    s.ui.setState({ importJob: null, importReport: importReport(file.name, parsed, created, failed) })
  }
}
