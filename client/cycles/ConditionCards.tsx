// "Raised from below" on the canvas: the condition cards raised onto this board, in a column left
// of the board's content. Drawn in Konva without listening; clicks are taken only on the cards'
// own rectangles (hit-tested against the same layout), and open the DOM condition panel.
import { Group, Rect, Text } from 'react-konva'
import { STATUS_LABELS, type ConditionCard } from '../../shared/model/condition.ts'
import { CardRows, ColumnHeading } from './CardParts.tsx'
import { BAND_H, CARD_PAD, FAMILY, type CardBox, type CardColumn } from './cardLayout.ts'
import { KIND_COLOURS, KIND_LABELS, STATUS_TONES } from './statusFlow.ts'
import type { MeasureText } from './cardText.ts'

const PILL_FONT = `bold 11px ${FAMILY}`

type Props = {
  column: CardColumn
  /** Cards members placed on the board (e.g. into a pattern, as its evidence). */
  placed: readonly CardBox[]
  /** The card being dragged, drawn moved by (dx, dy) until it is dropped. */
  drag: { id: string; dx: number; dy: number } | null
  cards: ReadonlyMap<string, ConditionCard>
  openId: string | null
  measure: MeasureText
}

export function ConditionCards({ column, placed, drag, cards, openId, measure }: Props) {
  if (column.cards.length === 0 && placed.length === 0) return null
  const moved = (box: CardBox): CardBox => (drag?.id === box.id ? { ...box, x: box.x + drag.dx, y: box.y + drag.dy } : box)
  return (
    <Group listening={false}>
      {column.cards.length > 0 && (
        <ColumnHeading column={column} title="Raised from below" hint="Enablers and barriers from linked cycles. Click to answer; drag into a pattern as evidence." />
      )}
      {[...column.cards, ...placed].map((box) => {
        const card = cards.get(box.id)
        return card ? <CardShape key={box.id} box={moved(box)} card={card} open={box.id === openId} measure={measure} /> : null
      })}
    </Group>
  )
}

function CardShape({ box, card, open, measure }: { box: CardBox; card: ConditionCard; open: boolean; measure: MeasureText }) {
  const colours = KIND_COLOURS[card.kind]
  const status = STATUS_LABELS[card.status]
  const pillW = Math.ceil(measure(status, PILL_FONT)) + 16
  return (
    <Group x={box.x} y={box.y}>
      <Rect width={box.w} height={box.h} fill="#ffffff" stroke={open ? '#1d63ed' : colours.line} strokeWidth={open ? 3 : 1.5} cornerRadius={8} shadowColor="#000" shadowOpacity={0.08} shadowBlur={6} shadowOffsetY={2} />
      <Rect x={1} y={1} width={box.w - 2} height={BAND_H - 1} fill={colours.fill} cornerRadius={[7, 7, 0, 0]} />
      <Text x={CARD_PAD} y={8} text={KIND_LABELS[card.kind].toUpperCase()} fontSize={12} fontStyle="bold" fontFamily={FAMILY} fill={colours.ink} letterSpacing={0.6} />
      <Rect x={box.w - CARD_PAD - pillW} y={5} width={pillW} height={18} cornerRadius={9} fill={STATUS_TONES[card.status]} />
      <Text x={box.w - CARD_PAD - pillW} y={9} width={pillW} align="center" text={status} fontSize={11} fontStyle="bold" fontFamily={FAMILY} fill="#ffffff" />
      <CardRows rows={box.rows} alert="reason" />
    </Group>
  )
}
