// A small badge on each raised pattern's header on the canvas: where it went and the live status
// (one raise: kind and status; several: how many and how many are still open).
import { Group, Rect, Text } from 'react-konva'
import { STATUS_LABELS, type RaisedMark } from '../../shared/model/condition.ts'
import type { Pattern } from '../../shared/model/pattern.ts'
import type { MeasureText } from './cardText.ts'
import { TITLE_H } from '../patterns/patternGeometry.ts'
import { FAMILY } from './cardLayout.ts'
import { isOpen, KIND_LABELS, STATUS_TONES } from './statusFlow.ts'

const FONT_SIZE = 12
const FONT = `bold ${FONT_SIZE}px ${FAMILY}`
const BADGE_H = 22
/** Gap between the badge and the pattern's title bar, which it sits on like a tab. */
const GAP = 4

export function badgeText(marks: readonly RaisedMark[]): { text: string; tone: string } {
  const [first] = marks
  if (marks.length === 1 && first) {
    return { text: `↑ ${KIND_LABELS[first.kind]} at ${first.target.title}: ${STATUS_LABELS[first.status]}`, tone: STATUS_TONES[first.status] }
  }
  const open = marks.filter((m) => isOpen(m.status)).length
  return { text: `↑ Raised to ${marks.length} cycles: ${open} open`, tone: open ? STATUS_TONES.raised : STATUS_TONES.resolved }
}

type Props = { patterns: readonly Pattern[]; raised: ReadonlyMap<string, readonly RaisedMark[]>; measure: MeasureText }

export function RaisedBadges({ patterns, raised, measure }: Props) {
  return (
    <Group listening={false}>
      {patterns.map((p) => {
        const marks = raised.get(p.id)
        if (!marks?.length) return null
        const { text, tone } = badgeText(marks)
        const w = Math.ceil(measure(text, FONT)) + 16
        // Above the title bar (the title text and the vote controls live inside it), right-aligned.
        const x = p.area.x + Math.max(0, p.area.w - w)
        return (
          <Group key={p.id} x={x} y={p.area.y - TITLE_H - GAP - BADGE_H}>
            <Rect width={w} height={BADGE_H} cornerRadius={BADGE_H / 2} fill={tone} />
            <Text x={8} y={5} text={text} fontSize={FONT_SIZE} fontStyle="bold" fontFamily={FAMILY} fill="#ffffff" />
          </Group>
        )
      })}
    </Group>
  )
}
