// Beside a peer's shared pattern: open the original on the sharing board, offered only when I have
// a role there (asked of the server, which also guards the board itself), and take the card
// away ("Stop sharing here"), offered to facilitators of this board and contributors of the
// sharing one, as the server allows.
import { useState } from 'react'
import { can } from '../../shared/access/roles.ts'
import type { PatternReference } from '../../shared/model/condition.ts'
import { boardPath } from '../app/route.ts'
import type { BoardSession } from '../board/createSession.ts'
import { useStore } from '../store/useStore.ts'
import { getBoardWithRole, unsharePattern } from './cyclesApi.ts'
import { followLink } from './followLink.ts'
import { explainShareError } from './linkRules.ts'
import { allowed } from './loadAccess.ts'
import { useLoad } from './useLoad.ts'

export function ReferenceControls({ session, reference }: { session: BoardSession; reference: PatternReference }) {
  const source = reference.source
  const there = useLoad(() => getBoardWithRole(source.boardId), source.boardId)
  const managesHere = useStore(session.cycles.ui, (s) => allowed(s, 'manageMembers'))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const roleThere = there.value?.role ?? null
  const canUnshare = managesHere || can(roleThere, 'editBoard')
  const path = `${boardPath(source.boardId)}?pattern=${encodeURIComponent(source.patternId)}`

  const unshare = async () => {
    setBusy(true)
    setError(null)
    const r = await unsharePattern(reference.id)
    setBusy(false)
    // On success the server deletes the card from this board's document; it disappears live.
    if (!r.ok) setError(explainShareError(r.error.code, r.error.message, source.title))
  }

  return (
    <div className="condition-controls">
      <div className="row">
        {there.value && reference.live && (
          <a href={path} onClick={(e) => followLink(e, path)} data-testid="reference-open-source">
            Show evidence on {source.title}
          </a>
        )}
        {canUnshare && (
          <button type="button" onClick={() => void unshare()} disabled={busy} data-testid="reference-unshare">
            Stop sharing here
          </button>
        )}
      </div>
      {there.error && (
        <p className="hint" data-testid="reference-no-access">
          You have no role on {source.title}, so only what was shared is visible to you.
        </p>
      )}
      {error && (
        <p className="error-note" role="alert" data-testid="reference-error">
          {error}
        </p>
      )}
    </div>
  )
}
