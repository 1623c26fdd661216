// Beside a pattern (outline, pattern panel): "Raise…", "Share…" with a peer cycle, and where the
// pattern already went.
import type { BoardSession } from '../board/createSession.ts'
import { useStore } from '../store/useStore.ts'
import { allowed } from './loadAccess.ts'
import { RaisedMarks } from './RaisedMarks.tsx'

export function RaiseButton({ session, patternId, name }: { session: BoardSession; patternId: string; name: string }) {
  const canRaise = useStore(session.cycles.ui, (s) => s.role === null || allowed(s, 'editBoard'))
  if (!canRaise) return null
  return (
    <button
      type="button"
      className="raise-button"
      onClick={() => session.cycles.ui.setState({ raisePatternId: patternId })}
      aria-label={`Raise pattern ${name || 'unnamed'} as an enabler or barrier`}
      aria-haspopup="dialog"
      data-testid="raise-button"
      data-pattern-id={patternId}
    >
      Raise…
    </button>
  )
}

export function ShareButton({ session, patternId, name }: { session: BoardSession; patternId: string; name: string }) {
  const canShare = useStore(session.cycles.ui, (s) => s.role === null || allowed(s, 'editBoard'))
  if (!canShare) return null
  return (
    <button
      type="button"
      className="raise-button"
      onClick={() => session.cycles.ui.setState({ sharePatternId: patternId })}
      aria-label={`Share with peer: pattern ${name || 'unnamed'}`}
      aria-haspopup="dialog"
      data-testid="share-button"
      data-pattern-id={patternId}
    >
      Share with peer…
    </button>
  )
}

export function PatternCycles({ session, patternId, name }: { session: BoardSession; patternId: string; name: string }) {
  return (
    <div className="pattern-cycles" data-testid="pattern-cycles" data-pattern-id={patternId}>
      <RaiseButton session={session} patternId={patternId} name={name} />
      <ShareButton session={session} patternId={patternId} name={name} />
      <RaisedMarks session={session} patternId={patternId} />
    </div>
  )
}
