// The infinite canvas: a static layer that never listens (patterns and resting stories, culled to
// the viewport), a layer for what moves (my drag, others' drags, a resize), and an overlay for
// selection, presence and the marquee. Input is handled on the host element (pointerTools).
import { useEffect, useMemo, useRef, useState } from 'react'
import { Layer, Stage } from 'react-konva'
import type { BoardSession } from '../board/createSession.ts'
import { viewportBox } from '../geometry/camera.ts'
import { matchSet } from '../filter/matchSet.ts'
import { attachCsvDrop } from '../import/csvDrop.ts'
import { PatternBadges, badgeReserve } from '../patterns/PatternBadges.tsx'
import { patternsInView } from '../patterns/patternGeometry.ts'
import { remoteDrags, remotePatternDrags } from '../presence/peers.ts'
import { useStore } from '../store/useStore.ts'
import { attachPointerTools } from '../tools/pointerTools.ts'
import { StoryEditor } from '../editor/StoryEditor.tsx'
import { CyclesLayer } from '../cycles/CyclesLayer.tsx'
import { spotlightOf } from '../attention/attentionRules.ts'
import { useSession } from '../facilitation/useSession.ts'
import { TableAreas } from '../tables/TableAreas.tsx'
import { useAreas } from '../tables/useAreas.ts'
import { useRestrictedText, withRestrictedText } from '../ethics/useRestrictedText.ts'
import { createMeasure } from './measure.ts'
import { Overlay } from './Overlay.tsx'
import { PatternAreas, type PatternDraw } from './PatternAreas.tsx'
import { PatternOverlay } from './PatternOverlay.tsx'
import { StoryBlocks } from './StoryBlocks.tsx'
import { StoryNode } from './StoryNode.tsx'
import { TEXT_LOD_ZOOM } from './storyStyle.ts'
import { visibleIds } from './visible.ts'

const NO_IDS: readonly string[] = []

