// The board screen: header (title, people, connection), tools, the canvas or the outline view,
// the story panel and the help popover.
import { EmptyBoardHint } from './EmptyBoardHint.tsx'
import { useEffect } from 'react'
import { AccessBadges } from '../access/AccessBadges.tsx'
import { AccessEndedNotice } from '../access/AccessEndedNotice.tsx'
import { KeptWork } from '../access/KeptWork.tsx'
import { AttentionControls } from '../attention/AttentionControls.tsx'
import { FollowPill } from '../attention/FollowPill.tsx'
import { useAttention } from '../attention/useAttention.ts'
import { ReadOnlyScope } from '../access/ReadOnlyScope.tsx'
import { ViewToolbar } from '../access/ViewToolbar.tsx'
import { BoardCanvas } from '../canvas/BoardCanvas.tsx'
import { AvatarBar } from '../chrome/AvatarBar.tsx'
import { BoardBar } from '../chrome/BoardBar.tsx'
import { ConnectionBadge } from '../chrome/ConnectionBadge.tsx'
import { CyclesHeader } from '../cycles/CyclesHeader.tsx'
import { ExportMenu } from '../export/ExportMenu.tsx'
import { CyclesPanels } from '../cycles/CyclesPanels.tsx'
import { LockMarks } from '../facilitation/LockMarks.tsx'
import { PrivateDrafts } from '../facilitation/PrivateDrafts.tsx'
import { SessionBar } from '../facilitation/SessionBar.tsx'
import { HelpPopover } from '../chrome/HelpPopover.tsx'
import { Notice } from '../chrome/Notice.tsx'
import { Toolbar } from '../chrome/Toolbar.tsx'
import { ZoomControls } from '../chrome/ZoomControls.tsx'
import { OutlineView } from '../outline/OutlineView.tsx'
import { PatternPanel } from '../patterns/PatternPanel.tsx'
import { StoryPanel } from '../panel/StoryPanel.tsx'
import { PresentLink } from '../presenter/PresentLink.tsx'
import { PeopleAndSettings } from '../settings/PeopleAndSettings.tsx'
import { HarvestToggle } from '../tables/HarvestToggle.tsx'
import { HarvestView } from '../tables/HarvestView.tsx'
import { useStore } from '../store/useStore.ts'
import { attachClipboard } from '../tools/clipboard.ts'
import { attachKeyboard } from '../tools/keyboard.ts'
import type { BoardSession } from './createSession.ts'

type Props = { session: BoardSession; fallbackTitle: string; navigate: (path: string) => void }

/** Past the header's controls: to the canvas (its keys work at once), or the outline's start. */
function skipToBoard(): void {
  const body = document.getElementById('board-content')
  const canvas = body?.querySelector<HTMLElement>('[data-testid=board-canvas]')
  ;(canvas ?? body)?.focus()
}

export function BoardScreen({ session, fallbackTitle, navigate }: Props) {
  const meta = useStore(session.board, (s) => s.meta)
  const view = useStore(session.ui, (s) => s.view)
  const panelOpen = useStore(session.ui, (s) => s.panelOpen)
  const canEdit = useStore(session.access, (a) => a.canEdit)
  const ended = useStore(session.access, (a) => a.endedBy !== null)
  const title = meta?.title ?? fallbackTitle
  const attention = useAttention(session)

  useEffect(() => {
    const offKeys = attachKeyboard(session)
    const offClipboard = attachClipboard(session)
    return () => {
      offKeys()
      offClipboard()
    }
  }, [session])

  useEffect(() => {
    document.title = ended ? 'Learning Wall' : `${title} · Learning Wall`
  }, [title, ended])

  // Access ended: nothing of the board stays on the page (a shared phone is handed on).
  if (ended) return <AccessEndedNotice session={session} />
  return (
    <div className="board-screen">
      <a className="skip-link" href="#board-content" onClick={(e) => (e.preventDefault(), skipToBoard())} data-testid="skip-link">
        Skip to the board
      </a>
      <header className="board-header">
        <a className="back" href="/" onClick={(e) => (e.preventDefault(), navigate('/'))} aria-label="Back to your boards">
          ←
        </a>
        <h1 className="board-title" data-testid="board-title">
          {title}
        </h1>
        <CyclesHeader session={session} />
        <AccessBadges session={session} />
        <div className="view-switch" role="group" aria-label="View">
          <button type="button" aria-pressed={view === 'canvas'} onClick={() => session.ui.setState({ view: 'canvas' })}>
            Canvas
          </button>
          <button type="button" aria-pressed={view === 'outline'} onClick={() => session.ui.setState({ view: 'outline' })} data-testid="outline-toggle">
            Outline
          </button>
          <HarvestToggle session={session} />
        </div>
        <PresentLink boardId={session.boardId} />
        <div className="header-end">
          <ExportMenu session={session} navigate={navigate} />
          <PeopleAndSettings session={session} />
          <AvatarBar session={session} />
          <ConnectionBadge session={session} />
          <HelpPopover session={session} />
        </div>
      </header>
      <BoardBar session={session} />
      <SessionBar session={session} />
      {attention && <AttentionControls session={session} attention={attention} />}
      <div className="board-body" id="board-content" tabIndex={-1}>
        {view === 'canvas' ? (
          <main className="canvas-main" aria-label="Board">
            <BoardCanvas session={session} />
            <EmptyBoardHint session={session} />
            <LockMarks session={session} />
            {canEdit ? <Toolbar session={session} /> : <ViewToolbar session={session} />}
            <ZoomControls session={session} />
            {attention && <FollowPill session={session} attention={attention} />}
          </main>
        ) : view === 'harvest' ? (
          <HarvestView session={session} />
        ) : (
          <ReadOnlyScope session={session}>
            <OutlineView session={session} />
          </ReadOnlyScope>
        )}
        {/* Side panels lie over the canvas's right edge instead of squeezing it (issue 17). */}
        <div className="side-panels">
          {panelOpen && (
            <ReadOnlyScope session={session}>
              <StoryPanel session={session} />
            </ReadOnlyScope>
          )}
          <PatternPanel session={session} />
          <CyclesPanels session={session} />
        </div>
        <PrivateDrafts session={session} />
      </div>
      <KeptWork session={session} />
      <Notice session={session} />
    </div>
  )
}
