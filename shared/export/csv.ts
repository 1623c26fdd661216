// CSV of stories and of patterns, from the export (so restricted stories are already withheld).
// RFC 4180 quoting, and cells that a spreadsheet would run as a formula are prefixed with `'`.
// Pure module.
import { summarizeEvidence } from '../model/evidence.ts'
import type { Pattern } from '../model/pattern.ts'
import type { Story } from '../model/story.ts'
import type { BoardExport, ExportPattern, ExportStory } from './format.ts'

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  let s = String(value)
  if (/^[=+\-@\t\r]/.test(s) && typeof value === 'string') s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/**
 * An id column: kept exactly as the id (a leading `'` would break joins on it) when it is a plain
 * generated id; such a cell holds no operator or call, so a spreadsheet can run nothing from it.
 */
type IdCell = { id: string }
const id = (value: string): IdCell => ({ id: value })
const PLAIN_ID = /^[A-Za-z0-9_-]{1,64}$/
const cell = (v: string | number | null | undefined | IdCell): string =>
  typeof v === 'object' && v !== null ? (PLAIN_ID.test(v.id) ? v.id : csvCell(v.id)) : csvCell(v)

const csv = (rows: Array<Array<string | number | null | undefined | IdCell>>): string => rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'

/** The export's story as the model's Story, for the shared evidence summary. */
export const asStory = (s: ExportStory): Story => ({ ...s, tags: s.tags, measures: s.measures })
export const asPattern = (p: ExportPattern): Pattern => ({ ...p })

export const WITHHELD_TEXT = '[restricted: not exported]'

export function storiesCsv(data: BoardExport): string {
  const membership = new Map<string, { pattern: ExportPattern; role: string }>()
  for (const p of data.patterns) for (const m of p.members) membership.set(m.storyId, { pattern: p, role: m.role })
  const header = [
    'story_id', 'text', 'pattern', 'pattern_id', 'role_in_pattern', 'experiment', 'teller_role', 'date', 'tags', 'outcome',
    'measures', 'sensitivity', 'author', 'x', 'y', 'colour', 'created_at', 'updated_at',
  ]
  const rows = data.stories.map((s) => {
    const m = membership.get(s.id)
    return [
      id(s.id),
      s.withheld ? WITHHELD_TEXT : s.text,
      m ? m.pattern.name || 'Untitled pattern' : '',
      m ? id(m.pattern.id) : '',
      m?.role ?? '',
      s.experiment,
      s.tellerRole,
      s.date,
      s.tags.join('; '),
      s.outcome,
      s.measures.map((x) => `${x.name}=${x.value}${x.unit ? ` ${x.unit}` : ''}`).join('; '),
      s.sensitivity,
      s.author,
      Math.round(s.pos.x),
      Math.round(s.pos.y),
      s.colour,
      new Date(s.createdAt).toISOString(),
      new Date(s.updatedAt).toISOString(),
    ]
  })
  return csv([header, ...rows])
}

/** Where each pattern went (raised marks), as "barrier → Council (organisation): in progress". */
export function raisedText(data: BoardExport, patternId: string): { where: string; status: string } {
  const marks = data.raised[patternId] ?? []
  return {
    where: marks.map((m) => `${m.kind} → ${m.target.title} (${m.target.scale})`).join('; '),
    status: marks.map((m) => (m.status === 'declined' && m.declineReason ? `declined: ${m.declineReason}` : m.status)).join('; '),
  }
}

export function patternsCsv(data: BoardExport): string {
  const byId = new Map(data.stories.map((s) => [s.id, asStory(s)]))
  const totals = data.votes.session?.totals ?? {}
  const header = [
    'pattern_id', 'name', 'description', 'confidence', 'confidence_reason', 'stories', 'supports', 'counter_examples',
    'teller_roles', 'better', 'worse', 'mixed', 'unclear', 'measures', 'working', 'confidential', 'restricted', 'votes',
    'raised_to', 'status',
  ]
  const rows = data.patterns.map((p) => {
    const e = summarizeEvidence(asPattern(p), byId)
    const raised = raisedText(data, p.id)
    return [
      id(p.id), p.name, p.description, p.confidence, p.confidenceReason, e.stories, e.supports, e.counterExamples,
      e.tellerRoles.join('; '), e.outcomes.better, e.outcomes.worse, e.outcomes.mixed, e.outcomes.unclear,
      e.measures.map((m) => `${m.name}: ${m.count} × mean ${round(m.mean)}${m.unit ? ` ${m.unit}` : ''}`).join('; '),
      e.bySensitivity.working, e.bySensitivity.confidential, e.bySensitivity.restricted,
      data.votes.session?.status === 'closed' ? (totals[p.id] ?? 0) : '', raised.where, raised.status,
    ]
  })
  return csv([header, ...rows])
}

export const round = (n: number): string => (Math.round(n * 100) / 100).toString()
