// Zoom out, the zoom readout (click for 100%), zoom in, zoom to fit.
import type { BoardSession } from '../board/createSession.ts'
import { formatZoom } from '../geometry/camera.ts'
import { useStore } from '../store/useStore.ts'
import { runCommand } from '../tools/runCommand.ts'

export function ZoomControls({ session }: { session: BoardSession }) {
  const zoom = useStore(session.ui, (s) => s.camera.zoom)
  return (
    <div className="zoom-controls" role="group" aria-label="Zoom" data-overlay>
      <button type="button" aria-label="Zoom out (-)" onClick={() => runCommand(session, 'zoomOut')}>
        −
      </button>
      <button type="button" className="zoom-readout" aria-label={`Zoom ${formatZoom(zoom)}. Reset to 100%`} onClick={() => runCommand(session, 'zoomReset')} data-testid="zoom-readout">
        {formatZoom(zoom)}
      </button>
      <button type="button" aria-label="Zoom in (+)" onClick={() => runCommand(session, 'zoomIn')}>
        +
      </button>
      <button type="button" aria-label="Zoom to fit (Shift+1)" onClick={() => runCommand(session, 'zoomFit')}>
        Fit
      </button>
    </div>
  )
}
