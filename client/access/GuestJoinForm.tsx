// Joining through an invite without an account: only a name and an organisation.
import { useState, type FormEvent } from 'react'

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
      <label>
        <span>Your name, as others see it</span>
        <input
          name="displayName"
          autoComplete="name"
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          required
          maxLength={80}
          data-testid="invite-display-name"
        />
      </label>
      <label>
        <span>
          Organisation <span className="hint">(optional)</span>
        </span>
        <input
          name="organisation"
          autoComplete="organization"
          value={organisation}
          onChange={(e) => setOrganisation(e.target.value)}
          maxLength={120}
          data-testid="invite-organisation"
        />
      </label>
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
