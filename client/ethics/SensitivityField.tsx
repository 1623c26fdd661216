// A story's sensitivity decides what travels to linked boards, so every change of it is a server
// operation (`PUT …/sensitivity`: role checked, audited); the board refuses it as a write. To or
// from restricted the server also moves the content between the board and its restricted room.
import { useState } from 'react'
import { can } from '../../shared/access/roles.ts'
import { SENSITIVITIES, type Sensitivity } from '../../shared/model/story.ts'
import type { BoardSession } from '../board/createSession.ts'
import { useStore } from '../store/useStore.ts'
import { setSensitivity } from './storiesApi.ts'
import './ethics.css'

export const SENSITIVITY_HELP: Record<Sensitivity, string> = {
  working: 'Working: may travel to linked boards as a summary',
  confidential: 'Confidential: stays on this board; promotion carries counts only',
  restricted: 'Restricted: never leaves this board; its content is kept from everyone but facilitators and owners',
}

type Props = { session: BoardSession; storyId: string; sensitivity: Sensitivity; disabled?: boolean }

export function SensitivityField({ session, storyId, sensitivity, disabled = false }: Props) {
  const role = useStore(session.access, (a) => a.role)
  // Only those who can see a restricted story may lower it (the server checks this too).
  const locked = sensitivity === 'restricted' && !can(role, 'seeRestricted')
  const [busy, setBusy] = useState<null | 'moving' | 'saving'>(null)
  const [error, setError] = useState<string | null>(null)
  const change = async (to: Sensitivity) => {
    setError(null)
    if (to === sensitivity) return
    const moves = to === 'restricted' || sensitivity === 'restricted'
    const warning =
      to === 'restricted'
        ? 'Restrict this story? Its text and fields move out of the shared board: only facilitators and owners will see them.'
        : 'Lower this story? Its text and fields return to the shared board, where every member sees them.'
    if (moves && !window.confirm(warning)) return
    setBusy(moves ? 'moving' : 'saving')
    const result = await setSensitivity(session.boardId, storyId, to)
    setBusy(null)
    if (!result.ok) setError(result.error.message)
  }
  return (
    <>
      <label>
        Sensitivity
        <select value={sensitivity} disabled={disabled || busy !== null || locked} onChange={(e) => void change(e.target.value as Sensitivity)} aria-describedby="sensitivity-help">
          {SENSITIVITIES.map((s) => (
            <option key={s} value={s}>
              {s[0]!.toUpperCase() + s.slice(1)}
            </option>
          ))}
        </select>
      </label>
      <p id="sensitivity-help" className="hint">
        {busy === 'moving' ? 'Moving the story’s content…' : busy === 'saving' ? 'Saving…' : SENSITIVITY_HELP[sensitivity]}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  )
}
