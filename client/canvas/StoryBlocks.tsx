// Level of detail: far out, every visible story is a coloured block with grey bars for its text,
// all drawn by one Konva shape (one draw call instead of thousands of nodes).
import { Shape } from 'react-konva'
import type { StoryView } from '../store/boardStore.ts'

/** `matched`: the filter's matches (others are faded), or null when no filter is set. */
export function StoryBlocks({ stories, matched = null }: { stories: readonly StoryView[]; matched?: ReadonlySet<string> | null }) {
  return (
    <Shape
      listening={false}
      perfectDrawEnabled={false}
      sceneFunc={(konvaCtx) => {
        const ctx = konvaCtx._context
        for (const s of stories) {
          ctx.globalAlpha = matched && !matched.has(s.id) ? 0.22 : 1
          ctx.fillStyle = s.colour
          ctx.fillRect(s.pos.x, s.pos.y, s.size.w, s.size.h)
          ctx.fillStyle = 'rgba(0,0,0,0.18)'
          const lines = Math.min(4, Math.ceil(s.text.length / 30))
          for (let i = 0; i < lines; i++) {
            ctx.fillRect(s.pos.x + 12, s.pos.y + 14 + i * 22, (s.size.w - 24) * (i === lines - 1 ? 0.6 : 1), 10)
          }
        }
        ctx.globalAlpha = 1
      }}
    />
  )
}
