// "Connected cycles": the links of this board (higher, lower, peers), pending or active, with the
// other board (openable when I have a role there); accept, remove, and link another cycle.
import { useState } from 'react'
import { SCALE_LABELS } from '../../shared/model/cycle.ts'
import { boardPath } from '../app/route.ts'
import type { BoardSession } from '../board/createSession.ts'
import { useStore } from '../store/useStore.ts'
import { acceptLink, listLinks, removeLink, type CycleLink } from './cyclesApi.ts'
import { followLink } from './followLink.ts'
import { LinkForm } from './LinkForm.tsx'
import { canAccept, DIRECTION_HEADINGS, explainError, groupLinks, type LinkGroup } from './linkRules.ts'
import { allowed } from './loadAccess.ts'
import { useLoad } from './useLoad.ts'

const GROUPS: readonly LinkGroup[] = ['up', 'down', 'peer', 'asked']

export function LinksPanel({ session }: { session: BoardSession }) {
  const scale = useStore(session.board, (s) => s.meta?.scale ?? null)
  const manages = useStore(session.cycles.ui, (s) => allowed(s, 'manageMembers'))
  const meId = useStore(session.cycles.ui, (s) => s.meId)
  const links = useLoad(() => listLinks(session.boardId), session.boardId)
  const [error, setError] = useState<string | null>(null)
  const list = links.value?.links ?? []
  const groups = groupLinks(list)

  const act = async (run: () => Promise<{ ok: boolean; error?: { code: string; message: string } }>) => {
    setError(null)
    const r = await run()
    if (!r.ok && r.error) setError(explainError(r.error.code, r.error.message))
    links.reload()
  }

  return (
    <aside className="cycles-panel" aria-labelledby="links-heading" data-overlay data-testid="links-panel">
      <header>
        <h2 id="links-heading">Connected cycles</h2>
        <button type="button" aria-label="Close connected cycles" onClick={() => session.cycles.ui.setState({ panel: null })}>
          ×
        </button>
      </header>
      <p className="hint">
        Patterns are raised up vertical links (between scales) as enablers and barriers, and the answers come back down. Horizontal links join peers at the same scale.
      </p>
      {links.loading && !links.value && <p aria-live="polite">Loading links…</p>}
      {links.error && <p className="error-note">{explainError(links.error.code, links.error.message)}</p>}
      {links.value && list.length === 0 && <p>No connected cycles yet.</p>}
      {GROUPS.map((d) =>
        groups[d].length ? (
          <section key={d} aria-label={DIRECTION_HEADINGS[d]}>
            <h3>{DIRECTION_HEADINGS[d]}</h3>
            <ul className="cycles-list">
              {groups[d].map((l) => (
                <LinkItem key={l.id} link={l} accepts={canAccept(l, { boardId: session.boardId, meId, manages })} manages={manages} meId={meId} onAccept={() => act(() => acceptLink(session.boardId, l.id))} onRemove={() => act(() => removeLink(session.boardId, l.id))} />
              ))}
            </ul>
          </section>
        ) : null,
      )}
      {error && (
        <p className="error-note" role="alert">
          {error}
        </p>
      )}
      {manages && scale && links.value && <LinkForm boardId={session.boardId} scale={scale} links={list} onLinked={links.reload} />}
      {!manages && <p className="hint">Facilitators and owners of this board make and accept links.</p>}
    </aside>
  )
}

type ItemProps = { link: CycleLink; accepts: boolean; manages: boolean; meId: string | null; onAccept: () => void; onRemove: () => void }

function LinkItem({ link, accepts, manages, meId, onAccept, onRemove }: ItemProps) {
  const [confirming, setConfirming] = useState(false)
  const other = link.other
  // A request to a board nobody here has a role on: the server tells neither its title nor scale.
  const title = other ? (other.title ?? 'A board you have no role on') : 'A board that no longer exists'
  return (
    <li className="link-item" data-testid="link-item" data-link-id={link.id} data-status={link.status} data-direction={link.direction} data-other-id={other?.id ?? ''}>
      <div className="row">
        {other?.visible ? (
          <a className="title" href={boardPath(other.id)} onClick={(e) => followLink(e, boardPath(other.id))}>
            {title}
          </a>
        ) : (
          <span className="title">{title}</span>
        )}
        {other?.scale && <span className="pill">{SCALE_LABELS[other.scale]}</span>}
        <span className={`pill pill-${link.status}`} data-testid="link-status">
          {link.status === 'active' ? 'Active' : 'Pending'}
        </span>
      </div>
      {other && !other.visible && <span className="hint">You have no role on that board, so it cannot be opened from here.</span>}
      {link.status === 'pending' && link.createdBy === meId && <span className="hint">Waiting for a facilitator of {other?.title ?? 'that board'} to accept.</span>}
      <div className="row">
        {accepts && (
          <button type="button" className="primary" onClick={onAccept} data-testid="link-accept">
            Accept link
          </button>
        )}
        {manages &&
          (confirming ? (
            <>
              <button type="button" onClick={() => (setConfirming(false), onRemove())} data-testid="link-remove-confirm">
                Remove the link
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setConfirming(true)} data-testid="link-remove">
              Remove…
            </button>
          ))}
      </div>
    </li>
  )
}
