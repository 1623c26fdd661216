// Pattern areas behind the stories: a named region that groups its member stories.
import { Group, Rect, Text } from 'react-konva'
import type { Pattern } from '../../shared/model/pattern.ts'

export function PatternAreas({ patterns, showText }: { patterns: readonly Pattern[]; showText: boolean }) {
  return (
    <>
      {patterns.map((p) => (
        <Group key={p.id} x={p.area.x} y={p.area.y} listening={false}>
          <Rect
            width={p.area.w}
            height={p.area.h}
            fill="rgba(29, 99, 237, 0.05)"
            stroke="rgba(29, 99, 237, 0.45)"
            strokeWidth={1.5}
            dash={[8, 6]}
            cornerRadius={10}
            perfectDrawEnabled={false}
          />
          {showText && (
            <Text
              x={14}
              y={-26}
              text={`${p.name || 'Unnamed pattern'}  ·  ${p.members.length} ${p.members.length === 1 ? 'story' : 'stories'}`}
              fontSize={16}
              fontStyle="bold"
              fill="#1d3f8f"
              perfectDrawEnabled={false}
            />
          )}
        </Group>
      ))}
    </>
  )
}
