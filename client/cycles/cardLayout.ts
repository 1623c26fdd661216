// Where the "Raised from below" cards sit on the canvas and how each is laid out: a column to the
// left of the board's content (its stories and pattern areas), cards stacked top to bottom, each
// card a list of text rows with measured heights. Pure module: no DOM, no React, no Konva.
import type { ConditionCard } from '../../shared/model/condition.ts'
import type { Box } from '../geometry/camera.ts'
import { evidenceLines, sourceLine, wrapText, type MeasureText } from './cardText.ts'

export const CARD_W = 320
export const CARD_PAD = 12
export const BAND_H = 28
export const COLUMN_GAP = 96
export const CARD_GAP = 16
export const HEADING_H = 40
export const MAX_QUOTES = 5

export const FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'
export type RowStyle = 'name' | 'text' | 'quote' | 'meta'
export const ROW_FONTS: Record<RowStyle, { size: number; style: 'bold' | 'normal' | 'italic' }> = {
  name: { size: 15, style: 'bold' },
  text: { size: 13, style: 'normal' },
  quote: { size: 13, style: 'italic' },
  meta: { size: 12, style: 'normal' },
}
/** The CSS font string a row is measured with (and Konva draws with). */
export const cssFont = (style: RowStyle): string => {
  const f = ROW_FONTS[style]
  return `${f.style === 'normal' ? '' : `${f.style} `}${f.size}px ${FAMILY}`
}
export const LINE_HEIGHT: Record<RowStyle, number> = { name: 19, text: 17, quote: 17, meta: 16 }

export type CardRow = { key: string; style: RowStyle; lines: string[]; y: number; h: number }
export type CardBox = Box & { id: string; rows: CardRow[] }
export type CardColumn = { heading: { x: number; y: number }; cards: CardBox[]; bounds: Box | null }

const ROW_GAP = 6
const INNER_W = CARD_W - CARD_PAD * 2

/**
 * A card's rows, stacked top to bottom under the coloured band: `add` wraps nothing itself, `wrap`
 * fits text to the card's inner width, `done` gives the rows and the card's height.
 */
export function rowStack(measure: MeasureText) {
  const rows: CardRow[] = []
  let y = BAND_H + CARD_PAD
  return {
    add: (key: string, style: RowStyle, lines: string[]) => {
      if (lines.length === 0) return
      const h = lines.length * LINE_HEIGHT[style]
      rows.push({ key, style, lines, y, h })
      y += h + ROW_GAP
    },
    wrap: (text: string, style: RowStyle, max: number) => wrapText(text, INNER_W, max, cssFont(style), measure),
    done: (): { rows: CardRow[]; height: number } => ({ rows, height: y - ROW_GAP + CARD_PAD }),
  }
}

/**
 * The rows of one card, top to bottom, starting under the coloured band. The document holds no
 * quotes (the server resolves them when read): they show in the card's panel, not on the canvas.
 */
export function cardRows(card: ConditionCard, measure: MeasureText): { rows: CardRow[]; height: number } {
  const { add, wrap, done } = rowStack(measure)
  add('name', 'name', wrap(card.name || 'Untitled pattern', 'name', 2))
  add('summary', 'text', wrap(card.summary, 'text', 3))
  if (card.note) add('note', 'text', wrap(`Note: ${card.note}`, 'text', 2))
  add('evidence', 'meta', evidenceLines(card.evidence).flatMap((l) => wrap(l, 'meta', 1)))
  add('source', 'meta', wrap(sourceLine(card.source), 'meta', 1))
  if (card.status === 'declined' && card.declineReason) add('reason', 'text', wrap(`Declined: ${card.declineReason}`, 'text', 2))
  if (card.responses.length) add('responses', 'meta', [`${card.responses.length} ${card.responses.length === 1 ? 'response' : 'responses'}`])
  return done()
}

/** Cards stacked under a heading at (x, top), in the order given. */
export function stackColumn<T extends { id: string }>(items: readonly T[], x: number, top: number, rowsOf: (item: T) => { rows: CardRow[]; height: number }): CardColumn {
  let y = top + HEADING_H
  const boxes: CardBox[] = items.map((item) => {
    const { rows, height } = rowsOf(item)
    const box = { id: item.id, x, y, w: CARD_W, h: height, rows }
    y += height + CARD_GAP
    return box
  })
  const bottom = boxes.length ? y - CARD_GAP : top + HEADING_H
  return { heading: { x, y: top }, cards: boxes, bounds: boxes.length ? { x, y: top, w: CARD_W, h: bottom - top } : null }
}

/**
 * The column left of `content` (the union of stories and pattern areas, or null on an empty
 * board): the heading first, then the cards in the order given.
 */
export function layoutColumn(cards: readonly ConditionCard[], content: Box | null, measure: MeasureText): CardColumn {
  return stackColumn(cards, (content?.x ?? 0) - COLUMN_GAP - CARD_W, content?.y ?? 0, (card) => cardRows(card, measure))
}

/** The card under a canvas point, if any. */
export function cardAt(column: CardColumn, p: { x: number; y: number }): string | null {
  for (const c of column.cards) if (p.x >= c.x && p.x <= c.x + c.w && p.y >= c.y && p.y <= c.y + c.h) return c.id
  return null
}

/**
 * The cards members placed on the board (`placements`) drawn where they were put, the rest stacked
 * in the column: `column` holds only the unplaced ones, `placed` the others at their place.
 */
export function layoutCards(
  cards: readonly ConditionCard[],
  placements: ReadonlyMap<string, { pos: { x: number; y: number } }>,
  content: Box | null,
  measure: MeasureText,
): { column: CardColumn; placed: CardBox[] } {
  const column = layoutColumn(cards.filter((c) => !placements.has(c.id)), content, measure)
  const placed = cards.flatMap((card) => {
    const at = placements.get(card.id)?.pos
    if (!at) return []
    const { rows, height } = cardRows(card, measure)
    return [{ id: card.id, x: at.x, y: at.y, w: CARD_W, h: height, rows }]
  })
  return { column, placed }
}

/** The card under a canvas point among placed cards (topmost: last drawn) and the column. */
export function cardUnder(column: CardColumn, placed: readonly CardBox[], p: { x: number; y: number }): CardBox | null {
  for (let i = placed.length - 1; i >= 0; i--) {
    const c = placed[i]!
    if (p.x >= c.x && p.x <= c.x + c.w && p.y >= c.y && p.y <= c.y + c.h) return c
  }
  return column.cards.find((c) => p.x >= c.x && p.x <= c.x + c.w && p.y >= c.y && p.y <= c.y + c.h) ?? null
}
