// DOM controls laid over the pattern title bars on the canvas: vote buttons while a vote is open,
// the total after it closes, and the name input when a pattern is being named in place. They
// follow the camera like the story editor does; Konva draws the rest of the card.
import { useRef, useState } from 'react'
import type { Pattern } from '../../shared/model/pattern.ts'
import { renamePattern } from '../board/patternActions.ts'
import type { BoardSession } from '../board/createSession.ts'
import type { PatternDraw } from '../canvas/PatternAreas.tsx'
import { canvasToScreen } from '../geometry/camera.ts'
import { useStore } from '../store/useStore.ts'
import { VoteControls } from '../vote/VoteControls.tsx'
import { TITLE_H } from './patternGeometry.ts'
import './patterns.css'

/** Below this zoom the title bars are too small for controls; the panel and outline still have them. */
export const BADGE_MIN_ZOOM = 0.3

/** Canvas units the title text leaves free for the controls. */
export function badgeReserve(phase: 'open' | 'closed' | null, zoom: number): number {
  if (zoom < BADGE_MIN_ZOOM || !phase) return 0
  return (phase === 'open' ? 170 : 90) / zoom
}

export function PatternBadges({ session, items }: { session: BoardSession; items: readonly PatternDraw[] }) {
  const camera = useStore(session.ui, (s) => s.camera)
  const renaming = useStore(session.ui, (s) => s.renamingPattern)
  const phase = useStore(session.vote, (s) => s.docSession?.status ?? null)
  const showVotes = phase !== null && camera.zoom >= BADGE_MIN_ZOOM
  return (
    <>
      {items.map(({ pattern, area }) => {
        const left = canvasToScreen(camera, { x: area.x, y: area.y - TITLE_H })
        const h = TITLE_H * camera.zoom
        return (
          <div key={pattern.id}>
            {showVotes && (
              <div data-overlay className="pattern-badge" style={{ left: left.x + area.w * camera.zoom - 6, top: left.y + h / 2 }}>
                <VoteControls session={session} patternId={pattern.id} name={pattern.name} />
              </div>
            )}
            {renaming === pattern.id && <TitleInput session={session} pattern={pattern} style={{ left: left.x, top: left.y, width: area.w * camera.zoom, height: h }} />}
          </div>
        )
      })}
    </>
  )
}

type InputProps = { session: BoardSession; pattern: Pattern; style: { left: number; top: number; width: number; height: number } }

function TitleInput({ session, pattern, style }: InputProps) {
  const [draft, setDraft] = useState(pattern.name)
  const done = useRef(false)
  const finish = (save: boolean) => {
    if (done.current) return
    done.current = true
    if (save && draft.trim() !== pattern.name) renamePattern(session, pattern.id, draft)
    session.ui.setState({ renamingPattern: null })
    document.querySelector<HTMLElement>('[data-testid=board-canvas]')?.focus({ preventScroll: true })
  }
  return (
    <input
      data-overlay
      className="pattern-title-input"
      style={{ ...style, fontSize: Math.max(12, 16 * (style.height / TITLE_H)) }}
      autoFocus
      value={draft}
      maxLength={200}
      placeholder="Name this pattern"
      aria-label="Pattern name"
      data-testid="pattern-title-input"
      data-pattern-id={pattern.id}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => finish(true)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') finish(true)
        if (e.key === 'Escape') finish(false)
      }}
    />
  )
}
