// One member: name, organisation, role, a guest badge; for a manager who may, a role select and
// remove (with a confirmation in the row). Everything typed by people is rendered as text.
import { useState } from 'react'
import { ROLE_LABELS, type Role } from '../../shared/access/roles.ts'
import type { Member } from '../access/accessApi.ts'
import { canManageMember, roleOptions } from '../access/people.ts'
import { ConfirmInline } from './ConfirmInline.tsx'

type Props = {
  member: Member
  actor: Role | null
  isMe: boolean
  busy: boolean
  onRole: (role: Role) => void
  onRemove: () => void
}

export function MemberRow({ member: m, actor, isMe, busy, onRole, onRemove }: Props) {
  const [confirming, setConfirming] = useState(false)
  const manage = canManageMember(actor, m)
  const selectId = `role-${m.userId}`
  const meta = [m.organisation, m.email].filter(Boolean).join(' · ')
  return (
    <li className="person-row" data-testid="member-row" data-user-id={m.userId} data-role={m.role}>
      <div className="who">
        <span className="name">
          {m.displayName}
          {isMe && <span className="you-badge">(you)</span>}
          {m.kind === 'guest' && (
            <span
              className="guest-badge"
              data-testid="guest-badge"
              title="Joined through an invite link, without an account"
            >
              Guest
            </span>
          )}
        </span>
        {meta && <span className="meta">{meta}</span>}
      </div>
      <div className="controls">
        {manage ? (
          <>
            <label htmlFor={selectId} className="visually-hidden">
              Role of {m.displayName}
            </label>
            <select
              id={selectId}
              value={m.role}
              disabled={busy}
              onChange={(e) => onRole(e.target.value as Role)}
              data-testid="member-role-select"
            >
              {roleOptions(actor, m.role).map((o) => (
                <option key={o.role} value={o.role} disabled={o.disabled}>
                  {o.label}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => setConfirming(true)}
              aria-label={`Remove ${m.displayName}`}
              data-testid="member-remove"
            >
              Remove
            </button>
          </>
        ) : (
          <span className="role-text">{ROLE_LABELS[m.role] ?? m.role}</span>
        )}
      </div>
      {confirming && (
        <ConfirmInline label={`Confirm removing ${m.displayName}`} action="Remove" testId="member-remove-confirm" onConfirm={onRemove} onCancel={() => setConfirming(false)}>
          Remove {isMe ? 'yourself' : m.displayName} from this board? {isMe ? 'You' : 'They'} lose access at once.
        </ConfirmInline>
      )}
    </li>
  )
}
