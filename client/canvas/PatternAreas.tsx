// Pattern areas behind the stories: a card whose header (the title bar, above the area) shows the
// name, the evidence count and the confidence; the body is the area stories are dropped into.
// Nothing here listens: pointerTools hit-tests title bars and corners itself.
import { memo } from 'react'
import { Group, Rect, Text } from 'react-konva'
import type { Pattern } from '../../shared/model/pattern.ts'
import type { Box } from '../geometry/camera.ts'
import { evidenceShort } from '../patterns/evidenceText.ts'
import { TITLE_H } from '../patterns/patternGeometry.ts'

export type PatternDraw = { pattern: Pattern; area: Box }

const CONFIDENCE_TEXT = { low: 'low confidence', medium: 'medium confidence', high: 'high confidence' } as const

export function titleText(p: Pattern): string {
  const counter = p.members.filter((m) => m.role === 'counter-example').length
  const parts = [p.name || 'Unnamed pattern', evidenceShort({ stories: p.members.length, counterExamples: counter })]
  if (p.confidence) parts.push(CONFIDENCE_TEXT[p.confidence])
  return parts.join('  ·  ')
}

type Props = {
  items: readonly PatternDraw[]
  showText: boolean
  /** Canvas units kept free at the right of each title bar for the DOM vote controls. */
  reserveRight: number
  dimmed?: ReadonlySet<string> | null
}

export const PatternAreas = memo(function PatternAreas({ items, showText, reserveRight, dimmed }: Props) {
  return (
    <>
      {items.map(({ pattern: p, area }) => (
        <Group key={p.id} x={area.x} y={area.y} listening={false} opacity={dimmed?.has(p.id) ? 0.4 : 1}>
          <Rect
            width={area.w}
            height={area.h}
            fill="rgba(29, 99, 237, 0.05)"
            stroke="rgba(29, 99, 237, 0.45)"
            strokeWidth={1.5}
            dash={[8, 6]}
            cornerRadius={[0, 0, 10, 10]}
            perfectDrawEnabled={false}
          />
          <Rect y={-TITLE_H} width={area.w} height={TITLE_H} fill="#dfe8fb" stroke="rgba(29, 99, 237, 0.45)" strokeWidth={1.5} cornerRadius={[10, 10, 0, 0]} perfectDrawEnabled={false} />
          {showText && (
            <Text
              x={12}
              y={-TITLE_H + 10}
              width={Math.max(20, area.w - 24 - reserveRight)}
              height={TITLE_H - 10}
              text={titleText(p)}
              fontSize={16}
              fontStyle="bold"
              fill="#1d3f8f"
              wrap="none"
              ellipsis
              perfectDrawEnabled={false}
            />
          )}
        </Group>
      ))}
    </>
  )
})
