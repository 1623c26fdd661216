// The infinite canvas: a static layer that never listens (patterns and resting stories, culled to
// the viewport), a layer for what moves (my drag, others' drags, a resize), and an overlay for
// selection, presence and the marquee. Input is handled on the host element (pointerTools).
import { useEffect, useMemo, useRef, useState } from 'react'
import { Layer, Stage } from 'react-konva'
import type { BoardSession } from '../board/createSession.ts'
import { viewportBox } from '../geometry/camera.ts'
import { remoteDrags } from '../presence/peers.ts'
import { useStore } from '../store/useStore.ts'
import { attachPointerTools } from '../tools/pointerTools.ts'
import { StoryEditor } from '../editor/StoryEditor.tsx'
import { createMeasure } from './measure.ts'
import { Overlay } from './Overlay.tsx'
import { PatternAreas } from './PatternAreas.tsx'
import { StoryBlocks } from './StoryBlocks.tsx'
import { StoryNode } from './StoryNode.tsx'
import { TEXT_LOD_ZOOM } from './storyStyle.ts'
import { visibleIds } from './visible.ts'

const NO_IDS: readonly string[] = []

export function BoardCanvas({ session }: { session: BoardSession }) {
  const hostRef = useRef<HTMLDivElement>(null)
  const [measure] = useState(createMeasure)
  const camera = useStore(session.ui, (s) => s.camera)
  const viewport = useStore(session.ui, (s) => s.viewport)
  const dragIds = useStore(session.ui, (s) => s.drag?.ids ?? NO_IDS)
  const drag = useStore(session.ui, (s) => s.drag)
  const resize = useStore(session.ui, (s) => s.resize)
  const editingId = useStore(session.ui, (s) => s.editingId)
  const cursorStyle = useStore(session.ui, (s) => (s.tool === 'hand' || s.spaceDown ? 'grab' : 'default'))
  const stories = useStore(session.board, (s) => s.stories)
  const rank = useStore(session.board, (s) => s.rank)
  const patterns = useStore(session.board, (s) => s.patterns)
  const peers = useStore(session.presence, (s) => s.peers)

  useEffect(() => {
    const el = hostRef.current
    if (!el) return
    const ro = new ResizeObserver(() => session.ui.setState({ viewport: { w: el.clientWidth, h: el.clientHeight } }))
    ro.observe(el)
    const detach = attachPointerTools(el, session)
    return () => {
      ro.disconnect()
      detach()
    }
  }, [session])

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
          <PatternAreas patterns={patterns} showText={detailed} />
          {detailed ? (
            visibleStories.map((s) => <StoryNode key={s.id} story={s} measure={measure} hideText={s.id === editingId} />)
          ) : (
            <StoryBlocks stories={visibleStories} />
          )}
        </Layer>
        <Layer listening={false}>
          {[...moving].map((id) => {
            const s = stories.get(id)
            if (!s) return null
            const d = drag && dragIds.includes(id) ? drag : others.get(id)
            const size = resize?.id === id ? resize : undefined
            return <StoryNode key={id} story={s} measure={measure} dx={d?.dx ?? 0} dy={d?.dy ?? 0} hideText={id === editingId} {...(size ? { size } : {})} />
          })}
        </Layer>
        <Layer listening={false}>
          <Overlay session={session} peers={peers} />
        </Layer>
      </Stage>
      {editingId && stories.has(editingId) && <StoryEditor key={editingId} session={session} storyId={editingId} />}
    </div>
  )
}
