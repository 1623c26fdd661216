// The session bar under the board bar while a session runs. Facilitators step through its
// phases, run the timer, end private writing (reveal) and lock the board or the selection.
// Everyone else sees the current phase, its prompt, the timer and what is locked. It also keeps
// the lock gate attached for the whole board screen.
import { useEffect, useState } from 'react'
import type { BoardSession } from '../board/createSession.ts'
import { Icon } from '../chrome/Icon.tsx'
import { ConfirmInline } from '../settings/ConfirmInline.tsx'
import { useStore } from '../store/useStore.ts'
import { attachLockGate } from './lockGate.ts'
import { sendSession, type SessionAnswer, type SessionAction } from './sessionApi.ts'
import { runsSessions, writesPrivately } from './sessionRules.ts'
import { SessionTimer } from './SessionTimer.tsx'
import { useServerOffset } from './useServerOffset.ts'
import { useSession } from './useSession.ts'
import './facilitation.css'

export function SessionBar({ session }: { session: BoardSession }) {
  const { session: state, phase, phaseIndex, template } = useSession(session.doc)
  const role = useStore(session.access, (a) => (a.endedBy === null ? a.role : null))
  const facilitator = runsSessions(role)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const offset = useServerOffset(session.boardId)

  useEffect(() => attachLockGate(session), [session])

  const send = (action: SessionAction) => {
    setBusy(true)
    void sendSession(session.boardId, action).then((r) => {
      setBusy(false)
      setError(r.ok ? null : r.error.message)
      if (r.ok && (r.value.revealed > 0 || r.value.refused)) session.ui.setState({ notice: revealNotice(r.value) })
    })
  }

  // Starting is in the board bar (SessionStart); without a session there is nothing to show here.
  // Attention alone (follow me, spotlight, hidden cursors) keeps a state with no method: no bar.
  if (!state || state.phases.length === 0) return null
  const last = state.phases.length - 1
  return (
    <section className="session-bar" aria-label="Facilitated session" data-testid="session-bar" data-phase={phase?.id ?? ''} data-phase-index={phaseIndex} data-private={state.private} data-locked={state.locked}>
      <div className="session-row">
        <span className="session-method">{state.templateName || template?.name || state.templateId}</span>
        <ol className="session-phases" aria-label="Phases">
          {state.phases.map((p, i) => (
            <li key={p.id} aria-current={i === phaseIndex ? 'step' : undefined} className={i === phaseIndex ? 'current' : i < phaseIndex ? 'done' : ''}>
              {facilitator ? (
                <button type="button" onClick={() => send({ action: 'phase', index: i })} disabled={busy || i === phaseIndex} data-testid="session-phase" data-index={i}>
                  {p.name}
                </button>
              ) : (
                <span>{p.name}</span>
              )}
            </li>
          ))}
        </ol>
        <SessionTimer timer={state.timer} offset={offset} canRun={facilitator} send={send} busy={busy} />
        {state.private && (
          <span className="session-badge private" data-testid="private-badge" title="New stories stay private to their author until the facilitator reveals them.">
            Private writing
          </span>
        )}
        {state.locked && (
          <span className="session-badge locked" data-testid="lock-badge" title="Only facilitators can change the board now.">
            <Icon name="lock" /> Board locked
          </span>
        )}
        {!state.locked && state.lockedItems.length > 0 && (
          <span className="session-badge locked" data-testid="locked-items" data-count={state.lockedItems.length}>
            <Icon name="lock" /> {state.lockedItems.length} locked {state.lockedItems.length === 1 ? 'item' : 'items'}
          </span>
        )}
      </div>
      <div className="session-row">
        <p className="session-prompt" data-testid="session-prompt">
          <strong data-testid="session-phase-name">
            {phaseIndex + 1}/{state.phases.length} {phase?.name}
          </strong>{' '}
          {phase?.prompt}
          {phase && phase.minutes > 0 && <span className="session-minutes"> · about {phase.minutes} min</span>}
        </p>
        {phase?.voting && facilitator && <span className="session-hint">Open a dot vote in the bar above.</span>}
        {writesPrivately(state, role) && <span className="session-hint">Write in your private notes; they join the board on reveal.</span>}
        {facilitator && (
          <FacilitatorControls session={session} send={send} busy={busy} locked={state.locked} lockedItems={state.lockedItems} isPrivate={state.private} prev={phaseIndex > 0 ? phaseIndex - 1 : null} next={phaseIndex < last ? phaseIndex + 1 : null} />
        )}
      </div>
      <div role="alert" className="session-error-slot">
        {error && (
          <span className="session-error" data-testid="session-error">
            {error}
          </span>
        )}
      </div>
    </section>
  )
}

