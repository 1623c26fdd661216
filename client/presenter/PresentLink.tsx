// Opens the presenter view in a new window, to drag onto the projector.
import { presentPath } from '../app/route.ts'

export function PresentLink({ boardId }: { boardId: string }) {
  return (
    <a className="present-link" href={presentPath(boardId)} target="_blank" rel="noopener" data-testid="present-link" title="Open a read-only view for a projector: no tools, following the facilitator, phase and timer in large type">
      Present
    </a>
  )
}
