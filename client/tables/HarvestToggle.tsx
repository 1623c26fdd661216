// The "Harvest" view switch, shown only on boards with table areas.
import type { BoardSession } from '../board/createSession.ts'
import { useStore } from '../store/useStore.ts'
import { useAreas } from './useAreas.ts'

export function HarvestToggle({ session }: { session: BoardSession }) {
  const hasTables = useAreas(session.doc).some((a) => a.kind === 'table')
  const view = useStore(session.ui, (u) => u.view)
  if (!hasTables) return null
  return (
    <button type="button" aria-pressed={view === 'harvest'} onClick={() => session.ui.setState({ view: 'harvest' })} data-testid="harvest-toggle">
      Harvest
    </button>
  )
}
