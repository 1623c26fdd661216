// What a condition card says, as text: evidence counts in words, and text wrapped to a width with
// an ellipsis past a line limit. Pure module: the measuring function is passed in.
import type { CarriedEvidence } from '../../shared/model/condition.ts'
import { SCALE_LABELS, type Scale } from '../../shared/model/cycle.ts'

export type MeasureText = (text: string, font: string) => number

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** The counts that crossed with the card, in three short lines. */
export function evidenceLines(e: CarriedEvidence): string[] {
  return [
    `${plural(e.stories, 'story', 'stories')}: ${e.supports} supporting, ${plural(e.counterExamples, 'counter-example')}${e.fromBelow ? ` (${e.fromBelow} from cycles further down)` : ''}`,
    `${e.working} working · ${e.confidential} confidential · ${e.restricted} restricted`,
    `${plural(e.tellerRoles, 'teller role')}`,
  ]
}

export const sourceLine = (s: { title: string; scale: Scale }): string => `From ${s.title} (${SCALE_LABELS[s.scale]})`

/** Word-wraps `text` into at most `maxLines` lines no wider than `width`; the last gets "…" if cut. */
export function wrapText(text: string, width: number, maxLines: number, font: string, measure: MeasureText): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean)
  const lines: string[] = []
  let line = ''
  let cut = false
  for (let i = 0; i < words.length; i++) {
    let word = words[i]!
    // A word wider than the line is broken by characters.
    while (measure(word, font) > width && word.length > 1) {
      let n = word.length - 1
      while (n > 1 && measure(word.slice(0, n), font) > width) n--
      if (line) lines.push(line)
      line = ''
      if (lines.length === maxLines) break
      lines.push(word.slice(0, n))
      word = word.slice(n)
      if (lines.length === maxLines) break
    }
    if (lines.length === maxLines) {
      cut = true
      break
    }
    const candidate = line ? `${line} ${word}` : word
    if (measure(candidate, font) <= width) {
      line = candidate
      continue
    }
    lines.push(line)
    line = word
    if (lines.length === maxLines) {
      cut = true
      break
    }
  }
  if (!cut && line) lines.push(line)
  if (cut && lines.length) lines[lines.length - 1] = ellipsize(lines[lines.length - 1]!, width, font, measure)
  return lines
}

function ellipsize(line: string, width: number, font: string, measure: MeasureText): string {
  let s = line
  while (s.length > 0 && measure(`${s}…`, font) > width) s = s.slice(0, -1)
  return `${s.trimEnd()}…`
}
