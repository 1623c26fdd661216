// "Raised": every pattern of this board with where it went and the live status, decline reason
// and responses; patterns not yet raised can be raised from here too (the canvas route to Raise…).
import type { BoardSession } from '../board/createSession.ts'
import { useStore } from '../store/useStore.ts'
import { PatternCycles } from './PatternCycles.tsx'

export function RaisedPanel({ session }: { session: BoardSession }) {
  const patterns = useStore(session.board, (s) => s.patterns)
  const raised = useStore(session.cycles.data, (s) => s.raised)
  const went = patterns.filter((p) => raised.has(p.id))
  const notYet = patterns.filter((p) => !raised.has(p.id))
  const item = (p: (typeof patterns)[number]) => (
    <li key={p.id} className="link-item" data-testid="raised-pattern" data-pattern-id={p.id}>
      <span className="title">{p.name || 'Unnamed pattern'}</span>
      <PatternCycles session={session} patternId={p.id} name={p.name} />
    </li>
  )
  return (
    <aside className="cycles-panel" aria-labelledby="raised-heading" data-overlay data-testid="raised-panel">
      <header>
        <h2 id="raised-heading">Raised from this board</h2>
        <button type="button" aria-label="Close raised patterns" onClick={() => session.cycles.ui.setState({ panel: null })}>
          ×
        </button>
      </header>
      <p className="hint">Patterns promoted to a linked cycle one scale up, with the answer coming back down.</p>
      {patterns.length === 0 && <p>No patterns on this board yet. Group stories into a pattern, then raise it.</p>}
      {went.length > 0 && (
        <>
          <h3>Raised</h3>
          <ul className="cycles-list">{went.map(item)}</ul>
        </>
      )}
      {notYet.length > 0 && (
        <>
          <h3>Not raised yet</h3>
          <ul className="cycles-list">{notYet.map(item)}</ul>
        </>
      )}
    </aside>
  )
}
