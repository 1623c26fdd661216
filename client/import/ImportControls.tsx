// Import stories from a CSV file: the file picker, the progress while stories are created, and the
// report afterwards, listing every rejected row with its line number and reason.
import { useEffect, useRef } from 'react'
import type { BoardSession } from '../board/createSession.ts'
import { useStore } from '../store/useStore.ts'
import { reportHeadline } from './importPlan.ts'
import { importCsvFile } from './runImport.ts'
import './import.css'

export function ImportControls({ session }: { session: BoardSession }) {
  const job = useStore(session.ui, (s) => s.importJob)
  const input = useRef<HTMLInputElement>(null)
  const onFile = (file: File | undefined) => {
    if (input.current) input.current.value = ''
    if (file) void importCsvFile(session, file)
  }
  return (
    <div className="import-controls">
      <label className={`import-button${job ? ' disabled' : ''}`} title="Import stories from a CSV file (or drop one on the canvas)">
        Import CSV
        <input ref={input} type="file" accept=".csv,text/csv" className="visually-hidden" disabled={job !== null} onChange={(e) => onFile(e.target.files?.[0])} data-testid="import-input" />
      </label>
      {job && (
        <span className="import-progress" role="status" data-testid="import-progress" data-done={job.done} data-total={job.total}>
          Importing {job.done} of {job.total}…
          <progress value={job.done} max={job.total} />
        </span>
      )}
      <ImportReportDialog session={session} />
    </div>
  )
}

function ImportReportDialog({ session }: { session: BoardSession }) {
  const report = useStore(session.ui, (s) => s.importReport)
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (report) ref.current?.focus()
  }, [report])
  if (!report) return null
  const close = () => session.ui.setState({ importReport: null })
  return (
    <div ref={ref} className="import-report" role="dialog" aria-labelledby="import-report-heading" tabIndex={-1} data-overlay data-testid="import-report" data-imported={report.imported} data-refused={report.refused} onKeyDown={(e) => e.key === 'Escape' && close()}>
      <h2 id="import-report-heading">{reportHeadline(report)}</h2>
      {report.rejected.length > 0 && (
        <>
          <p className="hint">{report.refused ? 'Why:' : 'Rows left out (nothing of them was written):'}</p>
          <ol className="import-rejected">
            {report.rejected.map((r, i) => (
              <li key={`${r.line}:${i}`} data-testid="import-rejected-row" data-line={r.line}>
                <strong>{r.line > 1 ? `Line ${r.line}` : r.line === 1 ? 'Header (line 1)' : 'File'}</strong>: {r.reason}
              </li>
            ))}
          </ol>
        </>
      )}
      <button type="button" onClick={close} data-testid="import-report-close">
        Close
      </button>
    </div>
  )
}
