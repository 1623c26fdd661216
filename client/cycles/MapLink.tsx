// A link to the map of learning cycles, for pages outside a board (home).
import { followLink } from './followLink.ts'

export function MapLink() {
  return (
    <p className="map-link">
      <a href="/map" onClick={(e) => followLink(e, '/map')} data-testid="home-map-link">
        Map of your learning cycles
      </a>{' '}
      <span className="hint">(by scale, with their links and open enablers and barriers)</span>
    </p>
  )
}
