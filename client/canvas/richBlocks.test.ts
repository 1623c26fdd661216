import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { blocksOf } from './richBlocks.ts'

function el(name: string, children: (Y.XmlElement | Y.XmlText)[], attrs: Record<string, string> = {}) {
  const e = new Y.XmlElement(name)
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v)
  e.insert(0, children)
  return e
}

function text(parts: [string, Record<string, object>?][]) {
  const t = new Y.XmlText()
  let at = 0
  for (const [s, attrs] of parts) {
    t.insert(at, s, attrs ?? {})
    at += s.length
  }
  return t
}

describe('blocksOf', () => {
  it('reads paragraphs with bold, italic and links', () => {
    const doc = new Y.Doc()
    const f = doc.getXmlFragment('t')
    f.insert(0, [el('paragraph', [text([['Rent ', {}], ['arrears', { bold: {} }], [' fell', { italic: {} }], [' link', { link: { href: 'https://x' } }]])])])
    expect(blocksOf(f)).toEqual([
      {
        kind: 'paragraph',
        depth: 0,
        runs: [{ text: 'Rent ' }, { text: 'arrears', bold: true }, { text: ' fell', italic: true }, { text: ' link', link: true }],
      },
    ])
  })

  it('reads bullet and ordered lists with markers and depth', () => {
    const doc = new Y.Doc()
    const f = doc.getXmlFragment('t')
    f.insert(0, [
      el('bulletList', [el('listItem', [el('paragraph', [text([['one']])])]), el('listItem', [el('paragraph', [text([['two']])])])]),
      el('orderedList', [el('listItem', [el('paragraph', [text([['first']])]), el('paragraph', [text([['more']])])])], { start: '3' }),
    ])
    expect(blocksOf(f).map((b) => [b.kind, b.depth, b.marker, b.runs[0]?.text])).toEqual([
      ['bullet', 1, '•', 'one'],
      ['bullet', 1, '•', 'two'],
      ['ordered', 1, '3.', 'first'],
      ['paragraph', 1, undefined, 'more'],
    ])
  })

  it('is empty for a missing fragment', () => {
    expect(blocksOf(undefined)).toEqual([])
  })
})
