// Spotlight and "bring everyone here" as values: which stories stay lit, where a view goes, and
// whether a summon is new enough to obey. Pure module: no DOM, no React, no Yjs.
import type { Pattern } from '../../shared/model/pattern.ts'
import { fitBox, type Camera } from '../geometry/camera.ts'
import { outerBoxOf } from '../patterns/patternGeometry.ts'
import { centreOn } from './viewMath.ts'

type Size = { w: number; h: number }

export type Spotlight = { patternId: string; members: ReadonlySet<string> }

/** The spotlit pattern and its member stories; null when nothing (or a deleted pattern) is spotlit. */
export function spotlightOf(patterns: readonly Pattern[], id: string | null): Spotlight | null {
  if (!id) return null
  const p = patterns.find((x) => x.id === id)
  return p ? { patternId: p.id, members: new Set(p.members.map((m) => m.storyId)) } : null
}

/** The camera that centres a pattern (title bar included) with a margin. */
export const cameraOnPattern = (p: Pattern, size: Size): Camera => fitBox(outerBoxOf(p.area), size, 64)

export type Summon = { x: number; y: number; zoom: number; at: string }

/** How old a summon may be and still move a view that only now sees it (a reconnect, a late join). */
export const SUMMON_MAX_AGE_MS = 60_000

/** Whether to obey `summon`: one this client has not obeyed yet, and recent (a newcomer is not moved by an old one). */
export function summonToObey(summon: Summon | null, obeyedAt: string | null, now: number, maxAgeMs = SUMMON_MAX_AGE_MS): Summon | null {
  if (!summon || summon.at === obeyedAt) return null
  const age = now - Date.parse(summon.at)
  return Number.isFinite(age) && age <= maxAgeMs ? summon : null
}

export const cameraForSummon = (s: Summon, size: Size): Camera => centreOn({ x: s.x, y: s.y }, s.zoom, size)
