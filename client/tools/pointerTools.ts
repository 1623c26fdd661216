// Pointer, wheel and touch gestures on the canvas host element: select, drag (streamed through
// awareness, committed once on drop), marquee, resize, pan and zoom. Hit tests use our own spatial
// index, so the Konva layers never listen.
import { viewOnlyGesture } from '../access/viewOnlyGesture.ts'
import type { BoardSession } from '../board/createSession.ts'
import { dropStories } from '../board/patternActions.ts'
import { createStoryAt, resize, select, startEditing } from '../board/storyActions.ts'
import { panBy, screenToCanvas, wheelZoomFactor, zoomAt, type Vec } from '../geometry/camera.ts'
import { onResizeHandle, resizeTo, topmostAt } from '../geometry/hitTest.ts'
import { boxFromPoints, marqueeSelection, toggleInSelection } from '../geometry/marquee.ts'
import { endPatternGesture, movePatternGesture, patternHandleAt, patternTitleAt, renameAt, startPatternDraw, type PatternGesture } from './patternGestures.ts'

type Gesture =
  | { kind: 'pan'; last: Vec }
  | { kind: 'drag'; ids: readonly string[]; start: Vec; moved: boolean; hit: string; shift: boolean }
  | { kind: 'marquee'; start: Vec; additive: boolean; base: ReadonlySet<string> }
  | { kind: 'resize'; id: string }
  | { kind: 'pinch'; dist: number; mid: Vec }
  | { kind: 'pattern'; g: PatternGesture }

const DRAG_THRESHOLD_PX = 3

