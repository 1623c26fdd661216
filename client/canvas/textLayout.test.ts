import { describe, expect, it } from 'vitest'
import type { Block } from './richBlocks.ts'
import { layoutText, type TextStyle } from './textLayout.ts'

// Every character is 10 px wide: easy to reason about.
const measure = (t: string) => t.length * 10
const style: TextStyle = { fontSize: 10, lineHeight: 12, family: 'sans' }
const para = (text: string, extra: Partial<Block> = {}): Block => ({ kind: 'paragraph', runs: [{ text }], depth: 0, ...extra })

describe('layoutText', () => {
  it('wraps words to the width', () => {
    const l = layoutText([para('aaa bbb ccc')], 75, 1000, style, measure)
    expect(l.lines.map((line) => line.pieces.map((p) => p.text).join(''))).toEqual(['aaa bbb', 'ccc'])
    expect(l.height).toBe(24)
  })

  it('keeps bold and italic in the font', () => {
    const l = layoutText([{ kind: 'paragraph', depth: 0, runs: [{ text: 'a', bold: true }, { text: 'b', italic: true }] }], 100, 100, style, measure)
    expect(l.lines[0]!.pieces.map((p) => p.font)).toEqual(['bold 10px sans', 'italic 10px sans'])
    expect(l.lines[0]!.pieces[1]!.x).toBe(10)
  })

  it('indents list items and draws their marker', () => {
    const l = layoutText([para('x', { kind: 'bullet', depth: 1, marker: '•' })], 100, 100, style, measure)
    expect(l.lines[0]!.pieces.map((p) => [p.text, p.x])).toEqual([['•', 2], ['x', 18]])
  })

  it('breaks words wider than the line', () => {
    const l = layoutText([para('abcdefghij')], 40, 1000, style, measure)
    expect(l.lines.map((line) => line.pieces.map((p) => p.text).join(''))).toEqual(['abcd', 'efgh', 'ij'])
  })

  it('stops at the height and marks the overflow', () => {
    const l = layoutText([para('a'), para('b'), para('c')], 100, 25, style, measure)
    expect(l.overflow).toBe(true)
    expect(l.lines.length).toBe(2)
    expect(l.lines[1]!.pieces.at(-1)!.text).toBe('…')
  })

  it('keeps empty paragraphs as blank lines', () => {
    expect(layoutText([para('a'), para(''), para('b')], 100, 100, style, measure).lines.length).toBe(3)
  })
})
