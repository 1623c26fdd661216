// The projector's screen: the canvas without tools or chrome, following the facilitator (or, when
// nobody leads, the whole board fitted), with the phase and timer in large type. Read only.
import { useEffect } from 'react'
import { AccessEndedNotice } from '../access/AccessEndedNotice.tsx'
import { FollowPill } from '../attention/FollowPill.tsx'
import { useAttention } from '../attention/useAttention.ts'
import type { BoardSession } from '../board/createSession.ts'
import { BoardCanvas } from '../canvas/BoardCanvas.tsx'
import { useServerOffset } from '../facilitation/useServerOffset.ts'
import { useSession } from '../facilitation/useSession.ts'
import { useStore } from '../store/useStore.ts'
import { runCommand } from '../tools/runCommand.ts'
import { PresenterClock } from './PresenterClock.tsx'
import './presenter.css'

export function PresenterScreen({ session, fallbackTitle }: { session: BoardSession; fallbackTitle: string }) {
  const attention = useAttention(session, true)
  const { session: state } = useSession(session.doc)
  const offset = useServerOffset(session.boardId)
  const title = useStore(session.board, (b) => b.meta?.title) ?? fallbackTitle
  const following = useStore(session.connection, (c) => c.synced) && state?.follow != null
  const hasViewport = useStore(session.ui, (u) => u.viewport.w > 0)
  const storyCount = useStore(session.board, (b) => b.stories.size + b.patterns.length)
  const ended = useStore(session.access, (a) => a.endedBy !== null)

  useEffect(() => {
    document.title = ended ? 'Learning Wall' : `${title} · presenting · Learning Wall`
  }, [title, ended])

  // Nobody leads: show the whole board, and keep it fitted as the room adds to it.
  useEffect(() => {
    if (!following && hasViewport) runCommand(session, 'zoomFit')
  }, [session, following, hasViewport, storyCount])

  // Access ended: the board leaves the projector too, and its offline copy the device.
  if (ended) return <AccessEndedNotice session={session} />
  return (
    <div className="presenter" data-testid="presenter">
      <PresenterClock session={state} title={title} offset={offset} />
      <main className="presenter-canvas" aria-label={`${title}, presented`}>
        <BoardCanvas session={session} interactive={false} />
        {attention && <FollowPill session={session} attention={attention} />}
      </main>
    </div>
  )
}
