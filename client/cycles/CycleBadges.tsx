// The board's system scale and learning-cycle element in the header. The owner changes both in
// "People & settings" (the access UI, which sends PATCH /api/boards/:id): for them the badge is a
// button that opens it.
import { useEffect, useState } from 'react'
import { ELEMENT_LABELS, SCALE_LABELS } from '../../shared/model/cycle.ts'
import type { BoardSession } from '../board/createSession.ts'
import { useStore } from '../store/useStore.ts'
import { allowed } from './loadAccess.ts'

const SETTINGS_BUTTON = '[data-testid=people-settings-button]'

export function CycleBadges({ session }: { session: BoardSession }) {
  const meta = useStore(session.board, (s) => s.meta)
  const owner = useStore(session.cycles.ui, (s) => allowed(s, 'changeSettings'))
  // The settings button renders after this one in the header: look for it once mounted.
  const [hasSettings, setHasSettings] = useState(false)
  useEffect(() => setHasSettings(document.querySelector(SETTINGS_BUTTON) !== null), [owner])
  if (!meta) return null
  const content = (
    <>
      <span data-testid="board-scale" data-scale={meta.scale}>
        {SCALE_LABELS[meta.scale]} scale
      </span>
      <span aria-hidden="true"> · </span>
      <span data-testid="board-element" data-element={meta.element}>
        {ELEMENT_LABELS[meta.element]}
      </span>
    </>
  )
  if (owner && hasSettings) {
    return (
      <button
        type="button"
        className="scale-badge cycle-badge"
        onClick={() => document.querySelector<HTMLButtonElement>(SETTINGS_BUTTON)?.click()}
        title="System scale and learning-cycle element: change them in People & settings"
        data-testid="cycle-badge"
      >
        {content}
      </button>
    )
  }
  return (
    <span className="scale-badge cycle-badge" title="System scale and learning-cycle element (a soft label, never a gate)" data-testid="cycle-badge">
      {content}
    </span>
  )
}
