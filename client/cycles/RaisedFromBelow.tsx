// The outline's "Raised from below" section: every enabler and barrier raised onto this board by
// linked cycles at lower scales, with the same controls as the canvas panel, all keyboard-usable.
import type { BoardSession } from '../board/createSession.ts'
import { useStore } from '../store/useStore.ts'
import { ConditionControls } from './ConditionControls.tsx'
import { ConditionSummary } from './ConditionSummary.tsx'
import './cycles.css'
import { allowed } from './loadAccess.ts'
import { KIND_COLOURS } from './statusFlow.ts'

export function RaisedFromBelow({ session }: { session: BoardSession }) {
  const conditions = useStore(session.cycles.data, (s) => s.conditions)
  const canRespond = useStore(session.cycles.ui, (s) => (s.role === null ? null : allowed(s, 'editBoard')))
  if (conditions.length === 0) return null
  return (
    <section className="raised-from-below outline-group" aria-labelledby="raised-from-below-heading" data-testid="raised-from-below" id="raised-from-below">
      <h3 id="raised-from-below-heading" tabIndex={-1}>
        Raised from below <span className="count">({conditions.length})</span>
      </h3>
      <p className="hint">Enablers and barriers that linked cycles at a lower scale raised to this one. They see every status and response.</p>
      <ul>
        {conditions.map((c) => (
          <li
            key={c.id}
            className="condition-item"
            style={{ borderLeftColor: KIND_COLOURS[c.kind].line }}
            aria-labelledby={`outline-condition-${c.id}`}
            data-testid="condition"
            data-condition-id={c.id}
            data-status={c.status}
            data-kind={c.kind}
          >
            <ConditionSummary card={c} headingLevel={4} headingId={`outline-condition-${c.id}`} />
            <ConditionControls card={c} canRespond={canRespond} idPrefix={`outline-${c.id}`} />
          </li>
        ))}
      </ul>
    </section>
  )
}
