// Which stories the filter bar matches, for the canvas (dim the rest) and the outline (hide the
// rest). Pure module: matchesFilter from the shared model does the judging.
import { isEmptyFilter, matchesFilter, type StoryFilter } from '../../shared/model/filter.ts'
import type { Story } from '../../shared/model/story.ts'

export const NO_FILTER: StoryFilter = {}

/** Ids of matching stories, or null when the filter is empty (everything shows as usual). */
export function matchSet(stories: Iterable<Story>, filter: StoryFilter): ReadonlySet<string> | null {
  if (isEmptyFilter(filter)) return null
  const ids = new Set<string>()
  for (const s of stories) if (matchesFilter(s, filter)) ids.add(s.id)
  return ids
}

/** A filter with one criterion set or cleared from a form control ('' clears it). */
export function withCriterion(f: StoryFilter, key: 'text' | 'experiment', value: string): StoryFilter
export function withCriterion(f: StoryFilter, key: 'tags' | 'outcomes' | 'sensitivities', value: string): StoryFilter
export function withCriterion(f: StoryFilter, key: keyof StoryFilter, value: string): StoryFilter {
  const next: Record<string, unknown> = { ...f }
  if (value === '') delete next[key]
  else next[key] = key === 'text' || key === 'experiment' ? value : [value]
  return next
}

/** How many criteria are set (for the clear button and the outline's summary). */
export const criteriaCount = (f: StoryFilter): number =>
  [f.text?.trim(), f.tags?.length, f.experiment?.trim(), f.outcomes?.length, f.sensitivities?.length].filter(Boolean).length
