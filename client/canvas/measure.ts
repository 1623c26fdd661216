// Text measurement for canvas layout, cached by font and text. Browser-only (uses a canvas).
import type { Measure } from './textLayout.ts'

export function createMeasure(): Measure {
  const canvas = document.createElement('canvas')
  const ctx = canvas.getContext('2d')
  const cache = new Map<string, number>()
  let font = ''
  return (text, f) => {
    const key = f + '\u0000' + text
    const hit = cache.get(key)
    if (hit !== undefined) return hit
    if (!ctx) return text.length * 7
    if (font !== f) ctx.font = font = f
    const w = ctx.measureText(text).width
    if (cache.size > 50_000) cache.clear()
    cache.set(key, w)
    return w
  }
}
