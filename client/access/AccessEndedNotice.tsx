// When the server ends this person's access (4401, 4403, 4404, or a sign-out in another tab) the
// board stops syncing and leaves the page, its offline copies are deleted from the browser
// (board/offlineCopy.ts), and this notice says why, with the way out. It takes the focus once.
import { useEffect, useRef } from 'react'
import { CLOSE, describeClose } from '../../shared/protocol/closeCodes.ts'
import type { BoardSession } from '../board/createSession.ts'
import { useStore } from '../store/useStore.ts'
import './access.css'

const NEXT_STEP: Record<number, string> = {
  [CLOSE.unauthenticated]: 'Your session has ended. Sign in again, or ask for a new invite link.',
  [CLOSE.forbidden]:
    'Your access to this board has ended. If you think this is a mistake, ask whoever runs the board.',
  [CLOSE.notFound]: 'It may have been deleted.',
}

/** Leaving reloads the app: whether this browser is still signed in is asked again. */
export function AccessEndedNotice({ session }: { session: BoardSession }) {
  const code = useStore(session.access, (a) => a.endedBy)
  const forgotten = useStore(session.device, (d) => d.forgotten)
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (code !== null) ref.current?.focus()
  }, [code])
  if (code === null) return null
  return (
    <div className="access-ended board-gone">
      <section
        className="access-ended-card"
        role="alert"
        aria-labelledby="access-ended-title"
        data-testid="close-notice"
        data-code={code}
      >
        <h2 id="access-ended-title" ref={ref} tabIndex={-1}>
          {describeClose(code)}
        </h2>
        <p>
          {NEXT_STEP[code] ?? 'This board has stopped syncing.'} Nothing more is sent to or received
          from this board.
        </p>
        <p className="hint" data-testid="device-copy" data-forgotten={forgotten}>
          {forgotten
            ? 'Nothing of this board is kept on this device.'
            : 'Removing this board from this device…'}
        </p>
        <div className="actions">
          <button type="button" className="primary" onClick={() => location.assign('/')}>
            {code === CLOSE.unauthenticated ? 'Sign in' : 'Back to your boards'}
          </button>
        </div>
      </section>
    </div>
  )
}
