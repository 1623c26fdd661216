// Planning a CSV import of stories: where the grid goes, how the rows split into transactions, and
// the report a person reads afterwards. Pure module: no DOM, no React, no Yjs.
import { DEFAULT_STORY_SIZE, type Point } from '../../shared/model/geometry.ts'
import { gridPositions, type CsvImport, type RejectedRow } from '../../shared/model/csvImport.ts'

/** Stories per createStories transaction: big enough to be cheap, small enough to show progress. */
export const IMPORT_CHUNK = 100
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024
const GAP = 24

export type ImportReport = {
  fileName: string
  imported: number
  /** Every rejected row with its line in the file and the reason, in line order. */
  rejected: RejectedRow[]
  /** The whole file was refused: nothing was written to the board. */
  refused: boolean
}

/** Grid positions for `count` new stories, the grid centred on `centre`. */
export function importPositions(count: number, centre: Point): Point[] {
  const cols = Math.max(1, Math.ceil(Math.sqrt(count)))
  const rows = Math.max(1, Math.ceil(count / cols))
  const w = cols * (DEFAULT_STORY_SIZE.w + GAP) - GAP
  const h = rows * (DEFAULT_STORY_SIZE.h + GAP) - GAP
  return gridPositions(count, { x: Math.round(centre.x - w / 2), y: Math.round(centre.y - h / 2) }, GAP)
}

/** Index ranges [start, end) of at most `size` items each. */
export function chunkRanges(count: number, size = IMPORT_CHUNK): [number, number][] {
  const out: [number, number][] = []
  for (let i = 0; i < count; i += size) out.push([i, Math.min(count, i + size)])
  return out
}

export const isCsvFile = (f: { name: string; type: string }): boolean =>
  /\.csv$/i.test(f.name) || f.type === 'text/csv' || f.type === 'application/vnd.ms-excel'

/** A file refused before parsing (wrong kind, too large, unreadable). */
export const refusedFile = (fileName: string, reason: string): ImportReport => ({ fileName, imported: 0, rejected: [{ line: 0, reason }], refused: true })

/** The report once `created` of the parsed rows are on the board; `failed` rows could not be written. */
export function importReport(fileName: string, parsed: CsvImport, created: number, failed: RejectedRow[] = []): ImportReport {
  const rejected = [...parsed.rejected, ...failed].sort((a, b) => a.line - b.line)
  return { fileName, imported: created, rejected, refused: parsed.rows.length === 0 }
}

export function reportHeadline(r: ImportReport): string {
  if (r.refused) return `Nothing was imported from ${r.fileName}.`
  const rows = r.rejected.length
  return `Imported ${r.imported} ${r.imported === 1 ? 'story' : 'stories'} from ${r.fileName}${rows ? `; ${rows} ${rows === 1 ? 'row was' : 'rows were'} left out` : ''}.`
}
