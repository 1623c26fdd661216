// The live evidence summary of a pattern: stories (supporting / counter), distinct teller roles,
// outcome directions, and measures summed and averaged by name and unit.
import { useMemo } from 'react'
import { summarizeEvidence } from '../../shared/model/evidence.ts'
import type { Pattern } from '../../shared/model/pattern.ts'
import type { Story } from '../../shared/model/story.ts'
import { evidenceLines } from './evidenceText.ts'

export function EvidenceList({ pattern, stories }: { pattern: Pattern; stories: ReadonlyMap<string, Story> }) {
  const lines = useMemo(() => evidenceLines(summarizeEvidence(pattern, stories)), [pattern, stories])
  return (
    <ul className="evidence" data-testid="pattern-evidence" data-pattern-id={pattern.id}>
      <li data-testid="evidence-stories">{lines.stories}</li>
      <li data-testid="evidence-roles">{lines.roles}</li>
      <li data-testid="evidence-outcomes">{lines.outcomes}</li>
      {lines.measures.map((m) => (
        <li key={m} data-testid="evidence-measure">
          {m}
        </li>
      ))}
      {lines.sensitivity && <li>{lines.sensitivity}</li>}
    </ul>
  )
}
