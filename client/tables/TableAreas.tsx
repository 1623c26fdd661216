// The template's areas drawn behind everything else on the canvas: a soft tinted floor with its
// name in large letters (a table, a column, a zone). Never listens.
import { memo } from 'react'
import { Group, Rect, Text } from 'react-konva'
import type { Area } from './tableAreas.ts'

const LOOK = {
  table: { fill: 'rgba(16, 185, 129, 0.06)', stroke: 'rgba(5, 150, 105, 0.45)', text: '#047857' },
  column: { fill: 'rgba(99, 102, 241, 0.05)', stroke: 'rgba(79, 70, 229, 0.35)', text: '#4338ca' },
  zone: { fill: 'rgba(245, 158, 11, 0.06)', stroke: 'rgba(217, 119, 6, 0.4)', text: '#b45309' },
} as const

export const TableAreas = memo(function TableAreas({ areas }: { areas: readonly Area[] }) {
  return (
    <>
      {areas.map((a) => {
        const look = LOOK[a.kind]
        return (
          <Group key={a.id} x={a.rect.x} y={a.rect.y} listening={false}>
            <Rect width={a.rect.w} height={a.rect.h} fill={look.fill} stroke={look.stroke} strokeWidth={3} cornerRadius={24} perfectDrawEnabled={false} />
            <Text x={28} y={22} text={a.label} fontSize={44} fontStyle="bold" fill={look.text} opacity={0.8} width={a.rect.w - 56} wrap="none" ellipsis perfectDrawEnabled={false} />
          </Group>
        )
      })}
    </>
  )
})
