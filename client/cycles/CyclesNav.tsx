// Header buttons of the connected cycles: the links panel, what this board raised, what was
// raised onto it (shown on the canvas or in the outline), and the map of all my cycles.
import type { BoardSession } from '../board/createSession.ts'
import { fitBox } from '../geometry/camera.ts'
import { useStore } from '../store/useStore.ts'
import type { CyclesPanel } from './cyclesStore.ts'
import { followLink } from './followLink.ts'
import { columnFor } from './columnFor.ts'

export const MAP_PATH = '/map'

export function CyclesNav({ session }: { session: BoardSession }) {
  const panel = useStore(session.cycles.ui, (s) => s.panel)
  const raisedCount = useStore(session.cycles.data, (s) => s.raised.size)
  const belowCount = useStore(session.cycles.data, (s) => s.conditions.length)
  const toggle = (p: CyclesPanel) => session.cycles.ui.setState({ panel: panel === p ? null : p })
  const showBelow = () => {
    const { view, viewport } = session.ui.getState()
    if (view === 'outline') {
      const el = document.getElementById('raised-from-below')
      el?.scrollIntoView({ block: 'start' })
      el?.querySelector<HTMLElement>('h3')?.focus()
      return
    }
    const column = columnFor(session)
    if (column.bounds) session.ui.setState({ camera: fitBox(column.bounds, viewport) })
  }
  return (
    <nav className="cycles-nav" aria-label="Connected cycles">
      <button type="button" aria-pressed={panel === 'links'} onClick={() => toggle('links')} aria-label="Connected cycles" title="Connected cycles: links to higher, lower and peer cycles" data-testid="links-toggle">
        Cycles
      </button>
      <button type="button" aria-pressed={panel === 'raised'} onClick={() => toggle('raised')} data-testid="raised-toggle" title={`Patterns raised from this board: ${raisedCount}`}>
        Raised<span className="nav-count">{raisedCount}</span>
      </button>
      {belowCount > 0 && (
        <button type="button" onClick={showBelow} data-testid="below-toggle" aria-label={`Show ${belowCount} raised from below`}>
          From below<span className="nav-count">{belowCount}</span>
        </button>
      )}
      <a href={MAP_PATH} onClick={(e) => followLink(e, MAP_PATH)} data-testid="map-nav">
        Map
      </a>
    </nav>
  )
}
