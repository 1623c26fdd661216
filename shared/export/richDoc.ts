// Rich text as a portable structure (ProseMirror-style JSON) and back into a Y.XmlFragment, so an
// exported story keeps its bold, lists and links. Links are checked on the way out and in: only
// http(s) and mailto survive (shared/model/link.ts, as in the editor). Pure module: Yjs and zod.
import * as Y from 'yjs'
import { z } from 'zod'
import { safeHref } from '../model/link.ts'

export type RichMark = { type: string; attrs?: Record<string, string> }
export type RichText = { text: string; marks?: RichMark[] }
export type RichElement = { type: string; attrs?: Record<string, string | number>; content?: RichNode[] }
export type RichNode = RichText | RichElement

const Name = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/)
const RichMarkSchema = z.object({ type: Name, attrs: z.record(z.string(), z.string().max(2000)).optional() })
const RichTextSchema = z.object({ text: z.string().min(1).max(20_000), marks: z.array(RichMarkSchema).max(10).optional() })
export const RichNodeSchema: z.ZodType<RichNode> = z.lazy(() =>
  z.union([
    RichTextSchema,
    z.object({
      type: Name,
      attrs: z.record(z.string(), z.union([z.string().max(2000), z.number()])).optional(),
      content: z.array(RichNodeSchema).max(2000).optional(),
    }),
  ]),
)
export const RichDoc = z.array(RichNodeSchema).max(2000)

function marksOf(attributes: Record<string, unknown> | undefined): RichMark[] | undefined {
  if (!attributes) return undefined
  const marks: RichMark[] = []
  for (const [type, value] of Object.entries(attributes).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!Name.safeParse(type).success) continue
    const attrs: Record<string, string> = {}
    if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (typeof v === 'string') attrs[k] = v
    }
    if (type === 'link') {
      const href = safeHref(attrs.href ?? '')
      // An unsafe link keeps its text and loses the link.
      if (!href) continue
      marks.push({ type, attrs: { href } })
      continue
    }
    marks.push(Object.keys(attrs).length ? { type, attrs } : { type })
  }
  return marks.length ? marks : undefined
}

/** The fragment as portable nodes; element attributes and marks sorted, so output is stable. */
export function richOf(node: Y.XmlFragment | Y.XmlElement): RichNode[] {
  const out: RichNode[] = []
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as Array<{ insert?: unknown; attributes?: Record<string, unknown> }>) {
        if (typeof op.insert !== 'string' || !op.insert) continue
        const marks = marksOf(op.attributes)
        out.push(marks ? { text: op.insert, marks } : { text: op.insert })
      }
    } else if (child instanceof Y.XmlElement) {
      const el: RichElement = { type: child.nodeName }
      const attrs = (Object.entries(child.getAttributes() as Record<string, unknown>)
        .filter((e) => typeof e[1] === 'string' || typeof e[1] === 'number') as Array<[string, string | number]>)
        .sort(([a], [b]) => (a < b ? -1 : 1))
      if (attrs.length) el.attrs = Object.fromEntries(attrs)
      const content = richOf(child)
      if (content.length) el.content = content
      out.push(el)
    }
  }
  return out
}

/** Appends portable nodes to a fragment (inside the caller's transaction). Adjacent runs share one XmlText. */
export function writeRich(target: Y.XmlFragment | Y.XmlElement, nodes: readonly RichNode[]): void {
  const children: Array<Y.XmlElement | Y.XmlText> = []
  let text: Y.XmlText | null = null
  const pendingRuns: Array<{ text: Y.XmlText; runs: RichText[] }> = []
  const nested: Array<[Y.XmlElement, readonly RichNode[]]> = []
  for (const node of nodes) {
    if ('text' in node) {
      if (!text) {
        text = new Y.XmlText()
        children.push(text)
        pendingRuns.push({ text, runs: [] })
      }
      pendingRuns[pendingRuns.length - 1]!.runs.push(node)
    } else {
      text = null
      const el = new Y.XmlElement(node.type)
      for (const [k, v] of Object.entries(node.attrs ?? {})) el.setAttribute(k, v as string)
      children.push(el)
      if (node.content?.length) nested.push([el, node.content])
    }
  }
  target.insert(target.length, children)
  // Content goes in once the parents are part of the document (Yjs integrates children then).
  for (const { text: t, runs } of pendingRuns) {
    let at = 0
    for (const run of runs) {
      const attrs: Record<string, object> = {}
      for (const m of run.marks ?? []) {
        if (m.type === 'link') {
          const href = safeHref(m.attrs?.href ?? '')
          if (href) attrs.link = { href }
        } else attrs[m.type] = m.attrs ?? {}
      }
      t.insert(at, run.text, attrs)
      at += run.text.length
    }
  }
  for (const [el, content] of nested) writeRich(el, content)
}
