// "Shared by peer cycles" on the canvas: the read-only cards of patterns that horizontally linked
// cycles share with this board, in a column right of the content. Drawn in Konva without
// listening; a click on a card (hit-tested against the same layout) opens the reference panel.
import { Group, Rect, Text } from 'react-konva'
import type { PatternReference } from '../../shared/model/condition.ts'
import { CardRows, ColumnHeading } from './CardParts.tsx'
import { BAND_H, CARD_PAD, FAMILY, type CardBox, type CardColumn } from './cardLayout.ts'
import { referenceBand } from './referenceLayout.ts'

/** Peer cards are neither enabler nor barrier: a calm blue-grey, dashed once the original is gone. */
export const PEER_COLOURS = { ink: '#1d3f8f', fill: '#eef3fd', line: '#5b7bd5', gone: '#8c959f', goneFill: '#f1f3f5' }

type Props = { column: CardColumn; refs: ReadonlyMap<string, PatternReference>; openId: string | null }

export function ReferenceCards({ column, refs, openId }: Props) {
  if (column.cards.length === 0) return null
  return (
    <Group listening={false}>
      <ColumnHeading column={column} title="Shared by peer cycles" hint="Read-only patterns from linked peers, kept in step. Click a card." />
      {column.cards.map((box) => {
        const ref = refs.get(box.id)
        return ref ? <ReferenceShape key={box.id} box={box} reference={ref} open={box.id === openId} /> : null
      })}
    </Group>
  )
}

function ReferenceShape({ box, reference, open }: { box: CardBox; reference: PatternReference; open: boolean }) {
  const live = reference.live
  return (
    <Group x={box.x} y={box.y}>
      <Rect
        width={box.w}
        height={box.h}
        fill={live ? '#ffffff' : '#fafbfc'}
        stroke={open ? '#1d63ed' : live ? PEER_COLOURS.line : PEER_COLOURS.gone}
        strokeWidth={open ? 3 : 1.5}
        dash={live ? undefined : [6, 4]}
        cornerRadius={8}
      />
      <Rect x={1} y={1} width={box.w - 2} height={BAND_H - 1} fill={live ? PEER_COLOURS.fill : PEER_COLOURS.goneFill} cornerRadius={[7, 7, 0, 0]} />
      <Text x={CARD_PAD} y={8} text={referenceBand(reference)} fontSize={12} fontStyle="bold" fontFamily={FAMILY} fill={live ? PEER_COLOURS.ink : '#57606a'} letterSpacing={0.6} />
      <CardRows rows={box.rows} alert="not-live" italic />
    </Group>
  )
}
