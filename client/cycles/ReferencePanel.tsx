// The reference panel: opened by clicking a peer's shared pattern on the canvas.
import type { BoardSession } from '../board/createSession.ts'
import { useStore } from '../store/useStore.ts'
import { ReferenceControls } from './ReferenceControls.tsx'
import { ReferenceSummary } from './ReferenceSummary.tsx'

export function ReferencePanel({ session }: { session: BoardSession }) {
  const id = useStore(session.cycles.ui, (s) => s.referenceId)
  const reference = useStore(session.cycles.data, (s) => s.references.find((r) => r.id === id))
  const close = () => session.cycles.ui.setState({ panel: null, referenceId: null })
  return (
    <aside className="cycles-panel reference-panel" aria-labelledby="reference-panel-heading" data-overlay data-testid="reference-panel" data-reference-id={id ?? ''}>
      <header>
        <h2 id="reference-panel-heading">Shared by a peer cycle</h2>
        <button type="button" aria-label="Close the shared pattern panel" onClick={close}>
          ×
        </button>
      </header>
      {reference ? (
        <div className="condition-item reference-item" data-live={reference.live} style={{ marginTop: '0.75rem' }}>
          <ReferenceSummary reference={reference} headingLevel={3} headingId={`panel-reference-${reference.id}`} />
          <ReferenceControls key={reference.id} session={session} reference={reference} />
        </div>
      ) : (
        <p className="hint">This pattern is no longer shared with this board.</p>
      )}
    </aside>
  )
}
