// Dot voting for the whole board: facilitators and owners open a vote (votes per person, most per
// pattern) and close it; everyone sees whether a vote is open and how many votes they have left;
// after the close, how many voted. Refusals show here until the next success.
import { useEffect, useState, type FormEvent } from 'react'
import type { BoardSession } from '../board/createSession.ts'
import { useStore } from '../store/useStore.ts'
import { useVoteView } from './VoteControls.tsx'
import { votesLeftText, voteSettingsFrom } from './voteView.ts'
import './vote.css'

export function VoteBar({ session }: { session: BoardSession }) {
  const v = useVoteView(session)
  const error = useStore(session.vote, (s) => s.error)
  const busy = useStore(session.vote, (s) => s.busy)
  const totals = useStore(session.vote, (s) => s.docSession?.totals ?? null)
  const [setup, setSetup] = useState(false)
  const sum = totals ? Object.values(totals).reduce((a, b) => a + b, 0) : 0
  useEffect(() => {
    if (!error) return
    const t = setTimeout(() => session.vote.setState({ error: null }), 8000)
    return () => clearTimeout(t)
  }, [error, session])
  return (
    <div className="vote-bar" role="group" aria-label="Dot vote" data-testid="vote-bar" data-phase={v.phase}>
      {v.phase === 'open' && (
        <>
          <span className="vote-state open">Dot vote open</span>
          {v.canVote && (
            <span className="votes-left" data-testid="votes-left" aria-live="polite" data-remaining={v.remaining ?? ''}>
              {votesLeftText(v)}
            </span>
          )}
          {v.canManage && (
            <button type="button" onClick={() => void session.vote.close()} disabled={busy} data-testid="vote-close">
              Close vote
            </button>
          )}
        </>
      )}
      {v.phase === 'closed' && (
        <span className="vote-state" data-testid="vote-result">
          Vote closed: {sum} {sum === 1 ? 'vote' : 'votes'} from {v.voters ?? 0} {v.voters === 1 ? 'person' : 'people'}
        </span>
      )}
      {v.phase !== 'open' && v.canManage && (
        <button type="button" onClick={() => setSetup(!setup)} aria-expanded={setup} data-testid="vote-setup">
          {v.phase === 'closed' ? 'New dot vote…' : 'Start a dot vote…'}
        </button>
      )}
      {setup && v.phase !== 'open' && <OpenVoteForm session={session} done={() => setSetup(false)} />}
      <div className="vote-error-slot" role="alert">
        {error && (
          <span className="vote-error" data-testid="vote-error">
            {error}
            <button type="button" className="link-button" onClick={() => session.vote.setState({ error: null })} aria-label="Dismiss">
              ×
            </button>
          </span>
        )}
      </div>
    </div>
  )
}

function OpenVoteForm({ session, done }: { session: BoardSession; done: () => void }) {
  const [perPerson, setPerPerson] = useState('3')
  const [maxPerPattern, setMaxPerPattern] = useState('')
  const settings = voteSettingsFrom(perPerson, maxPerPattern)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!settings) return
    // A refusal shows in the bar's alert; the form stays open to try again.
    if ((await session.vote.open(settings)) === null) done()
  }
  return (
    <form className="vote-setup" onSubmit={(e) => void submit(e)} aria-label="Open a dot vote">
      <label>
        Votes each
        <input type="number" min={1} max={50} value={perPerson} onChange={(e) => setPerPerson(e.target.value)} data-testid="vote-per-person" />
      </label>
      <label>
        Most on one pattern
        <input type="number" min={1} max={50} value={maxPerPattern} placeholder="no limit" onChange={(e) => setMaxPerPattern(e.target.value)} data-testid="vote-max-per-pattern" />
      </label>
      <button type="submit" className="primary" disabled={!settings} data-testid="vote-open">
        Open vote
      </button>
      <button type="button" onClick={done}>
        Cancel
      </button>
    </form>
  )
}
