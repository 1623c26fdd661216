// The outline's "Shared by peer cycles" section: read-only patterns that horizontally linked
// cycles share with this board, kept in step with their originals by the server.
import type { BoardSession } from '../board/createSession.ts'
import { useStore } from '../store/useStore.ts'
import './cycles.css'
import { ReferenceControls } from './ReferenceControls.tsx'
import { ReferenceSummary } from './ReferenceSummary.tsx'

export function PeerReferences({ session }: { session: BoardSession }) {
  const references = useStore(session.cycles.data, (s) => s.references)
  if (references.length === 0) return null
  return (
    <section className="raised-from-below outline-group" aria-labelledby="peer-references-heading" data-testid="peer-references" id="peer-references">
      <h3 id="peer-references-heading" tabIndex={-1}>
        Shared by peer cycles <span className="count">({references.length})</span>
      </h3>
      <p className="hint">Patterns that linked cycles at the same scale share with this one. Read only: they change when the original does.</p>
      <ul>
        {references.map((r) => (
          <li key={r.id} className="condition-item reference-item" aria-labelledby={`outline-reference-${r.id}`} data-testid="reference" data-reference-id={r.id} data-live={r.live}>
            <ReferenceSummary reference={r} headingLevel={4} headingId={`outline-reference-${r.id}`} />
            <ReferenceControls session={session} reference={r} />
          </li>
        ))}
      </ul>
    </section>
  )
}
