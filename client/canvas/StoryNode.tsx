// One story card on the canvas: a coloured block with its formatted text drawn by Konva.
import { memo, useMemo } from 'react'
import { Group, Rect, Shape, Text } from 'react-konva'
import type { StoryView } from '../store/boardStore.ts'
import { drawLayout } from './drawText.ts'
import type { MemberRole } from '../../shared/model/pattern.ts'
import { COUNTER_COLOUR, FOOTER_HEIGHT, footerOf, HIGHLIGHT_COLOUR, MEMBER_COLOUR, STORY_PADDING } from './storyStyle.ts'
import { layoutText, STORY_TEXT, type Measure } from './textLayout.ts'

type Props = {
  story: StoryView
  measure: Measure
  dx?: number
  dy?: number
  hideText?: boolean
  size?: { w: number; h: number }
  /** Filter: `dim` fades a story that does not match, `highlight` rings one that does. */
  dim?: boolean
  highlight?: boolean
  /** Its role in a pattern (membership is data, not position): a band along the top; a red tag for a counter-example. */
  role?: MemberRole | null
}

export const StoryNode = memo(function StoryNode({ story, measure, dx = 0, dy = 0, hideText = false, size = story.size, dim = false, highlight = false, role = null }: Props) {
  const footer = footerOf(story)
  const textHeight = size.h - STORY_PADDING * 2 - (footer ? FOOTER_HEIGHT : 0)
  const layout = useMemo(
    () => layoutText(story.blocks, size.w - STORY_PADDING * 2, textHeight, STORY_TEXT, measure),
    [story.blocks, size.w, textHeight, measure],
  )
  const empty = story.text.trim() === ''
  return (
    <Group x={story.pos.x + dx} y={story.pos.y + dy} listening={false} opacity={dim ? 0.22 : 1}>
      {highlight && <Rect x={-4} y={-4} width={size.w + 8} height={size.h + 8} stroke={HIGHLIGHT_COLOUR} strokeWidth={3} cornerRadius={7} perfectDrawEnabled={false} />}
      <Rect width={size.w} height={size.h} fill={story.colour} cornerRadius={4} stroke="rgba(0,0,0,0.14)" strokeWidth={1} perfectDrawEnabled={false} />
      {!hideText && !empty && (
        <Shape
          perfectDrawEnabled={false}
          sceneFunc={(ctx) => drawLayout(ctx._context, layout, STORY_PADDING, STORY_PADDING, STORY_TEXT.fontSize)}
        />
      )}
      {!hideText && empty && (
        <Text
          x={STORY_PADDING}
          y={STORY_PADDING}
          // A restricted story's placeholder: its content is in the restricted room, not this document.
          text={story.sensitivity === 'restricted' ? 'Restricted story' : 'Empty story'}
          fontSize={13}
          fontStyle="italic"
          fill="#6b7280"
          perfectDrawEnabled={false}
        />
      )}
      {/* Drawn with its text only for those who may see it (owners, facilitators): say so. */}
      {!hideText && !empty && story.sensitivity === 'restricted' && (
        <Group x={size.w - 92} y={size.h - 19}>
          <Rect width={70} height={14} fill="#7c2d12" cornerRadius={7} perfectDrawEnabled={false} />
          <Text width={70} y={2} align="center" text="restricted" fontSize={10} fontStyle="bold" fill="#fff" perfectDrawEnabled={false} />
        </Group>
      )}
      {role && <Rect width={size.w} height={5} fill={role === 'counter-example' ? COUNTER_COLOUR : MEMBER_COLOUR} cornerRadius={[4, 4, 0, 0]} perfectDrawEnabled={false} />}
      {role === 'counter-example' && (
        <Group x={size.w - 118} y={-10}>
          <Rect width={112} height={20} fill={COUNTER_COLOUR} cornerRadius={10} perfectDrawEnabled={false} />
          <Text width={112} y={5} align="center" text="counter-example" fontSize={11} fontStyle="bold" fill="#fff" perfectDrawEnabled={false} />
        </Group>
      )}
      {footer && (
        <Text
          x={STORY_PADDING}
          y={size.h - FOOTER_HEIGHT}
          width={size.w - STORY_PADDING * 2}
          height={FOOTER_HEIGHT}
          text={footer}
          fontSize={11}
          fill="#4b5563"
          wrap="none"
          ellipsis
          perfectDrawEnabled={false}
        />
      )}
    </Group>
  )
})
