// Sign in, or create an account, before opening boards.
import { useState, type FormEvent } from 'react'
import { signIn, signUp, type Me } from './auth.ts'
import type { ApiError } from './api.ts'
import { ErrorNote } from './ErrorNote.tsx'

export function SignInPage({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [mode, setMode] = useState<'signin' | 'signup'>('signin')
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [organisation, setOrganisation] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    const r = mode === 'signin' ? await signIn(email, password) : await signUp({ email, password, displayName, organisation })
    setBusy(false)
    if (r.ok) onSignedIn(r.value.user)
    else setError(r.error)
  }

  return (
    <main className="page sign-in">
      <h1>Learning Wall</h1>
      {/* What this is, before asking for anything: a person sent here by a link may not know. */}
      <p className="product-intro" data-testid="product-intro">
        A shared wall for making sense of people’s stories together: write them down, group them into patterns, and carry what
        helps or gets in the way up to the people who can change it, seeing their answer back on your wall.
      </p>
      <form className="create-board" onSubmit={submit} aria-labelledby="sign-in-heading">
        <h2 id="sign-in-heading">{mode === 'signin' ? 'Sign in' : 'Create an account'}</h2>
        <label>
          Email
          <input type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
        </label>
        <label>
          Password {mode === 'signup' && <span className="hint">(at least 10 characters)</span>}
          <input type="password" autoComplete={mode === 'signin' ? 'current-password' : 'new-password'} value={password} onChange={(e) => setPassword(e.target.value)} required minLength={mode === 'signup' ? 10 : 1} />
        </label>
        {mode === 'signup' && (
          <>
            <label>
              Your name, as others see it
              <input autoComplete="name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} required maxLength={80} />
            </label>
            <label>
              Organisation <span className="hint">(optional)</span>
              <input autoComplete="organization" value={organisation} onChange={(e) => setOrganisation(e.target.value)} maxLength={120} />
            </label>
          </>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {mode === 'signin' ? 'Sign in' : 'Create account'}
        </button>
        {error && <ErrorNote error={error} />}
        <button type="button" className="link-button" onClick={() => (setMode(mode === 'signin' ? 'signup' : 'signin'), setError(null))}>
          {mode === 'signin' ? 'No account yet? Create one' : 'Have an account? Sign in'}
        </button>
      </form>
    </main>
  )
}
