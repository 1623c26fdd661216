// Draws a laid-out rich text onto a 2D canvas context. Browser drawing only; no state.
import type { TextLayout } from './textLayout.ts'

export const TEXT_COLOUR = '#1f2328'
export const LINK_COLOUR = '#0b57d0'

export function drawLayout(ctx: CanvasRenderingContext2D, layout: TextLayout, left: number, top: number, fontSize: number): void {
  ctx.textBaseline = 'alphabetic'
  const baseline = Math.round(fontSize * 1.05)
  let font = ''
  for (const line of layout.lines) {
    for (const p of line.pieces) {
      if (p.font !== font) ctx.font = font = p.font
      ctx.fillStyle = p.link ? LINK_COLOUR : TEXT_COLOUR
      const x = left + p.x
      const y = top + line.y + baseline
      ctx.fillText(p.text, x, y)
      if (p.link || p.strike) {
        const w = ctx.measureText(p.text).width
        ctx.fillRect(x, p.strike ? y - fontSize * 0.3 : y + 2, w, 1)
      }
    }
  }
}
