// "Export" on the board header: a dialog with the export choices and the board's history.
import { useState } from 'react'
import type { BoardSession } from '../board/createSession.ts'
import { HistoryPanel } from '../history/HistoryPanel.tsx'
import { Dialog } from '../settings/Dialog.tsx'
import { useStore } from '../store/useStore.ts'
import { ExportPanel } from './ExportPanel.tsx'
import './export.css'

type Tab = 'export' | 'history'

export function ExportMenu({ session, navigate }: { session: BoardSession; navigate: (path: string) => void }) {
  const [open, setOpen] = useState(false)
  const [tab, setTab] = useState<Tab>('export')
  const role = useStore(session.access, (a) => a.role)
  const ended = useStore(session.access, (a) => a.endedBy !== null)
  if (ended || role === null) return null
  return (
    <>
      <button type="button" className="export-button" onClick={() => setOpen(true)} aria-haspopup="dialog" data-testid="export-button">
        Export<span className="wide-only"> &amp; history</span>
      </button>
      {open && (
        <Dialog title="Export & history" onClose={() => setOpen(false)} className="people-dialog export-dialog" testId="export-dialog">
          <div role="tablist" aria-label="Export or history" className="export-tabs">
            {(['export', 'history'] as const).map((t) => (
              <button key={t} type="button" role="tab" id={`export-tab-${t}`} aria-selected={tab === t} aria-controls={`export-tabpanel-${t}`} onClick={() => setTab(t)}>
                {t === 'export' ? 'Export' : 'History'}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`export-tabpanel-${tab}`} aria-labelledby={`export-tab-${tab}`}>
            {tab === 'export' ? (
              <ExportPanel session={session} />
            ) : (
              <HistoryPanel boardId={session.boardId} role={role} navigate={(p) => (setOpen(false), navigate(p))} />
            )}
          </div>
        </Dialog>
      )}
    </>
  )
}
