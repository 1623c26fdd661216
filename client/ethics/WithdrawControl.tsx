// Withdraw a story: the person it came from takes it back. The server erases it from this board,
// from cards on other boards that quoted it and from stored history; only a mark remains.
import { useState } from 'react'
import { can } from '../../shared/access/roles.ts'
import type { BoardSession } from '../board/createSession.ts'
import { useStore } from '../store/useStore.ts'
import { withdrawStory } from './storiesApi.ts'
import { useIsAuthor } from './useIsAuthor.ts'

/** Shown to facilitators and owners, and to the story's author (as the server recorded it). */
export function WithdrawControl({ session, storyId }: { session: BoardSession; storyId: string }) {
  const role = useStore(session.access, (a) => a.role)
  const steering = can(role, 'withdrawStories')
  const isAuthor = useIsAuthor(session.boardId, storyId, steering)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (!isAuthor && !steering) return null
  const withdraw = async () => {
    const sure = window.confirm(
      'Withdraw this story? Its text and details are erased from this board, from cards on linked boards that quoted it and from the board’s history. This cannot be undone.',
    )
    if (!sure) return
    setBusy(true)
    setError(null)
    const result = await withdrawStory(session.boardId, storyId)
    setBusy(false)
    if (!result.ok) return setError(result.error.message)
    session.ui.setState({ selection: new Set(), notice: 'The story was withdrawn and erased.' })
  }
  return (
    <div className="withdraw-control">
      <button type="button" className="danger" disabled={busy} onClick={() => void withdraw()}>
        {busy ? 'Withdrawing…' : 'Withdraw story…'}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