type ControlProps = {
  session: BoardSession
  send: (a: SessionAction) => void
  busy: boolean
  locked: boolean
  lockedItems: readonly string[]
  isPrivate: boolean
  prev: number | null
  next: number | null
}

function FacilitatorControls({ session, send, busy, locked, lockedItems, isPrivate, prev, next }: ControlProps) {
  const selection = useStore(session.ui, (s) => s.selection)
  const selectedPattern = useStore(session.ui, (s) => s.selectedPattern)
  const [ending, setEnding] = useState(false)
  const chosen = [...selection, ...(selectedPattern ? [selectedPattern] : [])]
  const lockedSet = new Set(lockedItems)
  const anyChosenLocked = chosen.some((id) => lockedSet.has(id))
  const allChosenLocked = chosen.length > 0 && chosen.every((id) => lockedSet.has(id))
  return (
    <div className="session-controls" role="group" aria-label="Run the session">
      <button type="button" onClick={() => prev !== null && send({ action: 'phase', index: prev })} disabled={busy || prev === null} data-testid="session-prev">
        ← Previous
      </button>
      <button type="button" className="primary" onClick={() => next !== null && send({ action: 'phase', index: next })} disabled={busy || next === null} data-testid="session-next">
        Next phase →
      </button>
      {isPrivate ? (
        <button type="button" onClick={() => send({ action: 'reveal' })} disabled={busy} data-testid="session-reveal">
          Reveal private stories
        </button>
      ) : (
        <button type="button" onClick={() => send({ action: 'private', on: true })} disabled={busy} data-testid="session-private">
          Private writing
        </button>
      )}
      <button type="button" onClick={() => send({ action: 'lock', on: !locked })} disabled={busy} aria-pressed={locked} data-testid="lock-board">
        {locked ? 'Unlock board' : 'Lock board'}
      </button>
      {chosen.length > 0 && !allChosenLocked && (
        <button type="button" onClick={() => send({ action: 'lock', on: true, items: chosen })} disabled={busy} data-testid="lock-selection">
          Lock selected ({chosen.length})
        </button>
      )}
      {anyChosenLocked && (
        <button type="button" onClick={() => send({ action: 'lock', on: false, items: chosen })} disabled={busy} data-testid="unlock-selection">
          Unlock selected
        </button>
      )}
      {lockedItems.length > 0 && (
        <button type="button" className="link-button" onClick={() => send({ action: 'lock', on: false, items: [...lockedItems] })} disabled={busy} data-testid="unlock-items">
          Unlock all items
        </button>
      )}
      <button type="button" onClick={() => setEnding(true)} disabled={busy || ending} aria-expanded={ending} data-testid="session-end">
        End session
      </button>
      {/* Asked in the page, in the app's words (never the browser's own confirm box). */}
      {ending && (
        <ConfirmInline label="Confirm ending the session" action="End session" testId="session-end-confirm" onConfirm={() => send({ action: 'end' })} onCancel={() => setEnding(false)}>
          End the session? Private stories are revealed and locks are lifted.
        </ConfirmInline>
      )}
    </div>
  )
}

/** What a reveal did, in a sentence: stories now on the board, and drafts it could not take. */
export function revealNotice(a: Pick<SessionAnswer, 'revealed' | 'refused'>): string {
  const shown = `${a.revealed} private ${a.revealed === 1 ? 'story is' : 'stories are'} on the board now.`
  const refused = a.refused ?? 0
  return refused > 0 ? `${shown} ${refused} ${refused === 1 ? 'draft was' : 'drafts were'} not taken (withdrawn or invalid).` : shown
}
