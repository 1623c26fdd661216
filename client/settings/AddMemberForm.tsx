// Add an account to the board by email, with a role the manager may give.
import { useState, type FormEvent } from 'react'
import type { Role } from '../../shared/access/roles.ts'
import { addMember } from '../access/accessApi.ts'
import { assignableRoles } from '../access/people.ts'
import type { ApiError } from '../home/api.ts'
import { ErrorNote } from '../home/ErrorNote.tsx'
import { RoleSelect } from './RoleSelect.tsx'

export function AddMemberForm({
  boardId,
  actor,
  onAdded,
}: {
  boardId: string
  actor: Role | null
  onAdded: () => void
}) {
  const roles = assignableRoles(actor)
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<Role>(
    roles.includes('contributor') ? 'contributor' : (roles[roles.length - 1] ?? 'observer'),
  )
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  if (roles.length === 0) return null

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    const r = await addMember(boardId, email.trim(), role)
    setBusy(false)
    if (!r.ok) return setError(r.error)
    setEmail('')
    onAdded()
  }

  return (
    <form className="people-form" onSubmit={submit} aria-labelledby="add-member-heading">
      <h3 id="add-member-heading" className="visually-hidden">
        Add a member by email
      </h3>
      <label className="grow">
        Add someone with an account (email)
        <input
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
          autoComplete="off"
          data-testid="add-member-email"
        />
      </label>
      <RoleSelect roles={roles} value={role} onChange={setRole} testId="add-member-role" />
      <button type="submit" disabled={busy || email.trim() === ''} data-testid="add-member-submit">
        {busy ? 'Adding…' : 'Add member'}
      </button>
      {error && <ErrorNote error={error} title="Could not add them." />}
    </form>
  )
}
