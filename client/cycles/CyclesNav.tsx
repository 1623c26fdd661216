// Header buttons of the connected cycles: the links panel, what this board raised, what was
// raised onto it and what peers share with it (shown on the canvas or in the outline), and the
// map of all my cycles.
import type { BoardSession } from '../board/createSession.ts'
import { fitBox } from '../geometry/camera.ts'
import { useStore } from '../store/useStore.ts'
import type { CyclesPanel } from './cyclesStore.ts'
import { followLink } from './followLink.ts'
import { columnFor, referenceColumnFor } from './columnFor.ts'
import type { CardColumn } from './cardLayout.ts'

export const MAP_PATH = '/map'

export function CyclesNav({ session }: { session: BoardSession }) {
  const panel = useStore(session.cycles.ui, (s) => s.panel)
  const raisedCount = useStore(session.cycles.data, (s) => s.raised.size)
  const belowCount = useStore(session.cycles.data, (s) => s.conditions.length)
  const peerCount = useStore(session.cycles.data, (s) => s.references.length)
  const toggle = (p: CyclesPanel) => session.cycles.ui.setState({ panel: panel === p ? null : p })
  /** In the outline, scroll to the section; on the canvas, bring the column into view. */
  const show = (sectionId: string, column: () => CardColumn) => {
    const { view, viewport } = session.ui.getState()
    if (view === 'outline') {
      const el = document.getElementById(sectionId)
      el?.scrollIntoView({ block: 'start' })
      el?.querySelector<HTMLElement>('h3')?.focus()
      return
    }
    const bounds = column().bounds
    if (bounds) session.ui.setState({ camera: fitBox(bounds, viewport) })
  }
  const showBelow = () => show('raised-from-below', () => columnFor(session))
  const showPeers = () => show('peer-references', () => referenceColumnFor(session))
  return (
    <nav className="cycles-nav" aria-label="Connected cycles">
      <button type="button" aria-pressed={panel === 'links'} onClick={() => toggle('links')} aria-label="Connected cycles" title="Connected cycles: links to higher, lower and peer cycles" data-testid="links-toggle">
        Cycles
      </button>
      <button type="button" aria-pressed={panel === 'raised'} onClick={() => toggle('raised')} data-testid="raised-toggle" title={`Patterns raised from this board: ${raisedCount}`}>
        Raised<span className="nav-count">{raisedCount}</span>
      </button>
      {belowCount > 0 && (
        <button type="button" onClick={showBelow} data-testid="below-toggle" title={`Show the ${belowCount} raised to this board from below`}>
          From below <span className="nav-count">{belowCount}</span>
        </button>
      )}
      {peerCount > 0 && (
        <button type="button" onClick={showPeers} data-testid="peers-toggle" title={`Show the ${peerCount} shared by peer cycles`}>
          Peers <span className="nav-count">{peerCount}</span>
        </button>
      )}
      <a href={MAP_PATH} onClick={(e) => followLink(e, MAP_PATH)} data-testid="map-nav">
        Map
      </a>
    </nav>
  )
}
