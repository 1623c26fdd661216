// The export choices: scope (board, selection, one pattern) for pictures; data; reports by
// audience. Quick formats are plain download links; PDF and PNG run as server jobs and show their
// progress here, announced to screen readers.
import { useEffect, useRef, useState } from 'react'
import { AUDIENCE_LABELS, AUDIENCES, type Audience } from '../../shared/export/report.ts'
import type { BoardSession } from '../board/createSession.ts'
import { useStore } from '../store/useStore.ts'
import { exportUrl, scopeQuery, type HeavyFormat, type Scope } from './exportApi.ts'
import { progressLabel, scopeChoices } from './exportChoices.ts'
import { runJob, type JobProgress } from './runJob.ts'

const FORMAT_NAMES: Record<HeavyFormat, string> = { 'board.png': 'PNG', 'board.pdf': 'PDF', 'report.pdf': 'Report PDF' }

export function ExportPanel({ session }: { session: BoardSession }) {
  const selection = useStore(session.ui, (s) => s.selection)
  const patterns = useStore(session.board, (s) => s.patterns)
  const choices = scopeChoices(selection, patterns)
  const [choice, setChoice] = useState(selection.size ? 'selection' : 'board')
  const [audience, setAudience] = useState<Audience>('concise')
  const [job, setJob] = useState<JobProgress | null>(null)
  const signal = useRef({ cancelled: false })
  useEffect(() => {
    const s = signal.current
    return () => {
      s.cancelled = true
    }
  }, [])

  const scope: Scope | null = (choices.find((c) => c.value === choice) ?? choices[0]!).scope
  const running = job !== null && job.status !== 'done' && job.status !== 'failed'
  const heavy = (format: HeavyFormat) => {
    if (!scope && format !== 'report.pdf') return
    void runJob(session.boardId, format, scope ?? { kind: 'board' }, audience, setJob, signal.current)
  }
  const q = scope ? scopeQuery(scope) : ''

  return (
    <div className="export-panel" data-testid="export-panel">
      <fieldset>
        <legend>Picture</legend>
        <label htmlFor="export-scope">What to draw</label>
        <select id="export-scope" value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="export-scope">
          {choices.map((c) => (
            <option key={c.value} value={c.value} disabled={!c.scope}>
              {c.label}
            </option>
          ))}
        </select>
        <div className="export-buttons">
          <button type="button" disabled={!scope || running} onClick={() => heavy('board.png')} data-testid="export-png">
            PNG
          </button>
          {scope ? (
            <a className="button" href={exportUrl(session.boardId, 'board.svg', q)} download data-testid="export-svg">
              SVG
            </a>
          ) : (
            <button type="button" disabled>
              SVG
            </button>
          )}
          <button type="button" disabled={!scope || running} onClick={() => heavy('board.pdf')} data-testid="export-pdf">
            PDF
          </button>
        </div>
      </fieldset>
      <fieldset>
        <legend>Data</legend>
        <div className="export-buttons">
          <a className="button" href={exportUrl(session.boardId, 'json')} download data-testid="export-json">
            Board (JSON)
          </a>
          <a className="button" href={exportUrl(session.boardId, 'stories.csv')} download data-testid="export-stories-csv">
            Stories (CSV)
          </a>
          <a className="button" href={exportUrl(session.boardId, 'patterns.csv')} download data-testid="export-patterns-csv">
            Patterns (CSV)
          </a>
        </div>
      </fieldset>
      <fieldset>
        <legend>Show your working</legend>
        <label htmlFor="export-audience">Audience</label>
        <select id="export-audience" value={audience} onChange={(e) => setAudience(e.target.value as Audience)} data-testid="export-audience">
          {AUDIENCES.map((a) => (
            <option key={a} value={a}>
              {AUDIENCE_LABELS[a]}
            </option>
          ))}
        </select>
        <div className="export-buttons">
          <a className="button" href={exportUrl(session.boardId, 'report.md', `?audience=${audience}`)} download data-testid="export-report-md">
            Report (Markdown)
          </a>
          <button type="button" disabled={running} onClick={() => heavy('report.pdf')} data-testid="export-report-pdf">
            Report (PDF)
          </button>
        </div>
      </fieldset>
      <p className="export-note">Restricted stories are never exported; reports quote only stories whose consent covers quotes.</p>
      <div role="status" aria-live="polite" className="export-progress" data-testid="export-progress">
        {job && (
          <>
            <span>{job.error ? `${FORMAT_NAMES[job.format]} failed: ${job.error}` : progressLabel(FORMAT_NAMES[job.format], job.progress, job.status)}</span>
            {running && <progress max={1} value={job.progress} aria-label={`${FORMAT_NAMES[job.format]} progress`} />}
          </>
        )}
      </div>
    </div>
  )
}
