// The interactive overlay: my selection and resize handle, what others select and write in, the
// marquee, and everyone's cursors. Sizes are divided by the zoom so they stay constant on screen.
import { Group, Path, Rect, Text } from 'react-konva'
import type { BoardSession } from '../board/createSession.ts'
import type { UiState } from '../board/uiState.ts'
import { HANDLE_PX } from '../geometry/hitTest.ts'
import type { Peer } from '../presence/peers.ts'
import { useStore } from '../store/useStore.ts'
import { SELECTION_COLOUR } from './storyStyle.ts'

const selectSelection = (s: UiState) => s.selection
const CURSOR_PATH = 'M0 0 L0 16 L4.5 12 L7.5 19 L10 18 L7 11 L13 11 Z'

export function Overlay({ session, peers }: { session: BoardSession; peers: readonly Peer[] }) {
  const zoom = useStore(session.ui, (s) => s.camera.zoom)
  const selection = useStore(session.ui, selectSelection)
  const drag = useStore(session.ui, (s) => s.drag)
  const resize = useStore(session.ui, (s) => s.resize)
  const marquee = useStore(session.ui, (s) => s.marquee)
  const stories = useStore(session.board, (s) => s.stories)
  const k = 1 / zoom
  const boxFor = (id: string, dx = 0, dy = 0) => {
    const s = stories.get(id)
    if (!s) return null
    const size = resize?.id === id ? resize : s.size
    return { x: s.pos.x + dx, y: s.pos.y + dy, w: size.w, h: size.h }
  }
  const single = selection.size === 1 ? [...selection][0] : undefined
  const handleBox = single ? boxFor(single, drag?.dx ?? 0, drag?.dy ?? 0) : null
  return (
    <>
      {peers.map((p) =>
        [...new Set([...p.selection, ...(p.editing ? [p.editing] : [])])].map((id) => {
          const b = boxFor(id, p.drag?.ids.includes(id) ? p.drag.dx : 0, p.drag?.ids.includes(id) ? p.drag.dy : 0)
          if (!b) return null
          const editing = p.editing === id
          return (
            <Group key={`${p.clientId}:${id}:${editing ? 'e' : 's'}`} listening={false}>
              <Rect x={b.x - 3 * k} y={b.y - 3 * k} width={b.w + 6 * k} height={b.h + 6 * k} stroke={p.colour} strokeWidth={(editing ? 2.5 : 1.5) * k} dash={editing ? undefined : [4 * k, 3 * k]} cornerRadius={5 * k} perfectDrawEnabled={false} />
              {editing && <Text x={b.x} y={b.y - 20 * k} fontSize={12 * k} text={`${p.name} is writing`} fill={p.colour} fontStyle="bold" />}
            </Group>
          )
        }),
      )}
      {[...selection].map((id) => {
        const b = boxFor(id, drag?.dx ?? 0, drag?.dy ?? 0)
        return b ? <Rect key={id} x={b.x - 2 * k} y={b.y - 2 * k} width={b.w + 4 * k} height={b.h + 4 * k} stroke={SELECTION_COLOUR} strokeWidth={2 * k} cornerRadius={5 * k} listening={false} perfectDrawEnabled={false} /> : null
      })}
      {handleBox && (
        <Rect x={handleBox.x + handleBox.w - (HANDLE_PX - 4) * k} y={handleBox.y + handleBox.h - (HANDLE_PX - 4) * k} width={(HANDLE_PX - 2) * k} height={(HANDLE_PX - 2) * k} fill="#fff" stroke={SELECTION_COLOUR} strokeWidth={1.5 * k} listening={false} />
      )}
      {marquee && <Rect {...{ x: marquee.x, y: marquee.y, width: marquee.w, height: marquee.h }} fill="rgba(29,99,237,0.08)" stroke={SELECTION_COLOUR} strokeWidth={k} listening={false} />}
      {peers.map((p) =>
        p.pointer ? (
          <Group key={p.clientId} x={p.pointer.x} y={p.pointer.y} scaleX={k} scaleY={k} listening={false}>
            <Path data={CURSOR_PATH} fill={p.colour} stroke="#fff" strokeWidth={1} />
            <Rect x={12} y={18} height={20} width={p.name.length * 7 + 12} fill={p.colour} cornerRadius={4} />
            <Text x={18} y={22} text={p.name} fontSize={12} fill="#fff" />
          </Group>
        ) : null,
      )}
    </>
  )
}
