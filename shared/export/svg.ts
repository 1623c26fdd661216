// The board, a selection or one pattern as SVG, drawn from the export: patterns as named areas,
// stories as cards with their text (restricted ones as blank placeholders). Text is wrapped by an
// estimate of glyph width, since there is no font metrics here. Pure module.
import { z } from 'zod'
import { PatternId } from '../model/pattern.ts'
import { StoryId } from '../model/story.ts'
import type { BoardExport, ExportStory } from './format.ts'

export const PictureScope = z.union([
  z.object({ kind: z.literal('board') }),
  z.object({ kind: z.literal('pattern'), patternId: PatternId }),
  z.object({ kind: z.literal('stories'), storyIds: z.array(StoryId).min(1).max(10_000) }),
])
export type PictureScope = z.infer<typeof PictureScope>

export type Picture = { svg: string; width: number; height: number; stories: number; patterns: number }

const PAD = 40
const FONT = 14
const LINE = 18
const CHAR = FONT * 0.56
const MAX_SIDE = 16_000

export const xml = (s: string): string =>
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in XML 1.0
  s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export function wrap(text: string, width: number): string[] {
  const max = Math.max(4, Math.floor(width / CHAR))
  const lines: string[] = []
  for (const para of text.split('\n')) {
    let line = ''
    for (const word of para.split(/\s+/).filter(Boolean)) {
      let w = word
      while (w.length > max) {
        if (line) lines.push(line)
        lines.push(w.slice(0, max))
        w = w.slice(max)
        line = ''
      }
      if (!line) line = w
      else if (line.length + 1 + w.length <= max) line += ` ${w}`
      else {
        lines.push(line)
        line = w
      }
    }
    lines.push(line)
  }
  return lines
}

/** What a scope contains; null when the pattern is not on the board or no story matched. */
export function selectScope(data: BoardExport, scope: PictureScope): { stories: ExportStory[]; patterns: BoardExport['patterns'] } | null {
  if (scope.kind === 'board') return { stories: data.stories, patterns: data.patterns }
  if (scope.kind === 'pattern') {
    const p = data.patterns.find((x) => x.id === scope.patternId)
    if (!p) return null
    const ids = new Set(p.members.map((m) => m.storyId))
    return { stories: data.stories.filter((s) => ids.has(s.id)), patterns: [p] }
  }
  const ids = new Set(scope.storyIds)
  const stories = data.stories.filter((s) => ids.has(s.id))
  if (!stories.length) return null
  const patterns = data.patterns.filter((p) => p.members.some((m) => ids.has(m.storyId)))
  return { stories, patterns }
}

export function renderSvg(data: BoardExport, scope: PictureScope): Picture | null {
  const chosen = selectScope(data, scope)
  if (!chosen) return null
  const rects = [
    ...chosen.stories.map((s) => ({ x: s.pos.x, y: s.pos.y, w: s.size.w, h: s.size.h })),
    ...chosen.patterns.map((p) => p.area),
  ]
  if (!rects.length) rects.push({ x: 0, y: 0, w: 400, h: 200 })
  const minX = Math.min(...rects.map((r) => r.x)) - PAD
  const minY = Math.min(...rects.map((r) => r.y)) - PAD - 24
  const maxX = Math.max(...rects.map((r) => r.x + r.w)) + PAD
  const maxY = Math.max(...rects.map((r) => r.y + r.h)) + PAD
  const width = Math.min(MAX_SIDE, Math.ceil(maxX - minX))
  const height = Math.min(MAX_SIDE, Math.ceil(maxY - minY))
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${minX} ${minY} ${width} ${height}" font-family="DejaVu Sans, Arial, Helvetica, sans-serif">`,
    `<title>${xml(data.board.title)}</title>`,
    `<rect x="${minX}" y="${minY}" width="${width}" height="${height}" fill="#f7f7f5"/>`,
  ]
  for (const p of [...chosen.patterns].sort((a, b) => (a.z < b.z ? -1 : 1))) {
    const a = p.area
    out.push(
      `<g class="pattern" data-id="${xml(p.id)}">`,
      `<rect x="${a.x}" y="${a.y}" width="${a.w}" height="${a.h}" rx="12" fill="#e8f0fe" fill-opacity="0.7" stroke="#3b63c4" stroke-width="2"/>`,
      `<text x="${a.x + 12}" y="${a.y - 8}" font-size="18" font-weight="bold" fill="#1d3a8a">${xml(p.name || 'Untitled pattern')} (${p.members.length})</text>`,
      `</g>`,
    )
  }
  for (const s of [...chosen.stories].sort((a, b) => (a.z < b.z ? -1 : a.z > b.z ? 1 : a.id < b.id ? -1 : 1))) {
    const { x, y } = s.pos
    const { w, h } = s.size
    const fill = s.withheld ? '#d9d9d9' : s.colour
    out.push(`<g class="story" data-id="${xml(s.id)}">`, `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="6" fill="${fill}" stroke="#8a8a8a"/>`)
    const text = s.withheld ? 'Restricted story (not exported)' : s.text
    const lines = wrap(text, w - 20)
    const fits = Math.max(1, Math.floor((h - 20) / LINE))
    const shown = lines.length > fits ? [...lines.slice(0, fits - 1), `${lines[fits - 1] ?? ''}…`] : lines
    shown.forEach((line, i) => {
      out.push(`<text x="${x + 10}" y="${y + 10 + FONT + i * LINE}" font-size="${FONT}" fill="#1a1a1a"${s.withheld ? ' font-style="italic"' : ''}>${xml(line)}</text>`)
    })
    const meta = [s.tellerRole, s.outcome].filter(Boolean).join(' · ')
    if (meta && h > 60) out.push(`<text x="${x + 10}" y="${y + h - 8}" font-size="11" fill="#555">${xml(meta)}</text>`)
    out.push('</g>')
  }
  out.push('</svg>')
  return { svg: out.join('\n'), width, height, stories: chosen.stories.length, patterns: chosen.patterns.length }
}
