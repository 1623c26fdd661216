// The outline's structure: patterns with their stories, then loose stories. Pure module.
import type { Pattern } from '../../shared/model/pattern.ts'
import type { StoryView } from '../store/boardStore.ts'

export type OutlineGroup = { pattern: Pattern | null; stories: StoryView[] }

/** Stories in reading order inside each group: top to bottom, then left to right. */
const readingOrder = (a: StoryView, b: StoryView) => a.pos.y - b.pos.y || a.pos.x - b.pos.x || (a.id < b.id ? -1 : 1)

export function outlineGroups(patterns: readonly Pattern[], stories: ReadonlyMap<string, StoryView>, membership: ReadonlyMap<string, string>): OutlineGroup[] {
  const byPattern = new Map<string, StoryView[]>(patterns.map((p) => [p.id, []]))
  const loose: StoryView[] = []
  for (const s of stories.values()) {
    const list = byPattern.get(membership.get(s.id) ?? '')
    if (list) list.push(s)
    else loose.push(s)
  }
  return [
    ...patterns.map((p) => ({ pattern: p, stories: (byPattern.get(p.id) ?? []).sort(readingOrder) })),
    { pattern: null, stories: loose.sort(readingOrder) },
  ]
}
