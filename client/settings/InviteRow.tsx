// One invite link: its role, state, uses and how many are members through it now, and two actions
// in plain words: stop (or allow again) new joins, which nobody loses access by, and remove
// everyone who joined through it, asked once more in place with the number of people it removes.
import { useState } from 'react'
import { ROLE_LABELS } from '../../shared/access/roles.ts'
import type { Invite } from '../access/accessApi.ts'
import { INVITE_STATE_LABELS, inviteState, relativeTime, removeAction, removeQuestion, usesText } from '../access/invites.ts'
import { ConfirmInline } from './ConfirmInline.tsx'

export function InviteRow({
  invite: i,
  now,
  busy,
  onPause,
  onRevoke,
}: {
  invite: Invite
  now: number
  busy: boolean
  onPause: (disabled: boolean) => void
  onRevoke: () => void
}) {
  const [confirming, setConfirming] = useState(false)
  const state = inviteState(i, now)
  const ends =
    state === 'expired'
      ? `expired ${relativeTime(i.expiresAt, now)}`
      : `expires ${relativeTime(i.expiresAt, now)}`
  const label = `${ROLE_LABELS[i.role]} link created ${relativeTime(i.createdAt, now)}`
  const members = i.members ?? 0
  return (
    <li className="person-row" data-testid="invite-row" data-invite-id={i.id} data-state={state}>
      <div className="who">
        <span className="name">
          {ROLE_LABELS[i.role] ?? i.role}
          <span className={`invite-state ${state}`}>{INVITE_STATE_LABELS[state]}</span>
        </span>
        <span className="meta">
          {usesText(i)} · <span data-testid="invite-members">{members === 1 ? '1 member' : `${members} members`} through it now</span> ·{' '}
          {state === 'revoked' && i.revokedAt ? `revoked ${relativeTime(i.revokedAt, now)}` : ends}{' '}
          · created {relativeTime(i.createdAt, now)}
        </span>
      </div>
      <div className="controls">
        {state !== 'revoked' && (
          <>
            <button
              type="button"
              disabled={busy}
              onClick={() => onPause(state !== 'paused')}
              aria-label={`${state === 'paused' ? 'Allow new joins' : 'Stop new joins'}: ${label}`}
              data-testid="invite-pause"
            >
              {state === 'paused' ? 'Allow new joins' : 'Stop new joins'}
            </button>
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => setConfirming(true)}
              aria-label={`Remove everyone who joined: ${label}`}
              data-testid="invite-revoke"
            >
              Remove everyone who joined…
            </button>
          </>
        )}
      </div>
      {confirming && (
        <ConfirmInline label="Confirm removing everyone who joined through this link" action={removeAction(members)} testId="invite-revoke-confirm" onConfirm={onRevoke} onCancel={() => setConfirming(false)}>
          {removeQuestion(members)}
        </ConfirmInline>
      )}
    </li>
  )
}
