import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { fragmentText, paragraphsOf, seedFragment, type Run } from './richText.ts'

function fragmentWith(paragraphs: Run[][]): Y.XmlFragment {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment('text')
  seedFragment(fragment, paragraphs)
  return fragment
}

describe('seedFragment and fragmentText', () => {
  it('[M10] round-trip bold runs and several paragraphs', () => {
    const fragment = fragmentWith([
      [{ text: 'Rent ' }, { text: 'arrears', marks: ['bold'] }, { text: ' fell' }],
      [{ text: 'twice', marks: ['bold', 'italic'] }],
    ])
    expect(fragmentText(fragment)).toBe('Rent arrears fell\ntwice')
  })

  it('stores paragraphs and marks as tiptap does', () => {
    const fragment = fragmentWith([
      [{ text: 'Rent ' }, { text: 'arrears', marks: ['bold'] }, { text: ' fell' }],
    ])
    const [paragraph] = fragment.toArray()
    expect(paragraph).toBeInstanceOf(Y.XmlElement)
    expect((paragraph as Y.XmlElement).nodeName).toBe('paragraph')
    const text = (paragraph as Y.XmlElement).get(0) as Y.XmlText
    expect(text.toDelta()).toEqual([
      { insert: 'Rent ' },
      { insert: 'arrears', attributes: { bold: {} } },
      { insert: ' fell' },
    ])
  })

  it('[M10] keeps text that looks like markup as typed', () => {
    const typed = '<b>x</b> &amp; <script>alert(1)</script>'
    const fragment = fragmentWith(paragraphsOf(typed))
    expect(fragmentText(fragment)).toBe(typed)
    expect(fragmentText(fragmentWith([[{ text: '<b>x</b>', marks: ['bold'] }]]))).toBe('<b>x</b>')
  })

  it('[M10] keeps empty lines between paragraphs', () => {
    expect(paragraphsOf('a\n\nb')).toEqual([[{ text: 'a' }], [], [{ text: 'b' }]])
    expect(fragmentText(fragmentWith(paragraphsOf('a\n\nb')))).toBe('a\n\nb')
  })

  it('appends to a fragment that already has text', () => {
    const fragment = fragmentWith(paragraphsOf('first'))
    seedFragment(fragment, paragraphsOf('second'))
    expect(fragmentText(fragment)).toBe('first\nsecond')
  })

  it('[M10] reads one line per list item and heading', () => {
    const doc = new Y.Doc()
    const fragment = doc.getXmlFragment('text')
    const block = (name: string, text: string) => {
      const el = new Y.XmlElement(name)
      el.insert(0, [new Y.XmlText(text)])
      return el
    }
    const item = (text: string) => {
      const li = new Y.XmlElement('listItem')
      li.insert(0, [block('paragraph', text)])
      return li
    }
    const list = new Y.XmlElement('bulletList')
    list.insert(0, [item('one'), item('two')])
    fragment.insert(0, [block('heading', 'Title'), list, block('paragraph', 'after')])
    expect(fragmentText(fragment)).toBe('Title\none\ntwo\nafter')
  })
})
