// What a person can do to stories, as functions of a session. Every document change goes through
// a shared/ops function with the session's own origin, so undo sees it as this person's.
import { DEFAULT_STORY_SIZE } from '../../shared/model/geometry.ts'
import { setMembership } from '../../shared/ops/pattern.ts'
import {
  bringToFront,
  createStory,
  deleteStories,
  duplicateStories,
  moveStories,
  recolourStories,
  resizeStory,
  sendToBack,
  updateStoryFields,
} from '../../shared/ops/story.ts'
import type { Result } from '../../shared/result.ts'
import { screenToCanvas, showBox } from '../geometry/camera.ts'
import { centredAt, nextStoryPosition } from '../geometry/nextStory.ts'
import { outerBoxOf } from '../patterns/patternGeometry.ts'
import { boxOf } from '../store/boardStore.ts'
import { freePlace } from '../../shared/model/freePlace.ts'
import type { BoardSession } from './createSession.ts'
import { EMPTY_SELECTION } from './uiState.ts'
import { GATE_NOTICES } from '../facilitation/sessionRules.ts'

const report = <T>(s: BoardSession, r: Result<T>): T | null => {
  if (r.ok) return r.value
  s.ui.setState({ notice: r.error.message })
  return null
}

/**
 * Observers (and anyone whose access has ended) change nothing: `access.canEdit` is the one gate,
 * with the session's write guard under it. No action writes an `author`: on an anonymous board the
 * server refuses a whole update that carries one, and the mode can be switched on while people
 * are writing, so authorship waits until the server tells live clients of that switch.
 */
const mayEdit = (s: BoardSession): boolean => {
  const { canEdit, gate } = s.access.getState()
  if (canEdit) return true
  // During private writing a new story belongs in the drafts: send the person there.
  if (gate === 'private') s.ui.setState({ draftsFocus: s.ui.getState().draftsFocus + 1 })
  s.ui.setState({ notice: gate ? GATE_NOTICES[gate] : 'You can view this board but not change it.' })
  return false
}

const selected = (s: BoardSession): string[] => {
  const { stories } = s.board.getState()
  return [...s.ui.getState().selection].filter((id) => stories.has(id))
}

export function select(s: BoardSession, ids: Iterable<string>): void {
  const selection = new Set(ids)
  s.ui.setState({ selection: selection.size ? selection : EMPTY_SELECTION, selectedPattern: null })
  s.setPresence('selection', [...selection].slice(0, 200))
}

export function startEditing(s: BoardSession, id: string | null): void {
  if (id && !mayEdit(s)) return select(s, [id])
  // A restricted story's text is not in this document: its placeholder opens the panel instead.
  if (id && s.board.getState().stories.get(id)?.sensitivity === 'restricted') {
    select(s, [id])
    return s.ui.setState({ panelOpen: true })
  }
  s.ui.setState({ editingId: id, typeahead: '', ...(id ? { editingDescription: null } : {}) })
  s.setPresence('editing', id)
  if (id) select(s, [id])
  if (id) revealStory(s, id)
}

/** The camera follows a story being written off to the side (N, Tab), so the person sees it. */
function revealStory(s: BoardSession, id: string): void {
  const story = s.board.getState().stories.get(id)
  const { camera, viewport } = s.ui.getState()
  if (!story) return
  const next = showBox(camera, viewport, boxOf(story))
  if (next !== camera) s.ui.setState({ camera: next })
}

/** Create a story centred on a canvas point (or the viewport centre) and start typing in it. */
export function createStoryAt(s: BoardSession, at?: { x: number; y: number }, text?: string): string | null {
  if (!mayEdit(s)) return null
  const { camera, viewport, colour } = s.ui.getState()
  const centre = at ?? screenToCanvas(camera, { x: viewport.w / 2, y: viewport.h / 2 })
  const wanted = centredAt(centre, DEFAULT_STORY_SIZE)
  // Pointed at (a double-click): there. Otherwise (N, the toolbar): the centre of the view if it is
  // free, else the nearest free place, so stories made at once by two people do not stack. A
  // pattern (its title bar and area) is not free: a story there would hide the title or sit in
  // the area without being counted.
  const { stories, patterns } = s.board.getState()
  const taken = [...[...stories.values()].map(boxOf), ...patterns.map((p) => outerBoxOf(p.area))]
  const pos = at ? wanted : freePlace({ ...wanted, ...DEFAULT_STORY_SIZE }, taken)
  const input = { pos, colour, ...(text ? { text } : {}) }
  const created = report(s, createStory(s.doc, input, s.origin))
  if (!created) return null
  // The new story is its own undo step: undoing the first words typed into it keeps the story.
  s.undo.stopCapturing()
  startEditing(s, created.id)
  return created.id
}