/** `interactive={false}`: a projector's view (presenter): no gestures, no editor, no vote controls. */
export function BoardCanvas({ session, interactive = true }: { session: BoardSession; interactive?: boolean }) {
  const hostRef = useRef<HTMLDivElement>(null)
  const [measure] = useState(createMeasure)
  const camera = useStore(session.ui, (s) => s.camera)
  const viewport = useStore(session.ui, (s) => s.viewport)
  const dragIds = useStore(session.ui, (s) => s.drag?.ids ?? NO_IDS)
  const drag = useStore(session.ui, (s) => s.drag)
  const resize = useStore(session.ui, (s) => s.resize)
  const editingId = useStore(session.ui, (s) => s.editingId)
  const cursorStyle = useStore(session.ui, (s) => (s.tool === 'hand' || s.spaceDown ? 'grab' : s.tool === 'pattern' ? 'crosshair' : 'default'))
  const filter = useStore(session.ui, (s) => s.filter)
  const patternDrag = useStore(session.ui, (s) => s.patternDrag)
  const patternResize = useStore(session.ui, (s) => s.patternResize)
  const votePhase = useStore(session.vote, (s) => s.docSession?.status ?? null)
  const stories = useStore(session.board, (s) => s.stories)
  const restrictedText = useRestrictedText(session)
  const rank = useStore(session.board, (s) => s.rank)
  const patterns = useStore(session.board, (s) => s.patterns)
  const peers = useStore(session.presence, (s) => s.peers)
  const cursorsHidden = useStore(session.ui, (s) => s.cursorsHidden)
  const spotlightId = useSession(session.doc).session?.spotlight ?? null
  const areas = useAreas(session.doc)

  useEffect(() => {
    const el = hostRef.current
    if (!el) return
    const ro = new ResizeObserver(() => session.ui.setState({ viewport: { w: el.clientWidth, h: el.clientHeight } }))
    ro.observe(el)
    const detach = interactive ? attachPointerTools(el, session) : () => undefined
    const detachDrop = interactive ? attachCsvDrop(el, session) : () => undefined
    return () => {
      ro.disconnect()
      detach()
      detachDrop()
    }
  }, [session, interactive])

  const others = useMemo(() => remoteDrags(peers), [peers])
  const moving = useMemo(() => {
    const ids = new Set<string>(dragIds)
    for (const id of others.keys()) ids.add(id)
    if (resize) ids.add(resize.id)
    return ids
  }, [dragIds, others, resize])

  const view = viewportBox(camera, viewport)
  // `stories` is in the deps on purpose: the index changes with it.
  const visible = useMemo(
    () => visibleIds(session.board.index, view, rank, moving),
    [session, view.x, view.y, view.w, view.h, rank, moving, stories],
  )
  const detailed = camera.zoom >= TEXT_LOD_ZOOM
  const visibleStories = visible.flatMap((id) => stories.get(id) ?? [])

  const filtered = useMemo(() => matchSet(stories.values(), filter), [stories, filter])
  // A spotlit pattern lights its own stories and dims everything else, over any filter.
  const spotlight = useMemo(() => spotlightOf(patterns, spotlightId), [patterns, spotlightId])
  const matched = spotlight ? spotlight.members : filtered
  const roles = useMemo(() => new Map(patterns.flatMap((p) => p.members.map((m) => [m.storyId, m.role] as const))), [patterns])
  const otherPatterns = useMemo(() => remotePatternDrags(peers), [peers])
  const [restingPatterns, movingPatterns] = useMemo(() => {
    const resting: PatternDraw[] = []
    const movingNow: PatternDraw[] = []
    for (const p of patterns) {
      const d = patternDrag?.id === p.id ? patternDrag : otherPatterns.get(p.id)
      const area = patternResize?.id === p.id ? patternResize.area : p.area
      if (d || patternResize?.id === p.id) movingNow.push({ pattern: p, area: d ? { ...area, x: area.x + d.dx, y: area.y + d.dy } : area })
    }
    const movingIds = new Set(movingNow.map((m) => m.pattern.id))
    for (const p of patternsInView(patterns, view)) if (!movingIds.has(p.id)) resting.push({ pattern: p, area: p.area })
    return [resting, movingNow]
  }, [patterns, patternDrag, patternResize, otherPatterns, view.x, view.y, view.w, view.h])
  const dimmedPatterns = useMemo(() => {
    if (spotlight) return new Set(patterns.filter((p) => p.id !== spotlight.patternId).map((p) => p.id))
    return matched ? new Set(patterns.filter((p) => !p.members.some((m) => matched.has(m.storyId))).map((p) => p.id)) : null
  }, [patterns, matched, spotlight])
  const shownPeers = useMemo(() => (cursorsHidden ? peers.map((p) => (p.pointer ? { ...p, pointer: null } : p)) : peers), [peers, cursorsHidden])
  const reserve = badgeReserve(votePhase, camera.zoom)
  const look = (id: string) => ({ dim: matched !== null && !matched.has(id), highlight: matched?.has(id) ?? false, role: roles.get(id) ?? null })

  return (
    <div
      ref={hostRef}
      className="canvas-host"
      tabIndex={0}
      role="application"
      aria-label="Board canvas. Press question mark for keyboard shortcuts; press O for the outline view."
      aria-roledescription="whiteboard"
      style={{ cursor: cursorStyle }}
      data-testid="board-canvas"
    >
      <Stage width={viewport.w} height={viewport.h} x={camera.x * camera.zoom} y={camera.y * camera.zoom} scaleX={camera.zoom} scaleY={camera.zoom} listening={false}>
        <Layer listening={false}>
          <TableAreas areas={areas} />
          <PatternAreas items={restingPatterns} showText={detailed} reserveRight={reserve} dimmed={dimmedPatterns} />
          {detailed ? (
            visibleStories.map((s) => <StoryNode key={s.id} story={withRestrictedText(s, restrictedText)} measure={measure} hideText={s.id === editingId} {...look(s.id)} />)
          ) : (
            <StoryBlocks stories={visibleStories} matched={matched} />
          )}
        </Layer>
        <CyclesLayer session={session} />
        <Layer listening={false}>
          <PatternAreas items={movingPatterns} showText={detailed} reserveRight={reserve} dimmed={dimmedPatterns} />
          {[...moving].map((id) => {
            const s = stories.get(id)
            if (!s) return null
            const d = drag && dragIds.includes(id) ? drag : others.get(id)
            const size = resize?.id === id ? resize : undefined
            return <StoryNode key={id} story={withRestrictedText(s, restrictedText)} measure={measure} dx={d?.dx ?? 0} dy={d?.dy ?? 0} hideText={id === editingId} {...look(id)} {...(size ? { size } : {})} />
          })}
        </Layer>
        <Layer listening={false}>
          <PatternOverlay session={session} />
          <Overlay session={session} peers={shownPeers} />
        </Layer>
      </Stage>
      {interactive && <PatternBadges session={session} items={[...restingPatterns, ...movingPatterns]} />}
      {interactive && editingId && stories.has(editingId) && <StoryEditor key={editingId} session={session} storyId={editingId} />}
    </div>
  )
}
