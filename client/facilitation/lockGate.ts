// Keeps `session.access.canEdit` (the one value every editing control and the write guard read)
// in step with the facilitated session: off for participants while the board is locked, while a
// locked item is selected, and during private writing (they write in their drafts then). The
// role still decides first; this only ever takes editing away.
import { can } from '../../shared/access/roles.ts'
import { readSession } from '../../shared/model/facilitation.ts'
import { ROOT } from '../../shared/model/layout.ts'
import type { BoardSession } from '../board/createSession.ts'
import { startEditing } from '../board/storyActions.ts'
import { GATE_NOTICES, gateEditing, type EditGate } from './sessionRules.ts'

export { GATE_NOTICES }

export function attachLockGate(s: BoardSession): () => void {
  let lastReason: EditGate['reason'] = null
  const apply = () => {
    const a = s.access.getState()
    const ui = s.ui.getState()
    const roleAllows = a.endedBy === null && !a.checking && can(a.role, 'editBoard')
    const focus = [...ui.selection, ...(ui.selectedPattern ? [ui.selectedPattern] : []), ...(ui.editingId ? [ui.editingId] : [])]
    const { canEdit, reason } = gateEditing(roleAllows, readSession(s.doc), a.role, focus)
    if (reason !== lastReason && reason) s.ui.setState({ notice: GATE_NOTICES[reason] })
    lastReason = reason
    if (canEdit === a.canEdit && reason === (a.gate ?? null)) return
    s.access.setState({ canEdit, gate: reason })
    if (!canEdit && ui.editingId) startEditing(s, null)
  }
  const map = s.doc.getMap(ROOT.session)
  map.observe(apply)
  const offAccess = s.access.subscribe(apply)
  const offUi = s.ui.subscribe((next, prev) => {
    if (next.selection !== prev.selection || next.selectedPattern !== prev.selectedPattern || next.editingId !== prev.editingId) apply()
  })
  apply()
  return () => {
    map.unobserve(apply)
    offAccess()
    offUi()
    // Editing comes back as the role allows it.
    const a = s.access.getState()
    s.access.setState({ canEdit: a.endedBy === null && !a.checking && can(a.role, 'editBoard') })
  }
}
