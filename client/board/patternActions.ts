// What a person can do to patterns, as functions of a session: make one from the selection or a
// drawn area, name it, judge it, move, resize, tidy or delete it, and move stories in and out of
// it on drop. Every change goes through shared/ops with the session's own origin.
import type { Confidence, MemberRole, Pattern } from '../../shared/model/pattern.ts'
import { createPattern, deletePattern, movePattern, resizePattern, setMembership, updatePattern } from '../../shared/ops/pattern.ts'
import { moveStories } from '../../shared/ops/story.ts'
import type { Result } from '../../shared/result.ts'
import { unionBoxes, type Box } from '../geometry/camera.ts'
import { intrudersOf, moveOutOf } from '../geometry/clearArea.ts'
import { centredIn, dropMembership } from '../patterns/patternGeometry.ts'
import { tidyLayout } from '../patterns/tidyLayout.ts'
import { boxOf } from '../store/boardStore.ts'
import type { BoardSession } from './createSession.ts'
import { moveBy, select } from './storyActions.ts'

const PAD = 32

const report = <T>(s: BoardSession, r: Result<T>): T | null => {
  if (r.ok) return r.value
  s.ui.setState({ notice: r.error.message })
  return null
}

const patternOf = (s: BoardSession, id: string): Pattern | undefined => s.board.getState().patterns.find((p) => p.id === id)

/** storyId → its pattern and role, read from the patterns' member lists. */
export function membersById(patterns: readonly Pattern[]): Map<string, { pattern: string; role: MemberRole }> {
  const out = new Map<string, { pattern: string; role: MemberRole }>()
  for (const p of patterns) for (const m of p.members) out.set(m.storyId, { pattern: p.id, role: m.role })
  return out
}

export function selectPattern(s: BoardSession, id: string | null): void {
  select(s, [])
  s.ui.setState({ selectedPattern: id })
}

function created(s: BoardSession, id: string | null, name: string): string | null {
  if (!id) return null
  selectPattern(s, id)
  // No name yet: name it in place on the canvas (no prompt dialog).
  if (!name) s.ui.setState({ renamingPattern: id })
  return id
}

/**
 * Where the stories that are not `members` but lie inside `area` go so that the area holds its
 * own stories only (clearArea.ts): outside it, onto no other story or other pattern's area.
 */
function clearingMoves(s: BoardSession, area: Box, members: ReadonlySet<string>, ownPattern: string | null): { id: string; pos: { x: number; y: number } }[] {
  const { stories, patterns } = s.board.getState()
  const all = [...stories.values()].map((st) => ({ id: st.id, box: boxOf(st) }))
  const intruders = intrudersOf(area, all, members)
  if (intruders.length === 0) return []
  const inside = new Set(intruders.map((i) => i.id))
  const areas = new Map(patterns.filter((p) => p.id !== ownPattern).map((p) => [p.id, p.area] as const))
  const home = membersById(patterns)
  const taken = [...all.filter((x) => !inside.has(x.id) && !members.has(x.id)).map((x) => x.box), ...areas.values()]
  return moveOutOf(area, intruders.map((i) => ({ ...i, home: areas.get(home.get(i.id)?.pattern ?? '') ?? null })), taken)
}

/**
 * A pattern around the selected stories (or an empty one in view), with them as members. Other
 * stories inside its area are moved out in the same step, so the area never shows a story its
 * label does not count.
 */
export function groupIntoPattern(s: BoardSession, name = ''): string | null {
  const { stories } = s.board.getState()
  const ids = [...s.ui.getState().selection].filter((id) => stories.has(id))
  const around = unionBoxes(ids.flatMap((id) => (stories.get(id) ? [boxOf(stories.get(id)!)] : [])))
  const { camera, viewport } = s.ui.getState()
  const area = around
    ? { x: Math.round(around.x - PAD), y: Math.round(around.y - PAD), w: Math.round(around.w + PAD * 2), h: Math.round(around.h + PAD * 2) }
    : { x: Math.round(-camera.x + viewport.w / camera.zoom / 4), y: Math.round(-camera.y + viewport.h / camera.zoom / 4), w: 480, h: 320 }
  const clear = clearingMoves(s, area, new Set(ids), null)
  const r = s.doc.transact(() => {
    const made = report(s, createPattern(s.doc, { name: name.trim().slice(0, 200), area, storyIds: ids }, s.origin))
    if (made && clear.length) report(s, moveStories(s.doc, { moves: clear }, s.origin))
    return made
  }, s.origin)
  return created(s, r?.id ?? null, name.trim())
}

