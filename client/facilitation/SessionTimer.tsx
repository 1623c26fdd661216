// The shared timer: everyone's clock is computed from the session root's timer (when it started,
// what was left) and the server's time (`offset` from this device's clock), so all screens agree
// and nothing counts locally on its own. Facilitators start,
// pause, extend (+1, +5 min) and reset it. Each person may turn on a soft sound at the end.
import { useEffect, useRef, useState } from 'react'
import { timeLeft, type Timer } from '../../shared/model/facilitation.ts'
import { clockText } from './sessionRules.ts'
import { loadSoundOn, playChime, saveSoundOn } from './endChime.ts'
import type { SessionAction } from './sessionApi.ts'
import { useServerNow } from './useServerNow.ts'

type Props = { timer: Timer | null; offset: number; canRun: boolean; send: (a: SessionAction) => void; busy: boolean }

export function SessionTimer({ timer, offset, canRun, send, busy }: Props) {
  const running = !!timer?.startedAt
  const now = useServerNow(running, offset)
  const left = timer ? timeLeft(timer, now) : 0
  const [soundOn, setSoundOn] = useState(() => loadSoundOn(safeStorage()))
  // One chime per run that reaches zero on this screen (not on opening a board whose time is up).
  const chimed = useRef<string | null>(timer?.startedAt && left === 0 ? timer.startedAt : null)
  useEffect(() => {
    if (!running || left > 0 || chimed.current === timer.startedAt) return
    chimed.current = timer.startedAt
    if (soundOn) playChime()
  }, [running, left, timer, soundOn])

  if (!timer) return null
  const state = running ? (left === 0 ? 'done' : 'running') : 'paused'
  return (
    <div className="session-timer" role="group" aria-label="Timer" data-testid="session-timer" data-state={state} data-left-ms={left}>
      <span className={`timer-clock ${state}`} data-testid="timer-clock" role="timer" aria-live={left === 0 ? 'polite' : 'off'}>
        {clockText(left)}
      </span>
      {left === 0 && running && <span className="timer-up">Time is up</span>}
      {canRun && (
        <>
          {running ? (
            <button type="button" onClick={() => send({ action: 'timer', op: 'pause' })} disabled={busy} data-testid="timer-pause">
              Pause
            </button>
          ) : (
            <button type="button" onClick={() => send({ action: 'timer', op: 'start' })} disabled={busy || left === 0} data-testid="timer-start">
              Start
            </button>
          )}
          <button type="button" onClick={() => send({ action: 'timer', op: 'extend', ms: 60_000 })} disabled={busy} data-testid="timer-extend-1" title="Add one minute">
            +1 min
          </button>
          <button type="button" onClick={() => send({ action: 'timer', op: 'extend', ms: 5 * 60_000 })} disabled={busy} data-testid="timer-extend-5" title="Add five minutes">
            +5 min
          </button>
          <button type="button" onClick={() => send({ action: 'timer', op: 'reset' })} disabled={busy} data-testid="timer-reset">
            Reset
          </button>
        </>
      )}
      <label className="timer-sound" title="Play a soft sound on this device when the time is up">
        <input
          type="checkbox"
          checked={soundOn}
          onChange={(e) => {
            setSoundOn(e.target.checked)
            saveSoundOn(safeStorage(), e.target.checked)
          }}
          data-testid="timer-sound"
        />
        Sound at the end
      </label>
    </div>
  )
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}
