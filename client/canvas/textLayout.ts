// Lays out rich-text blocks into positioned, styled pieces for drawing on a canvas: word wrap,
// list indents and markers, and an ellipsis when the text overflows the story. Pure module: the
// caller injects `measure`, so this runs in tests without a canvas.
import type { Block, Run } from './richBlocks.ts'

export type TextStyle = { fontSize: number; lineHeight: number; family: string }
export type Piece = { x: number; text: string; font: string; link?: boolean; strike?: boolean }
export type Line = { y: number; pieces: Piece[] }
export type TextLayout = { lines: Line[]; height: number; overflow: boolean }
export type Measure = (text: string, font: string) => number

export const STORY_TEXT: TextStyle = { fontSize: 14, lineHeight: 19, family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' }
const INDENT = 18

export function fontOf(run: Pick<Run, 'bold' | 'italic' | 'code'>, style: TextStyle, size = style.fontSize): string {
  const family = run.code ? 'ui-monospace, Menlo, monospace' : style.family
  return `${run.italic ? 'italic ' : ''}${run.bold ? 'bold ' : ''}${size}px ${family}`
}

/** Splits runs into words and spaces, keeping each piece's style; '\n' becomes a break token. */
function tokens(runs: Run[]): (Run | 'break')[] {
  const out: (Run | 'break')[] = []
  for (const run of runs) {
    for (const part of run.text.split(/(\n|\s+)/)) {
      if (part === '') continue
      if (part === '\n') out.push('break')
      else out.push({ ...run, text: part })
    }
  }
  return out
}

export function layoutText(blocks: Block[], width: number, maxHeight: number, style: TextStyle, measure: Measure): TextLayout {
  const lines: Line[] = []
  let y = 0
  let overflow = false
  const push = (line: Line) => {
    if (y + style.lineHeight > maxHeight) {
      overflow = true
      return false
    }
    line.y = y
    lines.push(line)
    y += style.lineHeight
    return true
  }

  outer: for (const block of blocks) {
    const size = block.kind === 'heading' ? Math.round(style.fontSize * 1.2) : style.fontSize
    const bold = block.kind === 'heading'
    const left = block.depth * INDENT
    let line: Line = { y: 0, pieces: [] }
    if (block.marker) line.pieces.push({ x: left - INDENT + 2, text: block.marker, font: fontOf({}, style, size) })
    let x = left
    for (const tok of tokens(block.runs)) {
      if (tok === 'break') {
        if (!push(line)) break outer
        line = { y: 0, pieces: [] }
        x = left
        continue
      }
      const font = fontOf({ ...tok, bold: tok.bold || bold }, style, size)
      const isSpace = /^\s+$/.test(tok.text)
      let text = tok.text
      let w = measure(text, font)
      if (x + w > width && x > left) {
        if (isSpace) continue
        if (!push(line)) break outer
        line = { y: 0, pieces: [] }
        x = left
      }
      if (isSpace && x === left) continue
      // A single word wider than the line: break it by characters.
      while (w > width - left && text.length > 1) {
        let n = text.length - 1
        while (n > 1 && measure(text.slice(0, n), font) > width - left) n--
        line.pieces.push(piece(x, text.slice(0, n), font, tok))
        if (!push(line)) break outer
        line = { y: 0, pieces: [] }
        x = left
        text = text.slice(n)
        w = measure(text, font)
      }
      line.pieces.push(piece(x, text, font, tok))
      x += w
    }
    if (!push(line)) break
  }
  if (overflow && lines.length > 0) {
    const last = lines[lines.length - 1]!
    const end = last.pieces[last.pieces.length - 1]
    last.pieces.push({ x: end ? end.x + measure(end.text, end.font) : 0, text: '…', font: fontOf({}, style) })
  }
  return { lines, height: y, overflow }
}

function piece(x: number, text: string, font: string, run: Run): Piece {
  const p: Piece = { x, text, font }
  if (run.link) p.link = true
  if (run.strike) p.strike = true
  return p
}
