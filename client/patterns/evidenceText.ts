// The evidence summary of a pattern in words, for the pattern panel and the outline. Pure module.
import type { EvidenceSummary, MeasureSummary } from '../../shared/model/evidence.ts'
import { OUTCOMES } from '../../shared/model/story.ts'

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** Numbers people read at a glance: whole numbers as they are, others to two decimals at most. */
export const formatNumber = (n: number): string =>
  Number.isInteger(n) ? n.toLocaleString('en-GB') : n.toLocaleString('en-GB', { maximumFractionDigits: 2 })

export const measureLine = (m: MeasureSummary): string =>
  `${m.name}${m.unit ? ` (${m.unit})` : ''}: total ${formatNumber(m.sum)}, mean ${formatNumber(m.mean)} over ${plural(m.count, 'story', 'stories')}`

export type EvidenceLines = { stories: string; roles: string; outcomes: string; measures: string[]; sensitivity: string | null }

export function evidenceLines(e: EvidenceSummary): EvidenceLines {
  const outcomes = OUTCOMES.filter((o) => e.outcomes[o] > 0).map((o) => `${e.outcomes[o]} ${o}`)
  const guarded = [
    e.bySensitivity.confidential ? `${e.bySensitivity.confidential} confidential` : '',
    e.bySensitivity.restricted ? `${e.bySensitivity.restricted} restricted` : '',
  ].filter(Boolean)
  return {
    stories: `${plural(e.stories, 'story', 'stories')}: ${e.supports} supporting, ${plural(e.counterExamples, 'counter-example')}`,
    roles: e.tellerRoles.length ? `${plural(e.tellerRoles.length, 'teller role')}: ${e.tellerRoles.join(', ')}` : 'No teller roles recorded',
    outcomes: outcomes.length ? `Outcomes: ${outcomes.join(', ')}` : 'No outcome directions recorded',
    measures: e.measures.map(measureLine),
    sensitivity: guarded.length ? `Sensitive: ${guarded.join(', ')}` : null,
  }
}

/** One line for the canvas title bar. */
export const evidenceShort = (e: Pick<EvidenceSummary, 'stories' | 'counterExamples'>): string =>
  `${plural(e.stories, 'story', 'stories')}${e.counterExamples ? ` (${e.counterExamples} counter)` : ''}`
