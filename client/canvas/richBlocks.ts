// Reads a story's rich text (tiptap's structure in a Y.XmlFragment) into flat blocks of styled runs
// that the canvas can draw without an editor. Pure module: Yjs only, no DOM, no Konva.
import * as Y from 'yjs'

export type Run = { text: string; bold?: boolean; italic?: boolean; link?: boolean; code?: boolean; strike?: boolean }
export type BlockKind = 'paragraph' | 'heading' | 'bullet' | 'ordered' | 'quote' | 'code'
export type Block = {
  kind: BlockKind
  runs: Run[]
  /** List nesting depth, 0 outside lists. */
  depth: number
  /** Marker for list items: '•' or '3.'; absent on continuation paragraphs. */
  marker?: string
}

type Ctx = { depth: number; quote: boolean; code: boolean }

function runsOf(node: Y.XmlElement, ctx: Ctx): Run[] {
  const runs: Run[] = []
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]) {
        if (typeof op.insert !== 'string') continue
        const a = op.attributes ?? {}
        const run: Run = { text: op.insert }
        if (a.bold) run.bold = true
        if (a.italic) run.italic = true
        if (a.link) run.link = true
        if (a.code || ctx.code) run.code = true
        if (a.strike) run.strike = true
        runs.push(run)
      }
    } else if (child instanceof Y.XmlElement && child.nodeName === 'hardBreak') {
      runs.push({ text: '\n' })
    }
  }
  return runs
}

function walk(node: Y.XmlFragment | Y.XmlElement, ctx: Ctx, out: Block[], marker?: string): void {
  let pendingMarker = marker
  for (const child of node.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue
    const name = child.nodeName
    if (name === 'paragraph' || name === 'heading' || name === 'codeBlock') {
      const kind: BlockKind =
        name === 'heading' ? 'heading' : name === 'codeBlock' ? 'code' : pendingMarker ? (pendingMarker === '•' ? 'bullet' : 'ordered') : ctx.quote ? 'quote' : 'paragraph'
      const block: Block = { kind, runs: runsOf(child, { ...ctx, code: name === 'codeBlock' }), depth: ctx.depth }
      if (pendingMarker) block.marker = pendingMarker
      pendingMarker = undefined
      out.push(block)
    } else if (name === 'bulletList' || name === 'orderedList') {
      const start = Number(child.getAttribute('start') ?? 1) || 1
      child.toArray().forEach((item, i) => {
        if (item instanceof Y.XmlElement) {
          walk(item, { ...ctx, depth: ctx.depth + 1 }, out, name === 'bulletList' ? '•' : `${start + i}.`)
        }
      })
    } else if (name === 'blockquote') {
      walk(child, { ...ctx, quote: true }, out)
    } else if (name === 'listItem') {
      walk(child, ctx, out, pendingMarker)
      pendingMarker = undefined
    }
  }
}

export function blocksOf(fragment: Y.XmlFragment | undefined | null): Block[] {
  if (!fragment) return []
  const out: Block[] = []
  walk(fragment, { depth: 0, quote: false, code: false }, out)
  return out
}
