// How a story card looks on the canvas and in the editor overlay: one place, so the DOM editor
// lines up with the canvas drawing. Pure constants and helpers.
import type { Story } from '../../shared/model/story.ts'

export const STORY_PADDING = 10
export const FOOTER_HEIGHT = 18
/** Below this zoom the canvas draws stories as blocks without text (level of detail). */
export const TEXT_LOD_ZOOM = 0.35
export const SELECTION_COLOUR = '#1d63ed'
/** Stories matching the filter bar are ringed in this colour; the rest are faded. */
export const HIGHLIGHT_COLOUR = '#f08c00'
export const COUNTER_COLOUR = '#b42318'
/** The band along the top of a story that belongs to a pattern. */
export const MEMBER_COLOUR = '#5b84e8'

const OUTCOME_MARKS = { better: '▲ better', worse: '▼ worse', mixed: '◆ mixed', unclear: '? unclear' } as const

/** The small line under a story's text: outcome, measures, tags (mixed methods on the card). */
export function footerOf(story: Pick<Story, 'outcome' | 'measures' | 'tags'>): string {
  const parts: string[] = []
  if (story.outcome) parts.push(OUTCOME_MARKS[story.outcome])
  const m = story.measures[0]
  if (m) parts.push(`${m.name} ${m.value}${m.unit ? ' ' + m.unit : ''}${story.measures.length > 1 ? ` +${story.measures.length - 1}` : ''}`)
  if (story.tags.length) parts.push(story.tags.map((t) => `#${t}`).join(' '))
  return parts.join(' · ')
}
