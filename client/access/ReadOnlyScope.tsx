// Disables every control inside while this person cannot edit (observers, ended access), without
// touching the components inside: a disabled fieldset that takes no room in the layout.
import type { ReactNode } from 'react'
import type { BoardSession } from '../board/createSession.ts'
import { useStore } from '../store/useStore.ts'
import './access.css'

export function ReadOnlyScope({
  session,
  children,
}: {
  session: BoardSession
  children: ReactNode
}) {
  const canEdit = useStore(session.access, (a) => a.canEdit)
  return (
    <fieldset
      className="read-only-scope"
      disabled={!canEdit}
      data-read-only={!canEdit || undefined}
    >
      {children}
    </fieldset>
  )
}
