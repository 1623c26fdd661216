// The clipboard format for stories: JSON under our own MIME type, plain text beside it for other
// apps. Pure module: (de)serialisation only.
import type { StoryView } from '../store/boardStore.ts'

export const CLIPBOARD_MIME = 'application/x-learning-wall+json'

export type ClipStory = {
  id: string
  pos: { x: number; y: number }
  size: { w: number; h: number }
  colour: string
  text: string
  fields: Record<string, unknown>
}
export type Clip = { kind: 'learning-wall/stories'; boardId: string; stories: ClipStory[] }

export function toClip(boardId: string, stories: StoryView[]): Clip {
  return {
    kind: 'learning-wall/stories',
    boardId,
    // Restricted placeholders hold no content to copy, and only the server writes that marker.
    stories: stories.filter((s) => s.sensitivity !== 'restricted').map((s) => ({
      id: s.id,
      pos: s.pos,
      size: s.size,
      colour: s.colour,
      text: s.text,
      fields: Object.fromEntries(
        Object.entries({ experiment: s.experiment, tellerRole: s.tellerRole, date: s.date, tags: s.tags, outcome: s.outcome, measures: s.measures, sensitivity: s.sensitivity }).filter(([, v]) => v !== undefined),
      ),
    })),
  }
}

export function parseClip(raw: string): Clip | null {
  try {
    const v = JSON.parse(raw) as Partial<Clip>
    if (v.kind !== 'learning-wall/stories' || !Array.isArray(v.stories) || typeof v.boardId !== 'string') return null
    return v as Clip
  } catch {
    return null
  }
}

export const plainTextOf = (clip: Clip): string => clip.stories.map((s) => s.text).join('\n\n')
