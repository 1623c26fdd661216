// "Use as evidence": a card raised from below joins one of this board's patterns, supporting it or
// as a counter-example, by reference (the pattern holds the card, not a copy of its words). The
// keyboard twin of dragging the card into a pattern on the canvas.
import { useId } from 'react'
import { MEMBER_ROLES, type MemberRole } from '../../shared/model/pattern.ts'
import type { BoardSession } from '../board/createSession.ts'
import { useStore } from '../store/useStore.ts'
import { makeEvidence } from './cardActions.ts'

const ROLE_LABELS: Record<MemberRole, string> = { supports: 'Supports', 'counter-example': 'Counter-example' }

export function CardEvidence({ session, conditionId }: { session: BoardSession; conditionId: string }) {
  const id = useId()
  const patterns = useStore(session.board, (s) => s.patterns)
  const member = useStore(session.cycles.data, (s) => s.cardMembers.get(conditionId))
  const canEdit = useStore(session.access, (s) => s.canEdit)
  if (!canEdit && !member) return null
  const patternId = member?.pattern ?? ''
  const role = member?.role ?? 'supports'
  const name = patterns.find((p) => p.id === patternId)?.name || 'Untitled pattern'
  if (!canEdit) return <p className="condition-meta">Evidence in “{name}”{role === 'counter-example' ? ' (counter-example)' : ''}</p>
  return (
    <fieldset className="card-evidence" data-testid="card-evidence">
      <legend>Use as evidence on this board</legend>
      <label htmlFor={`${id}-pattern`}>Pattern</label>{' '}
      <select id={`${id}-pattern`} data-testid="card-evidence-pattern" value={patternId} onChange={(e) => makeEvidence(session, conditionId, e.target.value || null, role)}>
        <option value="">Not in a pattern</option>
        {patterns.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name || 'Untitled pattern'}
          </option>
        ))}
      </select>{' '}
      <label htmlFor={`${id}-role`}>as</label>{' '}
      <select id={`${id}-role`} data-testid="card-evidence-role" value={role} disabled={!member} onChange={(e) => makeEvidence(session, conditionId, patternId, e.target.value as MemberRole)}>
        {MEMBER_ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
    </fieldset>
  )
}
