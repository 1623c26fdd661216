// Create an invite link: a role, a life in hours or days, an optional use limit. The full link is
// shown once (only its hash is stored on the server) with a copy button.
import { useState, type FormEvent } from 'react'
import type { InviteRole, Role } from '../../shared/access/roles.ts'
import { createInvite } from '../access/accessApi.ts'
import { expiryHours, inviteLink, parseMaxUses, type ExpiryUnit } from '../access/invites.ts'
import { inviteRolesFor } from '../access/people.ts'
import type { ApiError } from '../home/api.ts'
import { ErrorNote } from '../home/ErrorNote.tsx'
import { RoleSelect } from './RoleSelect.tsx'
import { CreatedLink } from './CreatedLink.tsx'

export function CreateInviteForm({
  boardId,
  actor,
  onCreated,
}: {
  boardId: string
  actor: Role | null
  onCreated: () => void
}) {
  const roles = inviteRolesFor(actor)
  const [role, setRole] = useState<InviteRole>('contributor')
  const [amount, setAmount] = useState('3')
  const [unit, setUnit] = useState<ExpiryUnit>('days')
  const [maxUses, setMaxUses] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [created, setCreated] = useState<{ link: string; role: InviteRole } | null>(null)
  if (roles.length === 0) return null

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const hours = expiryHours(amount, unit)
    const uses = parseMaxUses(maxUses)
    if (!hours.ok) return setProblem(hours.message)
    if (!uses.ok) return setProblem(uses.message)
    setProblem(null)
    setError(null)
    setBusy(true)
    const r = await createInvite(boardId, {
      role,
      expiresInHours: hours.hours,
      maxUses: uses.maxUses,
    })
    setBusy(false)
    if (!r.ok) return setError(r.error)
    setCreated({ link: inviteLink(location.origin, r.value.token), role: r.value.invite.role })
    onCreated()
  }

  return (
    <>
      <form
        className="people-form"
        onSubmit={submit}
        aria-labelledby="create-invite-heading"
        data-testid="create-invite-form"
        noValidate
      >
        <h3 id="create-invite-heading" className="visually-hidden">
          Create an invite link
        </h3>
        <RoleSelect roles={roles} value={role} onChange={setRole} testId="invite-create-role" />
        <label>
          Expires after
          <input
            type="number"
            min="1"
            step="any"
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            data-testid="invite-create-expiry"
            aria-describedby={problem ? 'invite-problem' : undefined}
          />
        </label>
        <label>
          <span className="visually-hidden">Expiry unit</span>
          <select
            value={unit}
            onChange={(e) => setUnit(e.target.value as ExpiryUnit)}
            data-testid="invite-create-unit"
            aria-label="Expiry unit"
          >
            <option value="hours">hours</option>
            <option value="days">days</option>
          </select>
        </label>
        <label>
          <span>
            Max uses <span className="hint">(optional)</span>
          </span>
          <input
            type="number"
            min="1"
            step="1"
            inputMode="numeric"
            value={maxUses}
            onChange={(e) => setMaxUses(e.target.value)}
            placeholder="No limit"
            data-testid="invite-create-max-uses"
          />
        </label>
        <button
          type="submit"
          className="primary"
          disabled={busy}
          data-testid="invite-create-submit"
        >
          {busy ? 'Creating…' : 'Create link'}
        </button>
        {problem && (
          <p id="invite-problem" className="field-error" role="alert">
            {problem}
          </p>
        )}
        {error && <ErrorNote error={error} title="Could not create the link." />}
      </form>
      {created && (
        <CreatedLink
          key={created.link}
          link={created.link}
          role={created.role}
          onDismiss={() => setCreated(null)}
        />
      )}
    </>
  )
}
