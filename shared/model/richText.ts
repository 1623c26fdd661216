// Rich text lives in Y.XmlFragment in tiptap's (ProseMirror's) structure. These helpers read and
// write it without the editor, e.g. to seed a story or to compute search and summaries.
// Pure module: Yjs only.
import * as Y from 'yjs'

const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'codeBlock'])

/** Text of one run, from its delta: XmlText.toString would render marks as tags. */
function plainOf(text: Y.XmlText): string {
  return text
    .toDelta()
    .map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('')
}

/** Plain text of a fragment: one line per block, marks dropped, text kept exactly as typed. */
export function fragmentText(fragment: Y.XmlFragment | Y.XmlElement): string {
  const lines: string[] = []
  let line = ''
  const walk = (node: Y.XmlElement | Y.XmlFragment) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) line += plainOf(child)
      else if (child instanceof Y.XmlElement) {
        walk(child)
        if (BLOCKS.has(child.nodeName) && child.nodeName !== 'listItem') {
          lines.push(line)
          line = ''
        }
      }
    }
  }
  walk(fragment)
  if (line) lines.push(line)
  return lines.join('\n').trim()
}

/** Mark names that tiptap's starter kit knows; anything else is dropped when seeding. */
export type Mark = 'bold' | 'italic'
export type Run = { text: string; marks?: Mark[] }

/** Fill an empty fragment with paragraphs, one per line, as tiptap would store them. */
export function seedFragment(fragment: Y.XmlFragment, paragraphs: Run[][]): void {
  const blocks = paragraphs.map((runs) => {
    const p = new Y.XmlElement('paragraph')
    const t = new Y.XmlText()
    let at = 0
    for (const run of runs) {
      const attrs: Record<string, object> = {}
      for (const m of run.marks ?? []) attrs[m] = {}
      t.insert(at, run.text, attrs)
      at += run.text.length
    }
    p.insert(0, [t])
    return p
  })
  fragment.insert(fragment.length, blocks)
}

export const paragraphsOf = (text: string): Run[][] =>
  text.split('\n').map((line) => (line ? [{ text: line }] : []))
