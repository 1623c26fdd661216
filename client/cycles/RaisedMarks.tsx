// Where one pattern of this board went: each higher cycle it was raised to, as what, with the
// live status, the decline reason and the responses (the `raised` root, written by the server).
import { SCALE_LABELS } from '../../shared/model/cycle.ts'
import type { BoardSession } from '../board/createSession.ts'
import { boardPath } from '../app/route.ts'
import { useStore } from '../store/useStore.ts'
import { KindWord, StatusPill, when } from './ConditionWords.tsx'
import { NO_MARKS } from './cyclesStore.ts'
import { followLink } from './followLink.ts'
import { KIND_COLOURS } from './statusFlow.ts'

export function RaisedMarks({ session, patternId }: { session: BoardSession; patternId: string }) {
  const marks = useStore(session.cycles.data, (s) => s.raised.get(patternId) ?? NO_MARKS)
  if (marks.length === 0) return null
  return (
    <ul className="raised-marks" aria-label="Where this pattern was raised" data-testid="raised-marks">
      {marks.map((m) => (
        <li key={m.conditionId} className="raised-mark" style={{ borderLeftColor: KIND_COLOURS[m.kind].line }} data-testid="raised-mark" data-condition-id={m.conditionId} data-status={m.status}>
          Raised as <KindWord kind={m.kind} /> to{' '}
          <a href={boardPath(m.target.boardId)} onClick={(e) => followLink(e, boardPath(m.target.boardId))}>{m.target.title}</a> ({SCALE_LABELS[m.target.scale]}):{' '}
          <StatusPill status={m.status} testId="raised-status" />
          {m.status === 'declined' && m.declineReason && (
            <p className="reason">
              Reason: <span data-testid="raised-decline-reason">{m.declineReason}</span>
            </p>
          )}
          {m.responses.length > 0 && (
            <ul aria-label="Responses">
              {m.responses.map((r) => (
                <li key={r.id} data-testid="raised-response">
                  Response: {r.text} <span className="hint">({r.authorName}, {when(r.at)})</span>
                </li>
              ))}
            </ul>
          )}
          {(m.further ?? []).map((f) => (
            <div key={f.conditionId} className="raised-further" data-testid="raised-further" data-status={f.status}>
              Further up, as <KindWord kind={f.kind} />:{' '}
              <span data-testid="raised-further-from">
                <StatusPill status={f.status} testId="raised-further-status" /> {f.status === 'raised' ? 'to' : 'by'} {f.target.title} ({SCALE_LABELS[f.target.scale]}), {levelWords(f.levels)} up
              </span>
              {f.status === 'declined' && f.declineReason && <p className="reason">Reason: {f.declineReason}</p>}
              {f.responses.length > 0 && (
                <ul aria-label="Responses from further up">
                  {f.responses.map((r) => (
                    <li key={r.id} data-testid="raised-further-response">
                      Response: {r.text} <span className="hint">({r.authorName}, {when(r.at)})</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </li>
      ))}
    </ul>
  )
}

const LEVELS = ['', 'one level', 'two levels', 'three levels', 'four levels']
const levelWords = (n: number) => LEVELS[n] ?? `${n} levels`
