// The connected cycles on the canvas, one Konva layer that never listens: the "Raised from below"
// cards left of the content and a status badge on each raised pattern. Pointer input on the
// cards is taken before the board's own tools (capture phase on the stage container), and only
// where a card is; everywhere else the canvas behaves as before.
import type Konva from 'konva'
import { useEffect, useMemo, useRef } from 'react'
import { Layer } from 'react-konva'
import type { BoardSession } from '../board/createSession.ts'
import { screenToCanvas } from '../geometry/camera.ts'
import { useStore } from '../store/useStore.ts'
import { cardAt, layoutColumn, type CardColumn } from './cardLayout.ts'
import { contentBounds, pageMeasure } from './columnFor.ts'
import { ConditionCards } from './ConditionCards.tsx'
import { RaisedBadges } from './RaisedBadges.tsx'

export function CyclesLayer({ session }: { session: BoardSession }) {
  const layerRef = useRef<Konva.Layer>(null)
  const conditions = useStore(session.cycles.data, (s) => s.conditions)
  const raised = useStore(session.cycles.data, (s) => s.raised)
  const openId = useStore(session.cycles.ui, (s) => (s.panel === 'condition' ? s.conditionId : null))
  const stories = useStore(session.board, (s) => s.stories)
  const patterns = useStore(session.board, (s) => s.patterns)
  const measure = pageMeasure()
  const column = useMemo(() => layoutColumn(conditions, conditions.length ? contentBounds({ stories, patterns }) : null, measure), [conditions, stories, patterns, measure])
  const byId = useMemo(() => new Map(conditions.map((c) => [c.id, c])), [conditions])
  const hasCards = column.cards.length > 0
  const columnRef = useRef<CardColumn>(column)
  useEffect(() => {
    columnRef.current = column
  }, [column])

  useEffect(() => {
    const el = layerRef.current?.getStage()?.container()
    if (!el || !hasCards) return
    const hit = (e: MouseEvent) => {
      const r = el.getBoundingClientRect()
      return cardAt(columnRef.current, screenToCanvas(session.ui.getState().camera, { x: e.clientX - r.left, y: e.clientY - r.top }))
    }
    // A click opens a card only when the press began on it (not a marquee ending there).
    let pressed: string | null = null
    const onDown = (e: PointerEvent) => {
      pressed = e.button === 0 ? hit(e) : null
      if (pressed) e.stopPropagation()
    }
    const swallow = (e: MouseEvent) => {
      if (hit(e)) e.stopPropagation()
    }
    const onClick = (e: MouseEvent) => {
      const id = hit(e)
      const open = id !== null && id === pressed
      pressed = null
      if (!open) return
      e.stopPropagation()
      session.cycles.ui.setState({ panel: 'condition', conditionId: id })
    }
    const onMove = (e: PointerEvent) => {
      el.style.cursor = hit(e) ? 'pointer' : ''
    }
    el.addEventListener('pointerdown', onDown, true)
    el.addEventListener('dblclick', swallow, true)
    el.addEventListener('click', onClick, true)
    el.addEventListener('pointermove', onMove)
    return () => {
      el.removeEventListener('pointerdown', onDown, true)
      el.removeEventListener('dblclick', swallow, true)
      el.removeEventListener('click', onClick, true)
      el.removeEventListener('pointermove', onMove)
      el.style.cursor = ''
    }
  }, [session, hasCards])

  // Nothing raised here and nothing raised from here: no layer (one canvas less to draw).
  if (!hasCards && raised.size === 0) return null
  return (
    <Layer ref={layerRef} listening={false}>
      <RaisedBadges patterns={patterns} raised={raised} measure={measure} />
      <ConditionCards column={column} cards={byId} openId={openId} measure={measure} />
    </Layer>
  )
}
