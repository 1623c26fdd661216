// The profile menu on the home page: change the name others see and the organisation, or sign
// out. A popover that takes the focus, closes on Escape or outside click and gives it back.
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { updateProfile } from '../access/accessApi.ts'
import { PersonFields } from '../access/PersonFields.tsx'
import type { ApiError } from '../home/api.ts'
import { signOut, type Me } from '../home/auth.ts'
import { signOutOfDevice } from '../access/signOut.ts'
import { ErrorNote } from '../home/ErrorNote.tsx'
import './settings.css'

export function ProfileMenu({ me, onChanged }: { me: Me; onChanged: (me: Me) => void }) {
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const box = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    const onDown = (e: PointerEvent) => {
      if (
        e.target instanceof Node &&
        !box.current?.contains(e.target) &&
        !button.current?.contains(e.target)
      )
        setOpen(false)
    }
    document.addEventListener('pointerdown', onDown)
    return () => document.removeEventListener('pointerdown', onDown)
  }, [open])

  const close = () => {
    setOpen(false)
    button.current?.focus()
  }

  return (
    <div className="profile">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="profile-popover"
        onClick={() => setOpen(!open)}
        data-testid="profile-menu-button"
      >
        {me.displayName} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          id="profile-popover"
          ref={box}
          className="profile-popover"
          role="dialog"
          aria-labelledby="profile-heading"
          onKeyDown={(e) => e.key === 'Escape' && close()}
        >
          <ProfileForm me={me} onSaved={(user) => (onChanged(user), close())} />
          <div className="actions">
            <span className="hint">{me.kind === 'guest' ? 'Guest access' : me.email}</span>
            <button
              type="button"
              onClick={() => void signOutOfDevice(signOut).then(() => location.assign('/'))}
              data-testid="profile-signout"
            >
              Sign out
            </button>
          </div>
        </div>
      )}
    </div>
  )
}

function ProfileForm({ me, onSaved }: { me: Me; onSaved: (me: Me) => void }) {
  const [displayName, setDisplayName] = useState(me.displayName)
  const [organisation, setOrganisation] = useState(me.organisation)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    const r = await updateProfile({
      displayName: displayName.trim(),
      organisation: organisation.trim(),
    })
    setBusy(false)
    if (r.ok) onSaved(r.value.user)
    else setError(r.error)
  }
  return (
    <form onSubmit={submit} className="profile-form" style={{ display: 'grid', gap: '0.7rem' }}>
      <h2 id="profile-heading">Your profile</h2>
      <PersonFields
        displayName={displayName}
        organisation={organisation}
        onDisplayName={setDisplayName}
        onOrganisation={setOrganisation}
        testIdPrefix="profile"
        autoFocus
      />
      <button
        type="submit"
        className="primary"
        disabled={busy || displayName.trim() === ''}
        data-testid="profile-save"
      >
        {busy ? 'Saving…' : 'Save'}
      </button>
      {error && <ErrorNote error={error} title="Could not save." />}
    </form>
  )
}
