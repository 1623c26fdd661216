// How a story is named in a pattern's list of members. Pure module.
import type { StoryView } from '../store/boardStore.ts'

/** Its first words; a restricted story whose text this person cannot read says so (never "Empty story"). */
export function memberLabel(story: Pick<StoryView, 'text' | 'sensitivity'>): string {
  const text = story.text.slice(0, 80)
  if (text) return text
  return story.sensitivity === 'restricted' ? 'Restricted story (its text is kept apart)' : 'Empty story'
}
