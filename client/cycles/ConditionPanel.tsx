// The condition panel: opened by clicking a "Raised from below" card on the canvas.
import type { BoardSession } from '../board/createSession.ts'
import { useStore } from '../store/useStore.ts'
import { CardEvidence } from './CardEvidence.tsx'
import { ConditionControls } from './ConditionControls.tsx'
import { ConditionSummary } from './ConditionSummary.tsx'
import { allowed } from './loadAccess.ts'
import { KIND_COLOURS } from './statusFlow.ts'
import { WhereFrom } from './WhereFrom.tsx'

export function ConditionPanel({ session }: { session: BoardSession }) {
  const id = useStore(session.cycles.ui, (s) => s.conditionId)
  const card = useStore(session.cycles.data, (s) => s.conditions.find((c) => c.id === id))
  const canRespond = useStore(session.cycles.ui, (s) => (s.role === null ? null : allowed(s, 'editBoard')))
  const close = () => session.cycles.ui.setState({ panel: null, conditionId: null })
  return (
    <aside className="cycles-panel condition-panel" aria-labelledby="condition-panel-heading" data-overlay data-testid="condition-panel" data-condition-id={id ?? ''}>
      <header>
        <h2 id="condition-panel-heading">Raised from below</h2>
        <button type="button" aria-label="Close the condition panel" onClick={close}>
          ×
        </button>
      </header>
      {card ? (
        <div className="condition-item" style={{ borderLeftColor: KIND_COLOURS[card.kind].line, marginTop: '0.75rem' }} data-status={card.status}>
          <ConditionSummary card={card} headingLevel={3} headingId={`panel-condition-${card.id}`} />
          <CardEvidence session={session} conditionId={card.id} />
          <WhereFrom conditionId={card.id} refreshKey={JSON.stringify(card.evidence)} />
          <ConditionControls key={card.id} card={card} canRespond={canRespond} idPrefix={`panel-${card.id}`} />
        </div>
      ) : (
        <p className="hint">This condition is no longer on the board.</p>
      )}
    </aside>
  )
}
