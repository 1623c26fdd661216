// The connected cycles on the canvas, one Konva layer that never listens: the "Raised from below"
// cards left of the content, the peers' shared patterns right of it, and a status badge on each
// raised pattern. Pointer input on the
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
import { ReferenceCards } from './ReferenceCards.tsx'
import { layoutReferenceColumn } from './referenceLayout.ts'

type Columns = { conditions: CardColumn; references: CardColumn }
type Hit = { panel: 'condition' | 'reference'; id: string }

export function CyclesLayer({ session }: { session: BoardSession }) {
  const layerRef = useRef<Konva.Layer>(null)
  const conditions = useStore(session.cycles.data, (s) => s.conditions)
  const raised = useStore(session.cycles.data, (s) => s.raised)
  const references = useStore(session.cycles.data, (s) => s.references)
  const openId = useStore(session.cycles.ui, (s) => (s.panel === 'condition' ? s.conditionId : null))
  const openRef = useStore(session.cycles.ui, (s) => (s.panel === 'reference' ? s.referenceId : null))
  const stories = useStore(session.board, (s) => s.stories)
  const patterns = useStore(session.board, (s) => s.patterns)
  const measure = pageMeasure()
  const content = useMemo(
    () => (conditions.length || references.length ? contentBounds({ stories, patterns }) : null),
    [conditions.length, references.length, stories, patterns],
  )
  const column = useMemo(() => layoutColumn(conditions, content, measure), [conditions, content, measure])
  const refColumn = useMemo(() => layoutReferenceColumn(references, content, measure), [references, content, measure])
  const byId = useMemo(() => new Map(conditions.map((c) => [c.id, c])), [conditions])
  const refsById = useMemo(() => new Map(references.map((r) => [r.id, r])), [references])
  const hasCards = column.cards.length > 0 || refColumn.cards.length > 0
  const columnsRef = useRef<Columns>({ conditions: column, references: refColumn })
  useEffect(() => {
    columnsRef.current = { conditions: column, references: refColumn }
  }, [column, refColumn])

  useEffect(() => {
    const el = layerRef.current?.getStage()?.container()
    if (!el || !hasCards) return
    const hit = (e: MouseEvent): Hit | null => {
      const r = el.getBoundingClientRect()
      const p = screenToCanvas(session.ui.getState().camera, { x: e.clientX - r.left, y: e.clientY - r.top })
      const condition = cardAt(columnsRef.current.conditions, p)
      if (condition) return { panel: 'condition', id: condition }
      const reference = cardAt(columnsRef.current.references, p)
      return reference ? { panel: 'reference', id: reference } : null
    }
    // A click opens a card only when the press began on it (not a marquee ending there).
    let pressed: Hit | null = null
    const onDown = (e: PointerEvent) => {
      pressed = e.button === 0 ? hit(e) : null
      if (pressed) e.stopPropagation()
    }
    const swallow = (e: MouseEvent) => {
      if (hit(e)) e.stopPropagation()
    }
    const onClick = (e: MouseEvent) => {
      const card = hit(e)
      const open = card !== null && card.id === pressed?.id
      pressed = null
      if (!open) return
      e.stopPropagation()
      if (card.panel === 'condition') session.cycles.ui.setState({ panel: 'condition', conditionId: card.id })
      else session.cycles.ui.setState({ panel: 'reference', referenceId: card.id })
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

  // Nothing raised here, nothing raised from here, nothing shared: no layer (one canvas less).
  if (!hasCards && raised.size === 0) return null
  return (
    <Layer ref={layerRef} listening={false}>
      <RaisedBadges patterns={patterns} raised={raised} measure={measure} />
      <ConditionCards column={column} cards={byId} openId={openId} measure={measure} />
      <ReferenceCards column={refColumn} refs={refsById} openId={openRef} />
    </Layer>
  )
}
