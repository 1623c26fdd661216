// "Run a session…" in the board bar for facilitators while no session runs: choose a method
// template (its phases and total time shown) and start it. The session bar takes over from there.
import { useState, type FormEvent } from 'react'
import type { BoardSession } from '../board/createSession.ts'
import { useLoad } from '../cycles/useLoad.ts'
import { useStore } from '../store/useStore.ts'
import { listTemplates, sendSession } from './sessionApi.ts'
import { runsSessions } from './sessionRules.ts'
import { useSession } from './useSession.ts'
import './facilitation.css'

export function SessionStart({ session }: { session: BoardSession }) {
  const { session: state } = useSession(session.doc)
  const role = useStore(session.access, (a) => (a.endedBy === null ? a.role : null))
  const [open, setOpen] = useState(false)
  if ((state && state.phases.length > 0) || !runsSessions(role)) return null
  return (
    <div className="session-start">
      <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} data-testid="session-setup">
        Run a session…
      </button>
      {open && <StartForm session={session} done={() => setOpen(false)} />}
    </div>
  )
}

function StartForm({ session, done }: { session: BoardSession; done: () => void }) {
  const templates = useLoad(listTemplates, 'templates')
  const [choice, setChoice] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const list = templates.value?.templates ?? []
  const chosen = list.find((t) => t.id === choice) ?? list[0]
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!chosen) return
    setBusy(true)
    const r = await sendSession(session.boardId, { action: 'start', templateId: chosen.id })
    setBusy(false)
    if (r.ok) done()
    else setError(r.error.message)
  }
  const problem = error ?? templates.error?.message ?? null
  return (
    <form className="session-start-form" onSubmit={(e) => void submit(e)} aria-label="Start a facilitated session">
      <label>
        Method
        <select value={chosen?.id ?? ''} onChange={(e) => setChoice(e.target.value)} data-testid="session-template" disabled={!list.length}>
          {list.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      {chosen && (
        <p className="session-template-summary" data-testid="session-template-summary">
          {chosen.phases.map((p) => p.name).join(' → ')} · {chosen.phases.reduce((n, p) => n + p.minutes, 0)} min
          {chosen.description && <span className="session-minutes"> — {chosen.description}</span>}
        </p>
      )}
      <div className="session-start-actions">
        <button type="submit" className="primary" disabled={busy || !chosen} data-testid="session-start">
          Start session
        </button>
        <button type="button" onClick={done}>
          Cancel
        </button>
      </div>
      {problem && (
        <p className="session-error" role="alert" data-testid="session-error">
          {problem}
        </p>
      )}
    </form>
  )
}
