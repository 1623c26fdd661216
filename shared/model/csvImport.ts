// CSV import of stories: a text column and one column per field. Every row is validated with the
// story's own validators; rejected rows are reported with the line they start on (as a text
// editor or a spreadsheet without line breaks in cells numbers them) and the reason, and nothing of
// them is written. Pure module (papaparse is plain JS).
import Papa from 'papaparse'
import type { z } from 'zod'
import { DEFAULT_STORY_SIZE, type Point } from './geometry.ts'
import type { Measure} from './story.ts';
import { StoryFields } from './story.ts'

export type ImportRow = { line: number; text: string; fields: StoryFields }
export type RejectedRow = { line: number; reason: string }
export type CsvImport = { rows: ImportRow[]; rejected: RejectedRow[]; columns: string[] }

const MAX_ROWS = 20_000
const MAX_TEXT = 20_000

/** Header spellings people use, mapped to the model's fields. */
const ALIASES: Record<string, keyof StoryFields | 'text'> = {
  text: 'text',
  story: 'text',
  narrative: 'text',
  experiment: 'experiment',
  'teller role': 'tellerRole',
  tellerrole: 'tellerRole',
  teller: 'tellerRole',
  role: 'tellerRole',
  date: 'date',
  tags: 'tags',
  tag: 'tags',
  outcome: 'outcome',
  'outcome direction': 'outcome',
  measures: 'measures',
  measure: 'measures',
  sensitivity: 'sensitivity',
}

const norm = (h: string) => h.trim().toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ')

/** `income=120 £/month; hours saved=3 h` → measures. The unit is everything after the number. */
export function parseMeasures(cell: string): z.infer<typeof Measure>[] {
  const out: z.infer<typeof Measure>[] = []
  for (const part of cell.split(/[;|]/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^(.+?)\s*[=:]\s*(-?\d+(?:\.\d+)?)\s*(.*)$/.exec(part)
    if (!m) throw new Error(`measure "${part.slice(0, 40)}" is not name=number unit`)
    out.push({ name: m[1]!.trim(), value: Number(m[2]), unit: m[3]!.trim() })
  }
  return out
}

/**
 * Records with the line each starts on. Counted back from where a record ends, less the line
 * breaks inside its quoted cells, so skipped blank rows (also `,,,`) and multi-line cells are
 * numbered as a text editor shows them.
 */
function records(text: string): { cells: string[]; line: number }[] {
  const out: { cells: string[]; line: number }[] = []
  let pos = 0
  let line = 1
  let lf = 10
  const breaks = (from: string | readonly string[]) => {
    let n = 0
    for (const part of typeof from === 'string' ? [from] : from) for (let i = 0; i < part.length; i++) if (part.charCodeAt(i) === lf) n++
    return n
  }
  const advance = (to: number) => {
    line += breaks(text.slice(pos, to))
    pos = to
  }
  Papa.parse<string[]>(text, {
    skipEmptyLines: 'greedy',
    step: (r) => {
      // Old Mac files break lines with CR alone; everything else ends a line with LF.
      lf = r.meta.linebreak === '\r' ? 13 : 10
      let end = Math.max(pos, r.meta.cursor)
      while (end > pos && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--
      advance(end)
      out.push({ cells: r.data, line: line - breaks(r.data) })
      advance(Math.max(pos, r.meta.cursor))
    },
  })
  return out
}

export function parseStoryCsv(csv: string): CsvImport {
  const [first, ...body] = records(csv.replace(/^\uFEFF/, ''))
  const header = first?.cells
  if (!header) return { rows: [], rejected: [{ line: 1, reason: 'the file is empty' }], columns: [] }
  const columns = header.map((h) => ALIASES[norm(h)] ?? null)
  const textAt = columns.indexOf('text')
  if (textAt < 0) {
    return { rows: [], rejected: [{ line: 1, reason: 'no text column (name one column "text" or "story")' }], columns: [] }
  }
  const rows: ImportRow[] = []
  const rejected: RejectedRow[] = []
  const known = columns.filter((c): c is NonNullable<typeof c> => c !== null)
  body.slice(0, MAX_ROWS).forEach(({ cells, line }) => {
    try {
      if (cells.length !== header.length) throw new Error(`has ${cells.length} cells, the header has ${header.length}`)
      // One paragraph per line, whichever line breaks the file uses.
      const text = (cells[textAt] ?? '').replace(/\r\n?/g, '\n').trim()
      if (!text) throw new Error('text is empty')
      if (text.length > MAX_TEXT) throw new Error(`text is longer than ${MAX_TEXT} characters`)
      const raw: Record<string, unknown> = {}
      columns.forEach((field, col) => {
        const cell = (cells[col] ?? '').trim()
        if (!field || field === 'text' || cell === '') return
        if (field === 'tags') raw.tags = cell.split(/[;|,]/).map((t) => t.trim()).filter(Boolean)
        else if (field === 'measures') raw.measures = parseMeasures(cell)
        else if (field === 'outcome' || field === 'sensitivity') raw[field] = cell.toLowerCase()
        else raw[field] = cell
      })
      const fields = StoryFields.safeParse(raw)
      if (!fields.success) {
        const issue = fields.error.issues[0]!
        const field = issue.path.join('.') || 'row'
        // A choice field gets the value as typed and the choices, not the validator's wording.
        if (issue.code === 'invalid_value') throw new Error(`${field}: "${String(raw[String(issue.path[0])]).slice(0, 40)}" is not one of ${issue.values.map(String).join(', ')}`)
        throw new Error(`${field}: ${issue.message}`)
      }
      rows.push({ line, text, fields: fields.data })
    } catch (e) {
      rejected.push({ line, reason: (e as Error).message })
    }
  })
  if (body.length > MAX_ROWS) rejected.push({ line: body[MAX_ROWS]!.line, reason: `only the first ${MAX_ROWS} rows are imported` })
  return { rows, rejected, columns: known }
}

/** Grid positions for `count` stories starting at `origin`, roughly square. */
export function gridPositions(count: number, origin: Point, gap = 24): Point[] {
  const cols = Math.max(1, Math.ceil(Math.sqrt(count)))
  const { w, h } = DEFAULT_STORY_SIZE
  return Array.from({ length: count }, (_, i) => ({
    x: origin.x + (i % cols) * (w + gap),
    y: origin.y + Math.floor(i / cols) * (h + gap),
  }))
}