/** Tab / Shift+Tab while writing: the next story beside the current one. */
export function createNextStory(s: BoardSession, direction: 'right' | 'left'): string | null {
  if (!mayEdit(s)) return null
  const current = s.board.getState().stories.get(s.ui.getState().editingId ?? [...s.ui.getState().selection][0] ?? '')
  if (!current) return createStoryAt(s)
  s.undo.stopCapturing()
  const pos = nextStoryPosition(boxOf(current), direction, s.board.index)
  const created = report(s, createStory(s.doc, { pos, size: current.size, colour: current.colour }, s.origin))
  if (!created) return null
  s.undo.stopCapturing()
  startEditing(s, created.id)
  return created.id
}

export function deleteSelection(s: BoardSession): void {
  const ids = selected(s)
  if (ids.length === 0 || !mayEdit(s)) return
  if (ids.includes(s.ui.getState().editingId ?? '')) startEditing(s, null)
  report(s, deleteStories(s.doc, { ids }, s.origin))
  select(s, [])
}

export function duplicateSelection(s: BoardSession): void {
  const ids = selected(s)
  if (ids.length === 0 || !mayEdit(s)) return
  const r = report(s, duplicateStories(s.doc, { ids, offset: { x: 24, y: 24 } }, s.origin))
  if (r) select(s, r.ids)
}

export function recolourSelection(s: BoardSession, colour: string): void {
  s.ui.setState({ colour })
  const ids = selected(s)
  if (ids.length && mayEdit(s)) report(s, recolourStories(s.doc, { ids, colour }, s.origin))
}

export function restackSelection(s: BoardSession, where: 'front' | 'back'): void {
  const ids = selected(s)
  if (ids.length && mayEdit(s)) report(s, (where === 'front' ? bringToFront : sendToBack)(s.doc, { ids }, s.origin))
}

/** One commit for a whole drag (or nudge): positions are one value per story. */
export function moveBy(s: BoardSession, ids: readonly string[], dx: number, dy: number): void {
  const { stories } = s.board.getState()
  const moves = ids.flatMap((id) => {
    const story = stories.get(id)
    return story ? [{ id, pos: { x: Math.round(story.pos.x + dx), y: Math.round(story.pos.y + dy) } }] : []
  })
  if (moves.length && (dx !== 0 || dy !== 0) && mayEdit(s)) report(s, moveStories(s.doc, { moves }, s.origin))
}

export function nudgeSelection(s: BoardSession, dx: number, dy: number): void {
  moveBy(s, selected(s), dx, dy)
}

export function resize(s: BoardSession, id: string, size: { w: number; h: number }): void {
  if (!mayEdit(s)) return
  report(s, resizeStory(s.doc, { id, size }, s.origin))
}

export function selectAll(s: BoardSession): void {
  select(s, s.board.getState().order)
}

export function updateFields(s: BoardSession, id: string, fields: Record<string, unknown>): boolean {
  if (!mayEdit(s)) return false
  return report(s, updateStoryFields(s.doc, { id, fields }, s.origin)) !== null
}

export function moveToPattern(s: BoardSession, storyId: string, pattern: string | null): void {
  if (!mayEdit(s)) return
  report(s, setMembership(s.doc, { storyId, pattern }, s.origin))
}

export function undo(s: BoardSession): void {
  s.undo.undo()
}

export function redo(s: BoardSession): void {
  s.undo.redo()
}

/**
 * Work the board refused, offered back (access/keptWork.ts): its words and fields as a new story
 * at the nearest free place to where it was, `working` or `confidential` as it was, never more.
 * The offer goes once the story is made; if the board will not take it yet (locked), it stays.
 */
export function addKeptStory(s: BoardSession, id: string): string | null {
  const offer = s.device.getState().offers.find((o) => o.id === id)
  if (!offer || !mayEdit(s)) return null
  const { text, pos, size, colour, sensitivity, tags, measures } = offer
  const optional = { experiment: offer.experiment, tellerRole: offer.tellerRole, date: offer.date, outcome: offer.outcome, consent: offer.consent }
  const fields = { tags, measures, sensitivity, ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)) }
  const place = freePlace({ ...pos, ...size }, [...s.board.getState().stories.values()].map(boxOf))
  const created = report(s, createStory(s.doc, { pos: place, size, colour, text, fields }, s.origin))
  if (!created) return null
  s.undo.stopCapturing()
  discardKept(s, [id])
  select(s, [created.id])
  return created.id
}

/** Lets offered work go (`ids`, or all of it); nothing is written to the board. */
export function discardKept(s: BoardSession, ids?: readonly string[]): void {
  const drop = ids ? new Set(ids) : null
  s.device.setState(({ offers }) => ({ offers: drop ? offers.filter((o) => !drop.has(o.id)) : [] }))
}
