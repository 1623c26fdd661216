// The evidence summary of a pattern, computed live from its member stories. Pure module.
import type { Pattern } from './pattern.ts'
import type { Outcome, Story } from './story.ts'

export type MeasureSummary = { name: string; unit: string; count: number; sum: number; mean: number }

export type EvidenceSummary = {
  stories: number
  supports: number
  counterExamples: number
  /** Distinct teller roles, case-insensitively, in first-seen spelling. */
  tellerRoles: string[]
  outcomes: Record<Outcome, number>
  /** Summed and averaged by name and unit together (income in £ and in $ stay apart). */
  measures: MeasureSummary[]
  bySensitivity: { working: number; confidential: number; restricted: number }
}

export function summarizeEvidence(pattern: Pattern, storiesById: ReadonlyMap<string, Story>): EvidenceSummary {
  const summary: EvidenceSummary = {
    stories: 0,
    supports: 0,
    counterExamples: 0,
    tellerRoles: [],
    outcomes: { better: 0, worse: 0, mixed: 0, unclear: 0 },
    measures: [],
    bySensitivity: { working: 0, confidential: 0, restricted: 0 },
  }
  const roles = new Map<string, string>()
  const measures = new Map<string, MeasureSummary>()
  for (const member of pattern.members) {
    const story = storiesById.get(member.storyId)
    if (!story) continue
    summary.stories++
    if (member.role === 'supports') summary.supports++
    else summary.counterExamples++
    summary.bySensitivity[story.sensitivity]++
    if (story.tellerRole) {
      const key = story.tellerRole.trim().toLowerCase()
      if (key && !roles.has(key)) roles.set(key, story.tellerRole.trim())
    }
    if (story.outcome) summary.outcomes[story.outcome]++
    for (const m of story.measures) {
      const key = `${m.name.trim().toLowerCase()}\u0000${m.unit.trim().toLowerCase()}`
      const s = measures.get(key) ?? { name: m.name.trim(), unit: m.unit.trim(), count: 0, sum: 0, mean: 0 }
      s.count++
      s.sum += m.value
      s.mean = s.sum / s.count
      measures.set(key, s)
    }
  }
  summary.tellerRoles = [...roles.values()]
  summary.measures = [...measures.values()].sort((a, b) => a.name.localeCompare(b.name) || a.unit.localeCompare(b.unit))
  return summary
}
