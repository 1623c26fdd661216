// Raise a pattern as an enabler or a barrier onto a linked cycle one scale up: choose the kind,
// the higher cycle (active vertical links leading up), a short note. The server checks the role on
// both boards and the link; its refusals are explained; a retried raise says it was already raised.
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { CONDITION_KINDS, type ConditionKind } from '../../shared/model/condition.ts'
import { SCALE_LABELS } from '../../shared/model/cycle.ts'
import type { BoardSession } from '../board/createSession.ts'
import { useStore } from '../store/useStore.ts'
import { listLinks, raisePattern } from './cyclesApi.ts'
import { explainError, raiseTargets } from './linkRules.ts'
import { useLoad } from './useLoad.ts'

const KIND_HELP: Record<ConditionKind, string> = {
  enabler: 'Something at the higher scale that helps this work; ask for more of it.',
  barrier: 'Something at the higher scale that gets in the way; ask for it to change.',
}

type Outcome = { tone: 'ok' | 'info' | 'error'; text: string }

export function RaiseDialog({ session, patternId }: { session: BoardSession; patternId: string }) {
  const pattern = useStore(session.board, (s) => s.patterns.find((p) => p.id === patternId))
  const ref = useRef<HTMLDialogElement>(null)
  const links = useLoad(() => listLinks(session.boardId), session.boardId)
  const targets = raiseTargets(links.value?.links ?? [])
  const [kind, setKind] = useState<ConditionKind | null>(null)
  const [target, setTarget] = useState('')
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const close = () => session.cycles.ui.setState({ raisePatternId: null })

  useEffect(() => {
    const d = ref.current
    if (d && !d.open) d.showModal()
  }, [])
  useEffect(() => {
    if (!target && targets[0]) setTarget(targets[0].boardId)
  }, [target, targets])

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
    <dialog ref={ref} className="raise-dialog" aria-labelledby="raise-heading" onClose={close} onCancel={close} data-testid="raise-dialog" data-overlay>
      <form onSubmit={submit}>
        <h2 id="raise-heading">Raise “{pattern?.name || 'Unnamed pattern'}”</h2>
        <p className="hint">A card with the pattern’s name, summary and evidence counts appears on the higher cycle’s board. Quotes travel only from working stories.</p>
        <fieldset>
          <legend>Raise as</legend>
          {CONDITION_KINDS.map((k) => (
            <label key={k} className="choice">
              <input type="radio" name="raise-kind" value={k} checked={kind === k} onChange={() => setKind(k)} data-testid={`raise-kind-${k}`} disabled={done} />
              <span>
                {k === 'enabler' ? 'Raise as enabler' : 'Raise as barrier'}
                <small>{KIND_HELP[k]}</small>
              </span>
            </label>
          ))}
        </fieldset>
        {links.loading && <p aria-live="polite">Loading linked cycles…</p>}
        {links.error && <p className="error-note" role="alert">{explainError(links.error.code, links.error.message)}</p>}
        {links.value && targets.length === 0 && (
          <p className="info-note" data-testid="raise-no-targets">
            No linked cycle at a higher scale yet (or the link is still waiting to be accepted).{' '}
            <button type="button" className="link-button" onClick={() => session.cycles.ui.setState({ raisePatternId: null, panel: 'links' })}>
              Open Connected cycles
            </button>
          </p>
        )}
        {targets.length > 0 && (
          <label>
            To the higher cycle
            <select value={target} onChange={(e) => setTarget(e.target.value)} data-testid="raise-target" disabled={done}>
              {targets.map((t) => (
                <option key={t.boardId} value={t.boardId}>
                  {t.title} ({SCALE_LABELS[t.scale]})
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Note <span className="hint">(optional: why it matters, what you ask for)</span>
          <textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} rows={3} data-testid="raise-note" disabled={done} />
        </label>
        {outcome && (
          <p className={outcome.tone === 'error' ? 'error-note' : outcome.tone === 'ok' ? 'ok-note' : 'info-note'} role={outcome.tone === 'error' ? 'alert' : 'status'} data-testid="raise-result" data-tone={outcome.tone}>
            {outcome.text}
          </p>
        )}
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
      </form>
    </dialog>
  )
}
