// The harvest: each table's patterns side by side in columns (name, evidence, votes once the vote
// has closed), so the room can compare how groups read the same stories. Live; read only.
import { useMemo } from 'react'
import type { BoardSession } from '../board/createSession.ts'
import { useStore } from '../store/useStore.ts'
import './tables.css'
import { harvest } from './tableAreas.ts'
import { useAreas } from './useAreas.ts'

export function HarvestView({ session }: { session: BoardSession }) {
  const areas = useAreas(session.doc)
  const patterns = useStore(session.board, (b) => b.patterns)
  const totals = useStore(session.vote, (v) => (v.docSession?.status === 'closed' ? v.docSession.totals : null))
  const columns = useMemo(() => harvest(areas, patterns, totals), [areas, patterns, totals])

  return (
    <main className="harvest" aria-labelledby="harvest-title" data-testid="harvest">
      <h2 id="harvest-title">Harvest: the tables’ patterns side by side</h2>
      {columns.length === 0 ? (
        <p className="harvest-empty">This board has no tables. Start the place workshop template to lay them out.</p>
      ) : (
        <div className="harvest-columns">
          {columns.map((c) => (
            <section key={c.id} className="harvest-column" aria-labelledby={`harvest-${c.id}`} data-testid="harvest-table" data-table-id={c.id}>
              <h3 id={`harvest-${c.id}`} data-testid="harvest-table-name">
                {c.label}
              </h3>
              {c.patterns.length === 0 ? (
                <p className="harvest-none">No patterns yet</p>
              ) : (
                <ol>
                  {c.patterns.map((p) => (
                    <li key={p.id} data-testid="harvest-pattern" data-pattern-id={p.id}>
                      <strong data-testid="harvest-pattern-name">{p.name || 'Unnamed pattern'}</strong>
                      <span className="harvest-evidence" data-testid="harvest-evidence">
                        {p.evidence}
                      </span>
                      {p.votes !== null && (
                        <span className="harvest-votes" data-testid="harvest-votes" data-votes={p.votes}>
                          {p.votes} {p.votes === 1 ? 'vote' : 'votes'}
                        </span>
                      )}
                    </li>
                  ))}
                </ol>
              )}
            </section>
          ))}
        </div>
      )}
    </main>
  )
}
