// /map: every learning cycle I have a role on and the chains they are in (active links), by scale, with their links and open conditions;
// a diagram and, with the same data, a table.
import { useEffect, useRef, useState } from 'react'
import { getCycleMap } from './cyclesApi.ts'
import './cycles.css'
import { followLink } from './followLink.ts'
import { explainError } from './linkRules.ts'
import { MapDiagram } from './MapDiagram.tsx'
import { MapTable } from './MapTable.tsx'
import { useLoad } from './useLoad.ts'

export function MapPage() {
  const map = useLoad(getCycleMap, 'map')
  const scroller = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(0)
  useEffect(() => {
    const el = scroller.current
    if (!el) return
    const ro = new ResizeObserver(() => setWidth(el.clientWidth))
    ro.observe(el)
    return () => ro.disconnect()
  }, [map.value])
  useEffect(() => {
    document.title = 'Map of learning cycles · Learning Wall'
  }, [])
  return (
    <main className="page map-page" data-testid="map-page">
      <header className="map-header">
        <a href="/" onClick={(e) => followLink(e, '/')}>
          ← Your boards
        </a>
        <h1>Map of learning cycles</h1>
        <button type="button" onClick={map.reload}>
          Refresh
        </button>
      </header>
      <p className="hint">Every cycle you have a role on and the whole chain it is linked into (through active links), by system scale. Cycles you have no role on show their scale and counts; a person’s cycle keeps its title hidden. Vertical links join scales (the higher cycle learns from the lower and enables it); horizontal links join peers. Counts are open enablers and barriers, then those answered and how long answers took.</p>
      <div className="map-legend" aria-hidden="true">
        <span>
          <svg width="40" height="8">
            <line x1="0" y1="4" x2="40" y2="4" stroke="#1d63ed" strokeWidth="2" />
          </svg>{' '}
          active link
        </span>
        <span>
          <svg width="40" height="8">
            <line x1="0" y1="4" x2="40" y2="4" stroke="#8c959f" strokeWidth="2" strokeDasharray="6 5" />
          </svg>{' '}
          pending link
        </span>
      </div>
      {map.loading && !map.value && <p aria-live="polite">Loading the map…</p>}
      {map.error && <p className="error-note" role="alert">{explainError(map.error.code, map.error.message)}</p>}
      {map.value && map.value.cycles.length === 0 && <p>You have no boards yet.</p>}
      {map.value && map.value.cycles.length > 0 && (
        <>
          <section aria-labelledby="map-diagram-heading">
            <h2 id="map-diagram-heading" className="visually-hidden">
              Diagram
            </h2>
            <div className="map-scroll" ref={scroller}>
              <MapDiagram map={map.value} width={width} />
            </div>
          </section>
          <section aria-labelledby="map-table-heading">
            <h2 id="map-table-heading">As a table</h2>
            <MapTable map={map.value} />
          </section>
        </>
      )}
    </main>
  )
}
