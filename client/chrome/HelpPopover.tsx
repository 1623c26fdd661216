// Keyboard shortcuts, opened with `?` or the help button.
import { useEffect, useRef } from 'react'
import type { BoardSession } from '../board/createSession.ts'
import { useStore } from '../store/useStore.ts'
import { SHORTCUTS } from '../tools/keymap.ts'

export function HelpPopover({ session }: { session: BoardSession }) {
  const open = useStore(session.ui, (s) => s.helpOpen)
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (open) ref.current?.focus()
  }, [open])
  return (
    <div className="help">
      <button type="button" aria-expanded={open} aria-controls="help-popover" aria-label="Keyboard shortcuts (?)" onClick={() => session.ui.setState({ helpOpen: !open })}>
        ?
      </button>
      {open && (
        <div
          id="help-popover"
          ref={ref}
          className="help-popover"
          role="dialog"
          aria-label="Keyboard shortcuts"
          tabIndex={-1}
          onKeyDown={(e) => e.key === 'Escape' && session.ui.setState({ helpOpen: false })}
        >
          <h2>Keyboard shortcuts</h2>
          <dl>
            {SHORTCUTS.map(([keys, what]) => (
              <div key={keys}>
                <dt>{keys}</dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
          <button type="button" onClick={() => session.ui.setState({ helpOpen: false })}>
            Close
          </button>
        </div>
      )}
    </div>
  )
}
