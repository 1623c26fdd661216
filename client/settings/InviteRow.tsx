// One invite link: its role, state, uses and expiry, and Revoke (confirmed in the row, because
// everyone who joined through it loses access at once).
import { useState } from 'react'
import { ROLE_LABELS } from '../../shared/access/roles.ts'
import type { Invite } from '../access/accessApi.ts'
import { INVITE_STATE_LABELS, inviteState, relativeTime, usesText } from '../access/invites.ts'
import { ConfirmInline } from './ConfirmInline.tsx'

export function InviteRow({
  invite: i,
  now,
  busy,
  onRevoke,
}: {
  invite: Invite
  now: number
  busy: boolean
  onRevoke: () => void
}) {
  const [confirming, setConfirming] = useState(false)
  const state = inviteState(i, now)
  const ends =
    state === 'expired'
      ? `expired ${relativeTime(i.expiresAt, now)}`
      : `expires ${relativeTime(i.expiresAt, now)}`
  const label = `${ROLE_LABELS[i.role]} link created ${relativeTime(i.createdAt, now)}`
  return (
    <li className="person-row" data-testid="invite-row" data-invite-id={i.id} data-state={state}>
      <div className="who">
        <span className="name">
          {ROLE_LABELS[i.role] ?? i.role}
          <span className={`invite-state ${state}`}>{INVITE_STATE_LABELS[state]}</span>
        </span>
        <span className="meta">
          {usesText(i)} ·{' '}
          {state === 'revoked' && i.revokedAt ? `revoked ${relativeTime(i.revokedAt, now)}` : ends}{' '}
          · created {relativeTime(i.createdAt, now)}
        </span>
      </div>
      <div className="controls">
        {state !== 'revoked' && (
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => setConfirming(true)}
            aria-label={`Revoke ${label}`}
            data-testid="invite-revoke"
          >
            Revoke
          </button>
        )}
      </div>
      {confirming && (
        <ConfirmInline label="Confirm revoking this link" action="Revoke link" testId="invite-revoke-confirm" onConfirm={onRevoke} onCancel={() => setConfirming(false)}>
          Revoke this link? It stops working
          {i.uses === 1
            ? ', and the person who joined through it loses access at once'
            : i.uses > 1
              ? `, and the ${i.uses} people who joined through it lose access at once`
              : ''}
          .
        </ConfirmInline>
      )}
    </li>
  )
}
