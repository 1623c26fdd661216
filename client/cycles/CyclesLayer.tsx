// The connected cycles on the canvas, one Konva layer that never listens: the "Raised from below"
// cards left of the content, the peers' shared patterns right of it, and a status badge on each
// raised pattern. Pointer input on the
// cards is taken before the board's own tools (capture phase on the stage container), and only
// where a card is; everywhere else the canvas behaves as before.
import type Konva from 'konva'
import { useEffect, useMemo, useRef, useState } from 'react'
import { Layer } from 'react-konva'
import type { BoardSession } from '../board/createSession.ts'
import { screenToCanvas } from '../geometry/camera.ts'
import { useStore } from '../store/useStore.ts'
import { dropCard } from './cardActions.ts'
import { cardAt, cardUnder, layoutCards, type CardBox, type CardColumn } from './cardLayout.ts'
import { contentBounds, pageMeasure } from './columnFor.ts'
import { ConditionCards } from './ConditionCards.tsx'
import { RaisedBadges } from './RaisedBadges.tsx'
import { ReferenceCards } from './ReferenceCards.tsx'
import { layoutReferenceColumn } from './referenceLayout.ts'

type Columns = { conditions: CardColumn; placed: readonly CardBox[]; references: CardColumn }
type Hit = { panel: 'condition' | 'reference'; id: string; box?: CardBox }
/** A condition card being dragged: where the press began and how far it moved (canvas units). */
type Drag = { id: string; dx: number; dy: number }
const DRAG_START = 4

export function CyclesLayer({ session }: { session: BoardSession }) {
  const layerRef = useRef<Konva.Layer>(null)
  const conditions = useStore(session.cycles.data, (s) => s.conditions)
  const raised = useStore(session.cycles.data, (s) => s.raised)
  const references = useStore(session.cycles.data, (s) => s.references)
  const placements = useStore(session.cycles.data, (s) => s.placements)
  const canEdit = useStore(session.access, (s) => s.canEdit)
  const [drag, setDrag] = useState<Drag | null>(null)
  const openId = useStore(session.cycles.ui, (s) => (s.panel === 'condition' ? s.conditionId : null))
  const openRef = useStore(session.cycles.ui, (s) => (s.panel === 'reference' ? s.referenceId : null))
  const stories = useStore(session.board, (s) => s.stories)
  const patterns = useStore(session.board, (s) => s.patterns)
  const measure = pageMeasure()
  const content = useMemo(
    () => (conditions.length || references.length ? contentBounds({ stories, patterns }) : null),
    [conditions.length, references.length, stories, patterns],
  )
  const { column, placed } = useMemo(() => layoutCards(conditions, placements, content, measure), [conditions, placements, content, measure])
  const refColumn = useMemo(() => layoutReferenceColumn(references, content, measure), [references, content, measure])
  const byId = useMemo(() => new Map(conditions.map((c) => [c.id, c])), [conditions])
  const refsById = useMemo(() => new Map(references.map((r) => [r.id, r])), [references])
  const hasCards = column.cards.length > 0 || placed.length > 0 || refColumn.cards.length > 0
  const columnsRef = useRef<Columns>({ conditions: column, placed, references: refColumn })
  useEffect(() => {
    columnsRef.current = { conditions: column, placed, references: refColumn }
  }, [column, placed, refColumn])
  const canEditRef = useRef(canEdit)
  useEffect(() => {
    canEditRef.current = canEdit
  }, [canEdit])

  useEffect(() => {
    const el = layerRef.current?.getStage()?.container()
    if (!el || !hasCards) return
    const at = (e: MouseEvent) => {
      const r = el.getBoundingClientRect()
      return screenToCanvas(session.ui.getState().camera, { x: e.clientX - r.left, y: e.clientY - r.top })
    }
    const hit = (e: MouseEvent): Hit | null => {
      const p = at(e)
      const condition = cardUnder(columnsRef.current.conditions, columnsRef.current.placed, p)
      if (condition) return { panel: 'condition', id: condition.id, box: condition }
      const reference = cardAt(columnsRef.current.references, p)
      return reference ? { panel: 'reference', id: reference } : null
    }
    // A click opens a card only when the press began on it (not a marquee ending there). A press
    // on a condition card that moves drags it, for people who may edit: dropped into a pattern it
    // becomes that pattern's evidence, as a story would.
    let pressed: Hit | null = null
    let start: { x: number; y: number } | null = null
    let moved = false
    const onDown = (e: PointerEvent) => {
      pressed = e.button === 0 ? hit(e) : null
      start = pressed?.panel === 'condition' && canEditRef.current ? at(e) : null
      moved = false
      if (pressed) e.stopPropagation()
    }
    const onDrag = (e: PointerEvent) => {
      if (!start || !pressed) return
      const p = at(e)
      const [dx, dy] = [p.x - start.x, p.y - start.y]
      if (!moved && Math.hypot(dx, dy) * session.ui.getState().camera.zoom < DRAG_START) return
      moved = true
      e.stopPropagation()
      setDrag({ id: pressed.id, dx, dy })
    }
    const onUp = (e: PointerEvent) => {
      if (!start || !pressed?.box) return
      const box = pressed.box
      const p = at(e)
      if (moved) dropCard(session, box.id, { x: Math.round(box.x + p.x - start.x), y: Math.round(box.y + p.y - start.y) }, box.h)
      start = null
      setDrag(null)
    }
    const swallow = (e: MouseEvent) => {
      if (hit(e)) e.stopPropagation()
    }
    const onClick = (e: MouseEvent) => {
      const card = hit(e)
      if (moved) {
        moved = false
        pressed = null
        e.stopPropagation()
        return
      }
      const open = card !== null && card.id === pressed?.id
      pressed = null
      if (!open) return
      e.stopPropagation()
      if (card.panel === 'condition') session.cycles.ui.setState({ panel: 'condition', conditionId: card.id })
      else session.cycles.ui.setState({ panel: 'reference', referenceId: card.id })
    }
    const onMove = (e: PointerEvent) => {
      el.style.cursor = start ? 'grabbing' : hit(e) ? 'pointer' : ''
    }
    el.addEventListener('pointerdown', onDown, true)
    window.addEventListener('pointermove', onDrag, true)
    window.addEventListener('pointerup', onUp, true)
    el.addEventListener('dblclick', swallow, true)
    el.addEventListener('click', onClick, true)
    el.addEventListener('pointermove', onMove)
    return () => {
      el.removeEventListener('pointerdown', onDown, true)
      window.removeEventListener('pointermove', onDrag, true)
      window.removeEventListener('pointerup', onUp, true)
      el.removeEventListener('dblclick', swallow, true)
      el.removeEventListener('click', onClick, true)
      el.removeEventListener('pointermove', onMove)
      el.style.cursor = ''
    }
  }, [session, hasCards])

  // Nothing raised here, nothing raised from here, nothing shared: no layer (one canvas less).
  if (!hasCards && raised.size === 0) return null
  return (
    <Layer ref={layerRef} listening={false}>
      <RaisedBadges patterns={patterns} raised={raised} measure={measure} />
      <ConditionCards column={column} placed={placed} drag={drag} cards={byId} openId={openId} measure={measure} />
      <ReferenceCards column={refColumn} refs={refsById} openId={openRef} />
    </Layer>
  )
}
