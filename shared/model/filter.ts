// Search and filter across a board: text, tag, experiment, outcome, sensitivity. The canvas dims
// what does not match and the outline view hides it, from the same function. Pure module.
import type { Outcome, Sensitivity, Story } from './story.ts'

export type StoryFilter = {
  text?: string
  tags?: string[]
  experiment?: string
  outcomes?: Outcome[]
  sensitivities?: Sensitivity[]
}

export const isEmptyFilter = (f: StoryFilter): boolean =>
  !f.text?.trim() && !f.tags?.length && !f.experiment?.trim() && !f.outcomes?.length && !f.sensitivities?.length

const fold = (s: string) => s.normalize('NFKD').replace(/\p{Diacritic}/gu, '').toLowerCase()

/** Every given criterion must hold; within one criterion any listed value may match. */
export function matchesFilter(story: Story, f: StoryFilter): boolean {
  const text = f.text?.trim()
  if (text) {
    const haystack = fold([story.text, story.experiment ?? '', story.tellerRole ?? '', ...story.tags].join('\n'))
    if (!fold(text).split(/\s+/).every((word) => haystack.includes(word))) return false
  }
  if (f.tags?.length) {
    const tags = new Set(story.tags.map((t) => fold(t)))
    if (!f.tags.some((t) => tags.has(fold(t)))) return false
  }
  if (f.experiment?.trim() && fold(story.experiment ?? '') !== fold(f.experiment.trim())) return false
  if (f.outcomes?.length && (!story.outcome || !f.outcomes.includes(story.outcome))) return false
  if (f.sensitivities?.length && !f.sensitivities.includes(story.sensitivity)) return false
  return true
}

/** Distinct values present on a board, to offer as filter choices. */
export function filterChoices(stories: readonly Story[]): { tags: string[]; experiments: string[] } {
  const tags = new Map<string, string>()
  const experiments = new Map<string, string>()
  for (const s of stories) {
    for (const t of s.tags) if (!tags.has(fold(t))) tags.set(fold(t), t)
    if (s.experiment && !experiments.has(fold(s.experiment))) experiments.set(fold(s.experiment), s.experiment)
  }
  const sorted = (m: Map<string, string>) => [...m.values()].sort((a, b) => a.localeCompare(b))
  return { tags: sorted(tags), experiments: sorted(experiments) }
}
