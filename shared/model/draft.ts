// A private draft as the board may take it at reveal: read like any client-written record, never
// trusted. Only validated plain values and rich text within the editor's schema come out; Yjs types
// where plain values belong, unknown nodes and unknown keys stay behind. Pure module: Yjs and zod.
import * as Y from 'yjs'
import { RichDoc, richOf, type RichNode } from '../export/richDoc.ts'
import { readStory } from './readBoard.ts'
import { STORY_KEYS, type Story } from './story.ts'
import type { Problem } from '../result.ts'

/** The nodes and marks of the story editor (tiptap's starter kit): nothing else is revealed. */
export const EDITOR_NODES: ReadonlySet<string> = new Set([
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'blockquote',
  'codeBlock',
  'hardBreak',
  'horizontalRule',
])
export const EDITOR_MARKS: ReadonlySet<string> = new Set([
  'bold',
  'italic',
  'strike',
  'code',
  'link',
  'underline',
])

export type CheckedDraft = { story: Story; rich: RichNode[] }

function withinEditor(nodes: readonly RichNode[]): boolean {
  return nodes.every((n) =>
    'text' in n
      ? (n.marks ?? []).every((m) => EDITOR_MARKS.has(m.type))
      : EDITOR_NODES.has(n.type) && withinEditor(n.content ?? []),
  )
}

/**
 * The draft as a validated story and its rich text, or null (reported in `problems`) when it
 * cannot be a story: not a map, a record the model refuses, or text outside the editor's schema.
 */
export function readDraft(id: string, map: unknown, problems: Problem[]): CheckedDraft | null {
  const story = readStory(id, map, problems)
  if (!story || !(map instanceof Y.Map)) return null
  const fragment = map.get(STORY_KEYS.text)
  const rich = fragment instanceof Y.XmlFragment ? richOf(fragment) : []
  if (!RichDoc.safeParse(rich).success || !withinEditor(rich)) {
    problems.push({
      code: 'bad_field',
      message: 'text outside the editor’s schema',
      path: `stories.${id}.text`,
    })
    return null
  }
  return { story, rich }
}
