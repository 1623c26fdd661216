// The connected-cycles side panels of the board screen (links, raised, one condition, one peer
// reference) and the raise and share dialogs, whichever is open. Also asks once for my role here,
// which the controls follow.
import { useEffect } from 'react'
import type { BoardSession } from '../board/createSession.ts'
import { useStore } from '../store/useStore.ts'
import { ConditionPanel } from './ConditionPanel.tsx'
import './cycles.css'
import { focusPatternFromUrl } from './focusPattern.ts'
import { LinksPanel } from './LinksPanel.tsx'
import { loadAccess } from './loadAccess.ts'
import { RaiseDialog } from './RaiseDialog.tsx'
import { RaisedPanel } from './RaisedPanel.tsx'
import { ReferencePanel } from './ReferencePanel.tsx'
import { ShareDialog } from './ShareDialog.tsx'

export function CyclesPanels({ session }: { session: BoardSession }) {
  const panel = useStore(session.cycles.ui, (s) => s.panel)
  const raiseFor = useStore(session.cycles.ui, (s) => s.raisePatternId)
  const shareFor = useStore(session.cycles.ui, (s) => s.sharePatternId)
  useEffect(() => {
    void loadAccess(session.boardId, session.cycles)
    return focusPatternFromUrl(session, location.search)
  }, [session])
  return (
    <>
      {panel === 'links' && <LinksPanel session={session} />}
      {panel === 'raised' && <RaisedPanel session={session} />}
      {panel === 'condition' && <ConditionPanel session={session} />}
      {panel === 'reference' && <ReferencePanel session={session} />}
      {raiseFor && <RaiseDialog key={raiseFor} session={session} patternId={raiseFor} />}
      {shareFor && <ShareDialog key={shareFor} session={session} patternId={shareFor} />}
    </>
  )
}
