// The invite landing page (/i/<token>): which board, which role, until when; then one button for
// a signed-in account, or a name-and-organisation form for a guest. Dead links say why.
import { useEffect, useState } from 'react'
import { ROLE_LABELS } from '../../shared/access/roles.ts'
import { SCALE_LABELS } from '../../shared/model/cycle.ts'
import { boardPath, invitePath } from '../app/route.ts'
import type { ApiError } from '../home/api.ts'
import type { Me } from '../home/auth.ts'
import { ErrorNote } from '../home/ErrorNote.tsx'
import { SignInPage } from '../home/SignInPage.tsx'
import { acceptInvite, getInvite, type InvitePreview } from './accessApi.ts'
import { GuestJoinForm } from './GuestJoinForm.tsx'
import { inviteProblem, relativeTime } from './invites.ts'
import { ROLE_HELP } from './roleHelp.ts'
import './access.css'

type Props = {
  token: string
  me: Me | null
  navigate: (path: string) => void
  onAccount: (me: Me) => void
}

const isDeadLink = (e: ApiError) => e.status === 404 || e.status === 410

export function InvitePage({ token, me, navigate, onAccount }: Props) {
  const [preview, setPreview] = useState<InvitePreview | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [signingIn, setSigningIn] = useState(() =>
    new URLSearchParams(location.search).has('signin'),
  )

  useEffect(() => {
    let live = true
    void getInvite(token).then((r) => {
      if (!live) return
      if (r.ok) setPreview(r.value)
      else setError(r.error)
    })
    return () => {
      live = false
    }
  }, [token])

  useEffect(() => {
    document.title = preview
      ? `Join ${preview.board.title} · Learning Wall`
      : 'Invite · Learning Wall'
  }, [preview])

  const switchTo = (signin: boolean) => (e: React.MouseEvent) => {
    e.preventDefault()
    history.replaceState(null, '', `${invitePath(token)}${signin ? '?signin' : ''}`)
    setSigningIn(signin)
  }

  const join = async (who: { displayName?: string; organisation?: string }) => {
    setBusy(true)
    setError(null)
    const r = await acceptInvite(token, who)
    setBusy(false)
    if (!r.ok) return setError(r.error)
    onAccount(r.value.user)
    navigate(boardPath(r.value.boardId))
  }

  if (error && isDeadLink(error)) {
    const problem = inviteProblem(error)
    return (
      <main className="page invite-page">
        <div
          className="invite-card"
          role="alert"
          data-testid="invite-problem"
          data-code={error.code}
        >
          <h1>{problem.title}</h1>
          <p>{problem.detail}</p>
          <p>
            <a href="/" onClick={(e) => (e.preventDefault(), navigate('/'))}>
              Go to Learning Wall
            </a>
          </p>
        </div>
      </main>
    )
  }
  if (!preview) {
    return error ? (
      <main className="page invite-page">
        <h1>Could not open this invite</h1>
        <ErrorNote error={error} />
      </main>
    ) : (
      <p className="loading" aria-live="polite">
        Opening the invite…
      </p>
    )
  }

  if (signingIn && (!me || me.kind === 'guest')) {
    return (
      <>
        <p className="invite-back">
          <a href={invitePath(token)} onClick={switchTo(false)}>
            ← Back to the invite to {preview.board.title}
          </a>
        </p>
        <SignInPage
          onSignedIn={(user) => (
            onAccount(user),
            setSigningIn(false),
            history.replaceState(null, '', invitePath(token))
          )}
        />
      </>
    )
  }

  const account = me && me.kind === 'account' ? me : null
  return (
    <main className="page invite-page">
      <div className="invite-card">
        <p className="invite-kicker">You are invited to a Learning Wall board</p>
        <h1 data-testid="invite-board-title">{preview.board.title}</h1>
        <dl className="invite-facts">
          <div>
            <dt>Scale</dt>
            <dd>{SCALE_LABELS[preview.board.scale] ?? preview.board.scale}</dd>
          </div>
          <div>
            <dt>Your role</dt>
            <dd data-testid="invite-role" data-role={preview.role}>
              {ROLE_LABELS[preview.role] ?? preview.role}
              <span className="hint"> · {ROLE_HELP[preview.role]}</span>
            </dd>
          </div>
          <div>
            <dt>Link expires</dt>
            <dd>
              <time
                dateTime={preview.expiresAt}
                title={new Date(preview.expiresAt).toLocaleString()}
              >
                {relativeTime(preview.expiresAt, Date.now())}
              </time>
            </dd>
          </div>
        </dl>
        {error && <ErrorNote error={error} title="Could not join." />}
        {account ? (
          <div className="invite-join">
            <p>
              Signed in as <strong>{account.displayName}</strong>.
            </p>
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void join({})}
              data-testid="invite-join"
            >
              {busy ? 'Joining…' : 'Join board'}
            </button>
          </div>
        ) : (
          <>
            <GuestJoinForm
              initialName={me?.displayName ?? ''}
              busy={busy}
              onJoin={(who) => void join(who)}
            />
            <p className="invite-signin">
              <a
                href={`${invitePath(token)}?signin`}
                onClick={switchTo(true)}
                data-testid="invite-signin-link"
              >
                I have an account: sign in
              </a>
            </p>
          </>
        )}
      </div>
    </main>
  )
}
