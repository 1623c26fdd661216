// A story's sensitivity. Between working and confidential it is a plain field of the board; to or
// from restricted the server moves the content between the board and its restricted room, so that
// change is an HTTP operation (a client may not write the restricted marker itself).
import { useState } from 'react'
import { can } from '../../shared/access/roles.ts'
import { SENSITIVITIES, type Sensitivity } from '../../shared/model/story.ts'
import type { BoardSession } from '../board/createSession.ts'
import { updateFields } from '../board/storyActions.ts'
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
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const change = async (to: Sensitivity) => {
    setError(null)
    if (to === sensitivity) return
    if (to !== 'restricted' && sensitivity !== 'restricted') {
      updateFields(session, storyId, { sensitivity: to })
      return
    }
    const warning =
      to === 'restricted'
        ? 'Restrict this story? Its text and fields move out of the shared board: only facilitators and owners will see them.'
        : 'Lower this story? Its text and fields return to the shared board, where every member sees them.'
    if (!window.confirm(warning)) return
    setBusy(true)
    const result = await setSensitivity(session.boardId, storyId, to)
    setBusy(false)
    if (!result.ok) setError(result.error.message)
  }
  return (
    <>
      <label>
        Sensitivity
        <select value={sensitivity} disabled={disabled || busy || locked} onChange={(e) => void change(e.target.value as Sensitivity)} aria-describedby="sensitivity-help">
          {SENSITIVITIES.map((s) => (
            <option key={s} value={s}>
              {s[0]!.toUpperCase() + s.slice(1)}
            </option>
          ))}
        </select>
      </label>
      <p id="sensitivity-help" className="hint">
        {busy ? 'Moving the story’s content…' : SENSITIVITY_HELP[sensitivity]}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  )
}
