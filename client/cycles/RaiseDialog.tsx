// Raise a pattern as an enabler or a barrier onto a linked cycle one scale up: choose the kind,
// the higher cycle (active vertical links leading up), a short note. The server checks the role on
// both boards and the link; its refusals are explained; a retried raise says it was already raised.
import { useState, type FormEvent } from 'react'
import { CONDITION_KINDS, type ConditionKind } from '../../shared/model/condition.ts'
import type { BoardSession } from '../board/createSession.ts'
import { useStore } from '../store/useStore.ts'
import { CycleDialog, OutcomeNote, TargetSelect, useTarget, type Outcome } from './CycleDialog.tsx'
import { listLinks, listMyBoards, raisePattern } from './cyclesApi.ts'
import { explainError, raiseTargets, targetsByRole } from './linkRules.ts'
import { useLoad } from './useLoad.ts'

const KIND_HELP: Record<ConditionKind, string> = {
  enabler: 'Something at the higher scale that helps this work; ask for more of it.',
  barrier: 'Something at the higher scale that gets in the way; ask for it to change.',
}

export function RaiseDialog({ session, patternId }: { session: BoardSession; patternId: string }) {
  const pattern = useStore(session.board, (s) => s.patterns.find((p) => p.id === patternId))
  const links = useLoad(() => listLinks(session.boardId), session.boardId)
  // Only the cycles this person may raise to (contributor or more there): a guest or an observer
  // up there is told before filling the form in, not refused after submitting it.
  const mine = useLoad(() => listMyBoards(), 'my-boards')
  const roles = new Map((mine.value?.boards ?? []).flatMap((b) => (b.role ? [[b.id, b.role] as const] : [])))
  const { allowed: targets, refused } = mine.value ? targetsByRole(raiseTargets(links.value?.links ?? []), roles) : { allowed: [], refused: [] }
  const [kind, setKind] = useState<ConditionKind | null>(null)
  const [target, setTarget] = useTarget(targets)
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const close = () => session.cycles.ui.setState({ raisePatternId: null })

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!kind || !target) return
    setBusy(true)
    setOutcome(null)
    const r = await raisePattern(session.boardId, patternId, { targetBoardId: target, kind, note: note.trim() })
    setBusy(false)
    const title = targets.find((t) => t.boardId === target)?.title ?? 'that cycle'
    if (!r.ok) setOutcome({ tone: 'error', text: explainError(r.error.code, r.error.message, { target: title }) })
    else if (r.value.created) setOutcome({ tone: 'ok', text: `Raised to ${title}. Its status shows beside the pattern and updates live.` })
    else setOutcome({ tone: 'info', text: `This pattern was already raised to ${title}; no second card was made. Its status shows beside the pattern.` })
  }

  const done = outcome?.tone === 'ok' || outcome?.tone === 'info'
  return (
    <CycleDialog name="raise" title={`Raise “${pattern?.name || 'Unnamed pattern'}”`} onClose={close} onSubmit={submit}>
      <p className="hint">A card with the pattern’s name, summary and evidence counts appears on the higher cycle’s board. Quotes travel only from working stories.</p>
      <fieldset>
        <legend>Raise as</legend>
        {CONDITION_KINDS.map((k) => (
          <label key={k} className="choice">
            <input type="radio" name="raise-kind" value={k} checked={kind === k} onChange={() => setKind(k)} data-testid={`raise-kind-${k}`} disabled={done || targets.length === 0} />
            <span>
              {k === 'enabler' ? 'Raise as enabler' : 'Raise as barrier'}
              <small>{KIND_HELP[k]}</small>
            </span>
          </label>
        ))}
      </fieldset>
      {links.loading && <p aria-live="polite">Loading linked cycles…</p>}
      {links.error && <p className="error-note" role="alert">{explainError(links.error.code, links.error.message)}</p>}
      {links.value && mine.value && targets.length === 0 && refused.length > 0 && (
        <p className="info-note" data-testid="raise-no-role">
          Raising to {refused.map((t) => t.title).join(' or ')} needs a contributor role there, which you do not have. Ask a facilitator of that board to add you, or
          someone who has that role to raise it.
        </p>
      )}
      {links.value && mine.value && targets.length === 0 && refused.length === 0 && (
        <p className="info-note" data-testid="raise-no-targets">
          No linked cycle at a higher scale yet (or the link is still waiting to be accepted).{' '}
          <button type="button" className="link-button" onClick={() => session.cycles.ui.setState({ raisePatternId: null, panel: 'links' })}>
            Open Connected cycles
          </button>
        </p>
      )}
      {targets.length > 0 && <TargetSelect label="To the higher cycle" targets={targets} value={target} onChange={setTarget} testId="raise-target" disabled={done} />}
      <label>
        Note <span className="hint">(optional: why it matters, what you ask for)</span>
        <textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} rows={3} data-testid="raise-note" disabled={done || targets.length === 0} />
      </label>
      {outcome && <OutcomeNote outcome={outcome} testId="raise-result" />}
      <div className="dialog-actions">
        <button type="button" onClick={close} data-testid="raise-close">
          {done ? 'Close' : 'Cancel'}
        </button>
        {!done && (
          <button type="submit" className="primary" disabled={busy || !kind || !target} data-testid="raise-submit">
            {busy ? 'Raising…' : kind ? `Raise as ${kind}` : 'Raise'}
          </button>
        )}
      </div>
    </CycleDialog>
  )
}
