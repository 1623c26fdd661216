// Where the peers' shared patterns sit on the canvas and how each card is laid out: a column to
// the right of the board's content ("Shared by peer cycles"), so it never mixes with the "Raised
// from below" column on the left. Pure module: no DOM, no React, no Konva.
import type { PatternReference } from '../../shared/model/condition.ts'
import { SCALE_LABELS } from '../../shared/model/cycle.ts'
import type { Box } from '../geometry/camera.ts'
import { BAND_H, CARD_GAP, CARD_PAD, CARD_W, COLUMN_GAP, cssFont, HEADING_H, LINE_HEIGHT, type CardBox, type CardColumn, type CardRow, type RowStyle } from './cardLayout.ts'
import { evidenceLines, wrapText, type MeasureText } from './cardText.ts'

const ROW_GAP = 6
const INNER_W = CARD_W - CARD_PAD * 2

export const referenceSource = (r: Pick<PatternReference, 'source'>): string => `Shared by ${r.source.title} (${SCALE_LABELS[r.source.scale]})`

/** Said on the card (canvas and DOM) once the original pattern was deleted on the peer board. */
export const notLiveText = (r: Pick<PatternReference, 'source'>): string =>
  `No longer live: the original was deleted on ${r.source.title}. This is the last version shared.`

/** The band label: what the card is, and that nobody here can change it. */
export const referenceBand = (r: Pick<PatternReference, 'live'>): string => (r.live ? 'PEER PATTERN · READ ONLY' : 'PEER PATTERN · NO LONGER LIVE')

export function referenceRows(ref: PatternReference, measure: MeasureText): { rows: CardRow[]; height: number } {
  const rows: CardRow[] = []
  let y = BAND_H + CARD_PAD
  const add = (key: string, style: RowStyle, lines: string[]) => {
    if (lines.length === 0) return
    const h = lines.length * LINE_HEIGHT[style]
    rows.push({ key, style, lines, y, h })
    y += h + ROW_GAP
  }
  const wrap = (text: string, style: RowStyle, max: number) => wrapText(text, INNER_W, max, cssFont(style), measure)
  add('name', 'name', wrap(ref.name || 'Untitled pattern', 'name', 2))
  add('summary', 'text', wrap(ref.summary, 'text', 3))
  add('evidence', 'meta', evidenceLines(ref.evidence).flatMap((l) => wrap(l, 'meta', 1)))
  add('source', 'meta', wrap(referenceSource(ref), 'meta', 1))
  if (!ref.live) add('not-live', 'text', wrap(notLiveText(ref), 'text', 3))
  return { rows, height: y - ROW_GAP + CARD_PAD }
}

/** The column right of `content` (stories and pattern areas; null on an empty board). */
export function layoutReferenceColumn(refs: readonly PatternReference[], content: Box | null, measure: MeasureText): CardColumn {
  const x = content ? content.x + content.w + COLUMN_GAP : 0
  const top = content?.y ?? 0
  let y = top + HEADING_H
  const boxes: CardBox[] = refs.map((ref) => {
    const { rows, height } = referenceRows(ref, measure)
    const box = { id: ref.id, x, y, w: CARD_W, h: height, rows }
    y += height + CARD_GAP
    return box
  })
  const bottom = boxes.length ? y - CARD_GAP : top + HEADING_H
  return { heading: { x, y: top }, cards: boxes, bounds: boxes.length ? { x, y: top, w: CARD_W, h: bottom - top } : null }
}
