// Share a pattern with a peer cycle (an active horizontal link): it appears there as a read-only
// card that the server keeps in step with this pattern. Lists where the pattern is shared now,
// each with "Stop sharing". The server checks the roles on both boards and the link.
import { useState, type FormEvent } from 'react'
import { SCALE_LABELS } from '../../shared/model/cycle.ts'
import type { BoardSession } from '../board/createSession.ts'
import { useStore } from '../store/useStore.ts'
import { CycleDialog, OutcomeNote, TargetSelect, useTarget, type Outcome } from './CycleDialog.tsx'
import { listLinks, listShares, sharePattern, unsharePattern } from './cyclesApi.ts'
import { explainShareError, shareTargets } from './linkRules.ts'
import { useLoad } from './useLoad.ts'

export function ShareDialog({ session, patternId }: { session: BoardSession; patternId: string }) {
  const pattern = useStore(session.board, (s) => s.patterns.find((p) => p.id === patternId))
  const links = useLoad(() => listLinks(session.boardId), session.boardId)
  const shares = useLoad(() => listShares(session.boardId), session.boardId)
  const targets = shareTargets(links.value?.links ?? [])
  const mine = (shares.value?.shares ?? []).filter((s) => s.patternId === patternId)
  const [target, setTarget] = useTarget(targets)
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const close = () => session.cycles.ui.setState({ sharePatternId: null })
  const titleOf = (id: string) => targets.find((t) => t.boardId === id)?.title ?? 'that peer cycle'

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!target) return
    setBusy(true)
    setOutcome(null)
    const r = await sharePattern(session.boardId, patternId, target)
    setBusy(false)
    const title = titleOf(target)
    if (!r.ok) setOutcome({ tone: 'error', text: explainShareError(r.error.code, r.error.message, title) })
    else if (r.value.created) setOutcome({ tone: 'ok', text: `Shared with ${title}. It shows there as a read-only card that follows this pattern.` })
    else setOutcome({ tone: 'info', text: `This pattern is already shared with ${title}.` })
    shares.reload()
  }
  const unshare = async (shareId: string, title: string) => {
    setOutcome(null)
    const r = await unsharePattern(shareId)
    if (r.ok) setOutcome({ tone: 'ok', text: `No longer shared with ${title}; the card is gone from its board.` })
    else setOutcome({ tone: 'error', text: explainShareError(r.error.code, r.error.message, title) })
    shares.reload()
  }

  return (
    <CycleDialog name="share" title={`Share “${pattern?.name || 'Unnamed pattern'}” with a peer cycle`} onClose={close} onSubmit={submit}>
      <p className="hint">
        A linked cycle at the same scale sees this pattern as a read-only card with its name, summary and evidence counts (no story text), kept in
        step as it changes here.
      </p>
      {mine.length > 0 && (
        <section aria-labelledby="share-current">
          <h3 id="share-current" className="hint">
            Shared now with
          </h3>
          <ul className="share-list" data-testid="share-list">
            {mine.map((s) => {
              const title = s.target?.title ?? 'a cycle you cannot see'
              return (
                <li key={s.id} data-testid="share-item" data-share-id={s.id} data-target-id={s.target?.id ?? ''}>
                  <span>
                    {title}
                    {s.target && ` (${SCALE_LABELS[s.target.scale]})`}
                  </span>
                  <button type="button" onClick={() => void unshare(s.id, title)} data-testid="share-remove" aria-label={`Stop sharing with ${title}`}>
                    Stop sharing
                  </button>
                </li>
              )
            })}
          </ul>
        </section>
      )}
      {(links.loading || shares.loading) && <p aria-live="polite">Loading peer cycles…</p>}
      {links.error && <p className="error-note" role="alert">{explainShareError(links.error.code, links.error.message)}</p>}
      {links.value && targets.length === 0 && (
        <p className="info-note" data-testid="share-no-targets">
          No peer cycle linked yet (a horizontal link, accepted by the other side).{' '}
          <button type="button" className="link-button" onClick={() => session.cycles.ui.setState({ sharePatternId: null, panel: 'links' })}>
            Open Connected cycles
          </button>
        </p>
      )}
      {targets.length > 0 && <TargetSelect label="With the peer cycle" targets={targets} value={target} onChange={setTarget} testId="share-target" />}
      {outcome && <OutcomeNote outcome={outcome} testId="share-result" />}
      <div className="dialog-actions">
        <button type="button" onClick={close} data-testid="share-close">
          Close
        </button>
        {targets.length > 0 && (
          <button type="submit" className="primary" disabled={busy || !target} data-testid="share-submit">
            {busy ? 'Sharing…' : 'Share'}
          </button>
        )}
      </div>
    </CycleDialog>
  )
}
