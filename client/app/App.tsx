import { useEffect, useState } from 'react'
import { InvitePage } from '../access/InvitePage.tsx'
import { BoardPage } from '../board/BoardPage.tsx'
import { MapPage } from '../cycles/MapPage.tsx'
import { PresenterPage } from '../presenter/PresenterPage.tsx'
import { getMe, type Me } from '../home/auth.ts'
import { HomePage } from '../home/HomePage.tsx'
import { SignInPage } from '../home/SignInPage.tsx'
import { useRoute } from './useRoute.ts'

/** `undefined` while asking; `null` when the server has no account for this browser. */
type Account = Me | null | undefined

export function App() {
  const [route, navigate] = useRoute()
  const [me, setMe] = useState<Account>(undefined)
  const [needsSignIn, setNeedsSignIn] = useState(false)

  useEffect(() => {
    void getMe().then((r) => {
      if (r.ok) setMe(r.value.user)
      else {
        setMe(null)
        setNeedsSignIn(r.error.status === 401)
      }
    })
  }, [])

  const signedIn = (user: Me) => (setMe(user), setNeedsSignIn(false))
  if (me === undefined) return <p className="loading" aria-live="polite">Loading…</p>
  // An invite link works without an account: it asks for a name, or offers to sign in.
  if (route.name === 'invite') return <InvitePage token={route.token} me={me} navigate={navigate} onAccount={signedIn} />
  if (needsSignIn) return <SignInPage onSignedIn={signedIn} />
  switch (route.name) {
    case 'home':
      return <HomePage navigate={navigate} me={me} onProfile={setMe} />
    case 'map':
      return <MapPage />
    case 'board':
      return <BoardPage key={route.boardId} boardId={route.boardId} navigate={navigate} me={me} />
    case 'present':
      return <PresenterPage key={route.boardId} boardId={route.boardId} me={me} />
    case 'notFound':
      return (
        <main className="page">
          <h1>Page not found</h1>
          <p>
            <a href="/">Go to your boards</a>
          </p>
        </main>
      )
  }
}
