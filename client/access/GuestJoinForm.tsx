// Joining through an invite without an account: only a name and an organisation.
import { useState, type FormEvent } from 'react'
import { PersonFields } from './PersonFields.tsx'

type Props = {
  initialName?: string
  busy: boolean
  onJoin: (who: { displayName: string; organisation: string }) => void
}

export function GuestJoinForm({ initialName = '', busy, onJoin }: Props) {
  const [displayName, setDisplayName] = useState(initialName)
  const [organisation, setOrganisation] = useState('')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (displayName.trim())
      onJoin({ displayName: displayName.trim(), organisation: organisation.trim() })
  }
  return (
    <form
      className="invite-form"
      onSubmit={submit}
      aria-labelledby="guest-join-heading"
      data-testid="invite-form"
    >
      <h2 id="guest-join-heading">Join as a guest</h2>
      <p className="hint">No account needed. Your access ends when this link expires.</p>
      <PersonFields
        displayName={displayName}
        organisation={organisation}
        onDisplayName={setDisplayName}
        onOrganisation={setOrganisation}
        testIdPrefix="invite"
      />
      <button
        type="submit"
        className="primary"
        disabled={busy || displayName.trim() === ''}
        data-testid="invite-submit"
      >
        {busy ? 'Joining…' : 'Join board'}
      </button>
    </form>
  )
}
