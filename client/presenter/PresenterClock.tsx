// The phase, its prompt and the shared timer in type large enough to read from the back of a room.
import { timeLeft, type SessionState } from '../../shared/model/facilitation.ts'
import { clockText } from '../facilitation/sessionRules.ts'
import { useServerNow } from '../facilitation/useServerNow.ts'

/** `offset`: the server's clock minus this device's (facilitation/useServerOffset), so the projector agrees with every screen. */
export function PresenterClock({ session, title, offset }: { session: SessionState | null; title: string; offset: number }) {
  const timer = session?.timer ?? null
  const running = !!timer?.startedAt
  const now = useServerNow(running, offset, timer)
  const phase = session ? session.phases[session.phaseIndex] : undefined
  const left = timer ? timeLeft(timer, now) : null

  return (
    <header className="presenter-head" data-testid="presenter-head">
      <div className="presenter-phase">
        {phase ? (
          <>
            <p className="presenter-step" data-testid="presenter-step">
              Step {session!.phaseIndex + 1} of {session!.phases.length}
            </p>
            <h1 data-testid="presenter-phase">{phase.name}</h1>
            {phase.prompt && <p className="presenter-prompt" data-testid="presenter-prompt">{phase.prompt}</p>}
          </>
        ) : (
          <h1 data-testid="presenter-title">{title}</h1>
        )}
      </div>
      {left !== null && (
        <div className={`presenter-timer ${running ? (left === 0 ? 'done' : 'running') : 'paused'}`} role="timer" data-testid="presenter-timer" data-left-ms={left}>
          {clockText(left)}
          {!running && <span className="presenter-paused">paused</span>}
        </div>
      )}
    </header>
  )
}