export function attachPointerTools(el: HTMLElement, s: BoardSession): () => void {
  let gesture: Gesture | null = null
  const touches = new Map<number, Vec>()
  let movingTimer: ReturnType<typeof setTimeout> | undefined

  const local = (e: { clientX: number; clientY: number }): Vec => {
    const r = el.getBoundingClientRect()
    return { x: e.clientX - r.left, y: e.clientY - r.top }
  }
  const toCanvas = (e: { clientX: number; clientY: number }) => screenToCanvas(s.ui.getState().camera, local(e))
  const rank = (id: string) => s.board.getState().rank.get(id) ?? -1
  const cameraMoved = () => {
    s.ui.setState({ moving: true })
    clearTimeout(movingTimer)
    movingTimer = setTimeout(() => s.ui.setState({ moving: false }), 150)
  }

  const pinchOf = (): { dist: number; mid: Vec } | null => {
    const [a, b] = [...touches.values()]
    if (!a || !b) return null
    return { dist: Math.hypot(a.x - b.x, a.y - b.y), mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } }
  }

  const onPointerDown = (e: PointerEvent) => {
    if (e.target instanceof Element && e.target.closest('[data-overlay]')) return
    el.focus({ preventScroll: true })
    const ui = s.ui.getState()
    if (e.pointerType === 'touch') {
      touches.set(e.pointerId, local(e))
      const pinch = pinchOf()
      if (pinch) {
        if (gesture?.kind === 'drag') endDrag(false)
        if (gesture?.kind === 'pattern') endPatternGesture(s, gesture.g, false)
        gesture = { kind: 'pinch', ...pinch }
        return
      }
    }
    el.setPointerCapture(e.pointerId)
    const p = toCanvas(e)
    if (e.button === 1 || ui.tool === 'hand' || ui.spaceDown) {
      gesture = { kind: 'pan', last: local(e) }
      return
    }
    if (e.button !== 0) return
    if (!s.access.getState().canEdit) {
      // View only: select, marquee or pan; never draw, move or resize.
      gesture = viewOnlyGesture(s, p, local(e), e, rank)
      return
    }
    const patternGesture = ui.tool === 'pattern' ? startPatternDraw(p) : patternHandleAt(s, p)
    if (patternGesture) {
      gesture = { kind: 'pattern', g: patternGesture }
      return
    }
    const single = ui.selection.size === 1 ? [...ui.selection][0] : undefined
    const singleBox = single ? s.board.index.get(single) : undefined
    if (single && singleBox && onResizeHandle(singleBox, p, ui.camera.zoom)) {
      gesture = { kind: 'resize', id: single }
      return
    }
    const hit = topmostAt(s.board.index, p, rank)
    if (ui.editingId && ui.editingId !== hit) startEditing(s, null)
    if (hit) {
      if (e.shiftKey) select(s, toggleInSelection(ui.selection, hit))
      else if (!ui.selection.has(hit)) select(s, [hit])
      const ids = [...s.ui.getState().selection]
      if (ids.includes(hit) && s.ui.getState().editingId !== hit) gesture = { kind: 'drag', ids, start: p, moved: false, hit, shift: e.shiftKey }
      return
    }
    const title = patternTitleAt(s, p)
    if (title) {
      gesture = { kind: 'pattern', g: title }
      return
    }
    if (e.pointerType === 'touch') {
      gesture = { kind: 'pan', last: local(e) }
      return
    }
    if (!e.shiftKey) select(s, [])
    gesture = { kind: 'marquee', start: p, additive: e.shiftKey, base: s.ui.getState().selection }
  }

  const onPointerMove = (e: PointerEvent) => {
    const p = toCanvas(e)
    // Hidden cursors (a big room): nobody draws pointers, so none is sent.
    if (!s.ui.getState().cursorsHidden) s.stream.pointer.push({ x: Math.round(p.x), y: Math.round(p.y) })
    if (e.pointerType === 'touch' && touches.has(e.pointerId)) touches.set(e.pointerId, local(e))
    if (!gesture) return
    const ui = s.ui.getState()
    switch (gesture.kind) {
      case 'pinch': {
        const next = pinchOf()
        if (!next || gesture.dist === 0) return
        let cam = zoomAt(ui.camera, ui.camera.zoom * (next.dist / gesture.dist), next.mid)
        cam = panBy(cam, next.mid.x - gesture.mid.x, next.mid.y - gesture.mid.y)
        s.ui.setState({ camera: cam })
        gesture = { kind: 'pinch', ...next }
        cameraMoved()
        return
      }
      case 'pan': {
        const at = local(e)
        s.ui.setState({ camera: panBy(ui.camera, at.x - gesture.last.x, at.y - gesture.last.y) })
        gesture = { kind: 'pan', last: at }
        cameraMoved()
        return
      }
      case 'drag': {
        const dx = p.x - gesture.start.x
        const dy = p.y - gesture.start.y
        if (!gesture.moved && Math.hypot(dx, dy) * ui.camera.zoom < DRAG_THRESHOLD_PX) return
        gesture.moved = true
        s.ui.setState({ drag: { ids: gesture.ids, dx, dy } })
        s.stream.drag.push({ ids: [...gesture.ids], dx: Math.round(dx), dy: Math.round(dy) })
        return
      }
      case 'marquee': {
        const box = boxFromPoints(gesture.start, p)
        s.ui.setState({ marquee: box })
        select(s, marqueeSelection(s.board.index, box, gesture.base, gesture.additive))
        return
      }
      case 'resize': {
        const box = s.board.index.get(gesture.id)
        if (box) s.ui.setState({ resize: { id: gesture.id, ...resizeTo(box, p) } })
        return
      }
      case 'pattern':
        return movePatternGesture(s, gesture.g, p)
    }
  }

  function endDrag(commit: boolean) {
    const drag = s.ui.getState().drag
    if (commit && drag) dropStories(s, drag.ids, drag.dx, drag.dy)
    s.ui.setState({ drag: null })
    s.stream.drag.cancel()
    s.setPresence('drag', null)
    gesture = null
  }

  const onPointerUp = (e: PointerEvent) => {
    touches.delete(e.pointerId)
    if (el.hasPointerCapture(e.pointerId)) el.releasePointerCapture(e.pointerId)
    if (!gesture) return
    switch (gesture.kind) {
      case 'drag': {
        // A click (no move) on one of several selected stories selects just that one.
        const { moved, hit, shift, ids } = gesture
        endDrag(e.type === 'pointerup')
        if (!moved && !shift && ids.length > 1) select(s, [hit])
        return
      }
      case 'resize': {
        const r = s.ui.getState().resize
        if (r && e.type === 'pointerup') resize(s, r.id, { w: r.w, h: r.h })
        s.ui.setState({ resize: null })
        break
      }
      case 'marquee':
        s.ui.setState({ marquee: null })
        break
      case 'pinch':
        if (touches.size > 0) return
        break
      case 'pan':
        break
      case 'pattern':
        endPatternGesture(s, gesture.g, e.type === 'pointerup')
        break
    }
    gesture = null
  }

  const onWheel = (e: WheelEvent) => {
    if (e.target instanceof Element && e.target.closest('[data-overlay]')) return
    e.preventDefault()
    const cam = s.ui.getState().camera
    const unit = e.deltaMode === 1 ? 16 : 1
    if (e.ctrlKey || e.metaKey) {
      s.ui.setState({ camera: zoomAt(cam, cam.zoom * wheelZoomFactor(e.deltaY * unit), local(e)) })
    } else {
      const dx = e.shiftKey && e.deltaX === 0 ? e.deltaY : e.deltaX
      const dy = e.shiftKey && e.deltaX === 0 ? 0 : e.deltaY
      s.ui.setState({ camera: panBy(cam, -dx * unit, -dy * unit) })
    }
    cameraMoved()
  }

  const onDoubleClick = (e: MouseEvent) => {
    if (e.target instanceof Element && e.target.closest('[data-overlay]')) return
    const p = toCanvas(e)
    const hit = topmostAt(s.board.index, p, rank)
    if (hit) startEditing(s, hit)
    else if (!renameAt(s, p)) createStoryAt(s, p)
  }

  const onLeave = () => {
    if (!s.ui.getState().cursorsHidden) s.stream.pointer.push(null)
  }

  el.addEventListener('pointerdown', onPointerDown)
  el.addEventListener('pointermove', onPointerMove)
  el.addEventListener('pointerup', onPointerUp)
  el.addEventListener('pointercancel', onPointerUp)
  el.addEventListener('pointerleave', onLeave)
  el.addEventListener('wheel', onWheel, { passive: false })
  el.addEventListener('dblclick', onDoubleClick)
  return () => {
    clearTimeout(movingTimer)
    el.removeEventListener('pointerdown', onPointerDown)
    el.removeEventListener('pointermove', onPointerMove)
    el.removeEventListener('pointerup', onPointerUp)
    el.removeEventListener('pointercancel', onPointerUp)
    el.removeEventListener('pointerleave', onLeave)
    el.removeEventListener('wheel', onWheel)
    el.removeEventListener('dblclick', onDoubleClick)
  }
}
