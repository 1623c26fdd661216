// The facilitator's attention controls: follow me, bring everyone here, spotlight the selected
// pattern, hide everyone's cursors. Facilitators and owners only (the server checks again).
import { useState } from 'react'
import { can } from '../../shared/access/roles.ts'
import type { BoardSession } from '../board/createSession.ts'
import { sendSession, type SessionAction } from '../facilitation/sessionApi.ts'
import { useStore } from '../store/useStore.ts'
import type { Attention } from './attention.ts'
import { centreOf } from './viewMath.ts'
import './attention.css'

export function AttentionControls({
  session,
  attention,
}: {
  session: BoardSession
  attention: Attention
}) {
  const role = useStore(session.access, (a) => a.role)
  const state = useStore(attention, (a) => a.session)
  const leading = useStore(attention, (a) => a.role === 'leading')
  const selected = useStore(session.ui, (u) => u.selectedPattern)
  const [error, setError] = useState<string | null>(null)
  if (!can(role, 'manageMembers')) return null

  const send = async (action: SessionAction) => {
    const r = await sendSession(session.boardId, action)
    setError(r.ok ? null : r.error.message)
  }
  const summon = () => {
    const { camera, viewport } = session.ui.getState()
    const c = centreOf(camera, viewport)
    void send({ action: 'summon', x: Math.round(c.x), y: Math.round(c.y), zoom: camera.zoom })
  }
  const spotlight = state?.spotlight ?? null
  const hidden = state?.hideCursors ?? false
  const someoneElse = state?.follow && !leading ? state.follow.name : null

  return (
    <div className="board-attention">
      <span className="board-attention-label" id="attention-label">
        Attention
      </span>
      <div
        className="attention-controls"
        role="group"
        aria-labelledby="attention-label"
        data-testid="attention-controls"
      >
        <button
          type="button"
          aria-pressed={leading}
          onClick={() =>
            void send({
              action: 'follow',
              clientId: leading || someoneElse ? null : session.provider.awareness.clientID,
            })
          }
          data-testid="follow-me"
          title={
            someoneElse
              ? `The room follows ${someoneElse}`
              : 'Everyone’s view follows yours until you stop'
          }
        >
          {leading ? 'Stop follow me' : someoneElse ? `Stop following ${someoneElse}` : 'Follow me'}
        </button>
        <button
          type="button"
          onClick={summon}
          data-testid="summon"
          title="Move everyone’s view to yours, once"
        >
          Bring everyone here
        </button>
        {spotlight ? (
          <button
            type="button"
            aria-pressed
            onClick={() => void send({ action: 'spotlight', patternId: null })}
            data-testid="spotlight-clear"
          >
            Clear spotlight
          </button>
        ) : (
          <button
            type="button"
            disabled={!selected}
            onClick={() => selected && void send({ action: 'spotlight', patternId: selected })}
            data-testid="spotlight"
            title={
              selected
                ? 'Centre everyone on the selected pattern and dim the rest'
                : 'Select a pattern to spotlight it'
            }
          >
            Spotlight pattern
          </button>
        )}
        <button
          type="button"
          aria-pressed={hidden}
          onClick={() => void send({ action: 'cursors', hidden: !hidden })}
          data-testid="hide-cursors"
        >
          {hidden ? 'Show cursors' : 'Hide cursors'}
        </button>
        {error && (
          <span className="attention-error" role="alert" data-testid="attention-error">
            {error}
          </span>
        )}
      </div>
    </div>
  )
}
