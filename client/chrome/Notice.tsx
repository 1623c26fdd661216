// A short message about an action that could not be done (an op returned an error).
import { useEffect } from 'react'
import type { BoardSession } from '../board/createSession.ts'
import { useStore } from '../store/useStore.ts'

export function Notice({ session }: { session: BoardSession }) {
  const notice = useStore(session.ui, (s) => s.notice)
  useEffect(() => {
    if (!notice) return
    const t = setTimeout(() => session.ui.setState({ notice: null }), 5000)
    return () => clearTimeout(t)
  }, [notice, session])
  return (
    <div className="notice" role="status" aria-live="polite">
      {notice}
    </div>
  )
}
