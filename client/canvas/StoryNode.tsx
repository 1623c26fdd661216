// One story card on the canvas: a coloured block with its formatted text drawn by Konva.
import { memo, useMemo } from 'react'
import { Group, Rect, Shape, Text } from 'react-konva'
import type { StoryView } from '../store/boardStore.ts'
import { drawLayout } from './drawText.ts'
import { FOOTER_HEIGHT, footerOf, STORY_PADDING } from './storyStyle.ts'
import { layoutText, STORY_TEXT, type Measure } from './textLayout.ts'

type Props = { story: StoryView; measure: Measure; dx?: number; dy?: number; hideText?: boolean; size?: { w: number; h: number } }

export const StoryNode = memo(function StoryNode({ story, measure, dx = 0, dy = 0, hideText = false, size = story.size }: Props) {
  const footer = footerOf(story)
  const textHeight = size.h - STORY_PADDING * 2 - (footer ? FOOTER_HEIGHT : 0)
  const layout = useMemo(
    () => layoutText(story.blocks, size.w - STORY_PADDING * 2, textHeight, STORY_TEXT, measure),
    [story.blocks, size.w, textHeight, measure],
  )
  const empty = story.text.trim() === ''
  return (
    <Group x={story.pos.x + dx} y={story.pos.y + dy} listening={false}>
      <Rect width={size.w} height={size.h} fill={story.colour} cornerRadius={4} stroke="rgba(0,0,0,0.14)" strokeWidth={1} perfectDrawEnabled={false} />
      {!hideText && !empty && (
        <Shape
          perfectDrawEnabled={false}
          sceneFunc={(ctx) => drawLayout(ctx._context, layout, STORY_PADDING, STORY_PADDING, STORY_TEXT.fontSize)}
        />
      )}
      {!hideText && empty && (
        <Text x={STORY_PADDING} y={STORY_PADDING} text="Empty story" fontSize={13} fontStyle="italic" fill="#6b7280" perfectDrawEnabled={false} />
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
