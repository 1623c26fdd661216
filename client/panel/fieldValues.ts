// Form values of the story panel to the updateStoryFields input, and back. Pure module.
import type { Measure, Story } from '../../shared/model/story.ts'

export const tagsToText = (tags: readonly string[]): string => tags.join(', ')

export const textToTags = (text: string): string[] => [
  ...new Set(
    text
      .split(',')
      .map((t) => t.trim().replace(/^#/, ''))
      .filter(Boolean),
  ),
]

/** A text field: empty clears it (null), anything else is trimmed. */
export const optionalText = (v: string): string | null => (v.trim() === '' ? null : v.trim())

export type MeasureRow = { name: string; value: string; unit: string }

export const measureRows = (story: Pick<Story, 'measures'>): MeasureRow[] =>
  story.measures.map((m) => ({ name: m.name, value: String(m.value), unit: m.unit }))

/** Rows that are complete become measures; half-typed rows are left out until finished. */
export function rowsToMeasures(rows: readonly MeasureRow[]): Measure[] {
  return rows.flatMap((r) => {
    const value = Number(r.value.replace(',', '.'))
    return r.name.trim() && r.value.trim() !== '' && Number.isFinite(value) ? [{ name: r.name.trim(), value, unit: r.unit.trim() }] : []
  })
}
