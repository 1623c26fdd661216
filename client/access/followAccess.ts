// Keeps a board session's access current. A 4501 close (my role changed) stops writing until the
// board is read again after the provider reconnects; any reconnect re-reads it too (anonymous
// mode may have changed); 4401/4403/4404 end access for good and the provider stays stopped.
import type { BoardSession } from '../board/createSession.ts'
import { startEditing } from '../board/storyActions.ts'
import type { ApiResult } from '../home/api.ts'
import { reduceAccess, type AccessEvent } from './boardAccess.ts'

export function followAccess(
  s: BoardSession,
  reread: () => Promise<ApiResult<unknown>>,
): () => void {
  let alive = true
  let connectedBefore = false

  const apply = (e: AccessEvent) => {
    const before = s.access.getState()
    const next = reduceAccess(before, e)
    if (next === before) return
    s.access.setState(next)
    if (!next.canEdit && s.ui.getState().editingId) startEditing(s, null)
    if (next.endedBy !== null && before.endedBy === null) s.provider.disconnect()
  }

  const refresh = async () => {
    const r = await reread()
    if (alive)
      apply(r.ok ? { type: 'board', body: r.value } : { type: 'refused', status: r.error.status })
  }

  const onClose = (event: CloseEvent | null) => {
    if (event) apply({ type: 'closed', code: event.code })
  }
  const onStatus = ({ status }: { status: string }) => {
    if (status !== 'connected') return
    if (connectedBefore || s.access.getState().checking) void refresh()
    connectedBefore = true
  }
  s.provider.on('connection-close', onClose)
  s.provider.on('status', onStatus)
  return () => {
    alive = false
    s.provider.off('connection-close', onClose)
    s.provider.off('status', onStatus)
  }
}
