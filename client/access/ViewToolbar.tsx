// The canvas tools for someone who can only look: select, hand and story details. No tool that
// changes the board is offered.
import type { BoardSession } from '../board/createSession.ts'
import { Icon } from '../chrome/Icon.tsx'
import { useStore } from '../store/useStore.ts'
import { runCommand } from '../tools/runCommand.ts'

export function ViewToolbar({ session }: { session: BoardSession }) {
  const tool = useStore(session.ui, (s) => s.tool)
  const panelOpen = useStore(session.ui, (s) => s.panelOpen)
  return (
    <div
      className="toolbar"
      role="toolbar"
      aria-label="Canvas tools (view only)"
      aria-orientation="vertical"
      data-overlay
      data-testid="view-toolbar"
    >
      <button
        type="button"
        aria-label="Select (V)"
        title="Select (V)"
        aria-pressed={tool === 'select'}
        onClick={() => session.ui.setState({ tool: 'select' })}
      >
        <Icon name="select" />
      </button>
      <button
        type="button"
        aria-label="Hand: pan the canvas (H)"
        title="Hand: pan the canvas (H)"
        aria-pressed={tool === 'hand'}
        onClick={() => session.ui.setState({ tool: 'hand' })}
      >
        <Icon name="hand" />
      </button>
      <hr />
      <button
        type="button"
        aria-label="Story details (I)"
        title="Story details (I)"
        aria-pressed={panelOpen}
        onClick={() => runCommand(session, 'panel')}
      >
        <Icon name="info" />
      </button>
    </div>
  )
}