/** A pattern drawn with the pattern tool; stories whose centre is inside it join it. */
export function createPatternInArea(s: BoardSession, area: Box): string | null {
  const storyIds = centredIn(area, [...s.board.index.query(area)].flatMap((id) => (s.board.index.get(id) ? [[id, s.board.index.get(id)!] as [string, Box]] : [])))
  const r = report(s, createPattern(s.doc, { name: '', area, storyIds }, s.origin))
  return created(s, r?.id ?? null, '')
}

export function renamePattern(s: BoardSession, id: string, name: string): void {
  report(s, updatePattern(s.doc, { id, name: name.trim().slice(0, 200) }, s.origin))
}

export function judgePattern(s: BoardSession, id: string, change: { confidence?: Confidence | null; confidenceReason?: string | null }): void {
  report(s, updatePattern(s.doc, { id, ...change }, s.origin))
}

/** Deleting a pattern keeps its stories. */
export function removePattern(s: BoardSession, id: string): void {
  if (report(s, deletePattern(s.doc, { id }, s.origin)) === null) return
  const ui = s.ui.getState()
  if (ui.selectedPattern === id) s.ui.setState({ selectedPattern: null })
  if (ui.editingDescription === id) s.ui.setState({ editingDescription: null })
}

export function setMemberRole(s: BoardSession, storyId: string, pattern: string, role: MemberRole): void {
  report(s, setMembership(s.doc, { storyId, pattern, role }, s.origin))
}

/** The end of a story drag: one transaction moves them and updates membership by where they landed. */
export function dropStories(s: BoardSession, ids: readonly string[], dx: number, dy: number): void {
  const { stories, patterns } = s.board.getState()
  const dropped = ids.flatMap((id) => {
    const story = stories.get(id)
    return story ? [{ id, box: { ...boxOf(story), x: story.pos.x + dx, y: story.pos.y + dy } }] : []
  })
  const changes = dropMembership(patterns, membersById(patterns), dropped)
  s.doc.transact(() => {
    moveBy(s, ids, dx, dy)
    for (const c of changes) report(s, setMembership(s.doc, c, s.origin))
  }, s.origin)
}

/** Moving a pattern moves its stories: one movePattern commit on drop. */
export function movePatternBy(s: BoardSession, id: string, dx: number, dy: number): void {
  const p = patternOf(s, id)
  if (!p || (dx === 0 && dy === 0)) return
  report(s, movePattern(s.doc, { id, to: { x: Math.round(p.area.x + dx), y: Math.round(p.area.y + dy) } }, s.origin))
}

export function resizePatternArea(s: BoardSession, id: string, area: Box): void {
  report(s, resizePattern(s.doc, { id, area }, s.origin))
}

/**
 * Arrange a pattern's stories in a grid and fit the area to them, in one transaction; stories of
 * others that the fitted area would cover are moved out (never under a tidied story).
 */
export function tidyPattern(s: BoardSession, id: string): void {
  const p = patternOf(s, id)
  const { stories } = s.board.getState()
  if (!p) return
  const members = p.members.flatMap((m) => {
    const story = stories.get(m.storyId)
    return story ? [{ id: story.id, role: m.role, pos: story.pos, size: story.size }] : []
  })
  const layout = tidyLayout(p.area, members)
  if (!layout) {
    s.ui.setState({ notice: 'This pattern has no stories to arrange yet.' })
    return
  }
  const clear = clearingMoves(s, layout.area, new Set(p.members.map((m) => m.storyId)), id)
  s.doc.transact(() => {
    report(s, moveStories(s.doc, { moves: [...layout.moves, ...clear] }, s.origin))
    report(s, resizePattern(s.doc, { id, area: layout.area }, s.origin))
  }, s.origin)
}
