// Where the peers' shared patterns sit on the canvas and how each card is laid out: a column to
// the right of the board's content ("Shared by peer cycles"), so it never mixes with the "Raised
// from below" column on the left. Pure module: no DOM, no React, no Konva.
import type { PatternReference } from '../../shared/model/condition.ts'
import { SCALE_LABELS } from '../../shared/model/cycle.ts'
import type { Box } from '../geometry/camera.ts'
import { COLUMN_GAP, rowStack, stackColumn, type CardColumn, type CardRow } from './cardLayout.ts'
import { evidenceLines, type MeasureText } from './cardText.ts'

export const referenceSource = (r: Pick<PatternReference, 'source'>): string => `Shared by ${r.source.title} (${SCALE_LABELS[r.source.scale]})`

/** Said on the card (canvas and DOM) once the original pattern was deleted on the peer board. */
export const notLiveText = (r: Pick<PatternReference, 'source'>): string =>
  `No longer live: the original was deleted on ${r.source.title}. This is the last version shared.`

/** The band label: what the card is, and that nobody here can change it. */
export const referenceBand = (r: Pick<PatternReference, 'live'>): string => (r.live ? 'PEER PATTERN · READ ONLY' : 'PEER PATTERN · NO LONGER LIVE')

export function referenceRows(ref: PatternReference, measure: MeasureText): { rows: CardRow[]; height: number } {
  const { add, wrap, done } = rowStack(measure)
  add('name', 'name', wrap(ref.name || 'Untitled pattern', 'name', 2))
  add('summary', 'text', wrap(ref.summary, 'text', 3))
  add('evidence', 'meta', evidenceLines(ref.evidence).flatMap((l) => wrap(l, 'meta', 1)))
  add('source', 'meta', wrap(referenceSource(ref), 'meta', 1))
  if (!ref.live) add('not-live', 'text', wrap(notLiveText(ref), 'text', 3))
  return done()
}

/** The column right of `content` (stories and pattern areas; null on an empty board). */
export function layoutReferenceColumn(refs: readonly PatternReference[], content: Box | null, measure: MeasureText): CardColumn {
  return stackColumn(refs, content ? content.x + content.w + COLUMN_GAP : 0, content?.y ?? 0, (ref) => referenceRows(ref, measure))
}
