// Answering a condition raised onto this board: move its status (acknowledge → in progress →
// resolved, or decline with a required reason), add a response, and follow the evidence back to
// the raising board when I have a role there. Used by the condition panel and the outline.
import { useState, type FormEvent } from 'react'
import type { ConditionCard } from '../../shared/model/condition.ts'
import { conditionEvidence, respondToCondition, type RespondInput } from './cyclesApi.ts'
import { when } from './ConditionWords.tsx'
import { navigateTo } from './followLink.ts'
import { explainError } from './linkRules.ts'
import { statusActions } from './statusFlow.ts'

/** `canRespond` is null while my role on this board is still loading. */
type Props = { card: ConditionCard; canRespond: boolean | null; idPrefix: string }

export function ConditionControls({ card, canRespond, idPrefix }: Props) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [declining, setDeclining] = useState(false)
  const [reason, setReason] = useState('')
  const [response, setResponse] = useState('')
  const [evidenceNote, setEvidenceNote] = useState<string | null>(null)

  const send = async (input: RespondInput): Promise<boolean> => {
    setBusy(true)
    setError(null)
    const r = await respondToCondition(card.id, input)
    setBusy(false)
    if (!r.ok) setError(explainError(r.error.code, r.error.message))
    return r.ok
  }
  const decline = async (e: FormEvent) => {
    e.preventDefault()
    if (!reason.trim()) return
    if (await send({ status: 'declined', reason: reason.trim() })) {
      setDeclining(false)
      setReason('')
    }
  }
  const respond = async (e: FormEvent) => {
    e.preventDefault()
    if (response.trim() && (await send({ response: response.trim() }))) setResponse('')
  }
  const showEvidence = async () => {
    setEvidenceNote(null)
    const r = await conditionEvidence(card.id)
    if (r.ok) navigateTo(r.value.path)
    else setEvidenceNote(explainError(r.error.code, r.error.message, { source: card.source.title }))
  }

  const reasonId = `${idPrefix}-reason`
  const responseId = `${idPrefix}-response`
  return (
    <div className="condition-controls">
      {card.responses.length > 0 && (
        <ul className="responses" aria-label="Responses">
          {card.responses.map((r) => (
            <li key={r.id} data-testid="condition-response">
              {r.text} <span className="who">— {r.authorName}, {when(r.at)}</span>
            </li>
          ))}
        </ul>
      )}
      {canRespond ? (
        <>
          <div className="row" role="group" aria-label={`Status of ${card.name}`}>
            {statusActions(card.status).map((a) => (
              <button
                key={a.status}
                type="button"
                className={a.next ? 'primary' : undefined}
                aria-pressed={a.current}
                disabled={busy || a.current}
                onClick={() => void send({ status: a.status })}
                data-testid="set-status"
                data-status={a.status}
              >
                {a.label}
              </button>
            ))}
            <button type="button" aria-expanded={declining} onClick={() => setDeclining(!declining)} disabled={busy} data-testid="decline-toggle">
              {card.status === 'declined' ? 'Decline again…' : 'Decline…'}
            </button>
          </div>
          {declining && (
            <form onSubmit={decline}>
              <label htmlFor={reasonId}>Why is it declined? (required; the raising cycle sees this)</label>
              <textarea id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={1000} rows={2} data-testid="decline-reason-input" autoFocus />
              <div className="row">
                <button type="submit" disabled={busy || !reason.trim()} data-testid="decline-submit">
                  Decline
                </button>
                <button type="button" onClick={() => setDeclining(false)}>
                  Cancel
                </button>
              </div>
            </form>
          )}
          <form onSubmit={respond}>
            <label htmlFor={responseId}>Add a response</label>
            <textarea id={responseId} value={response} onChange={(e) => setResponse(e.target.value)} maxLength={2000} rows={2} data-testid="response-input" />
            <div className="row">
              <button type="submit" disabled={busy || !response.trim()} data-testid="response-submit">
                Send response
              </button>
            </div>
          </form>
        </>
      ) : (
        canRespond === false && <p className="hint">Observers see conditions; contributors and above answer them.</p>
      )}
      {error && (
        <p className="error-note" role="alert" data-testid="condition-error">
          {error}
        </p>
      )}
      <div className="row">
        <button type="button" onClick={() => void showEvidence()} data-testid="show-evidence">
          Show evidence
        </button>
      </div>
      {evidenceNote && (
        <p className="info-note" role="status" data-testid="evidence-note">
          {evidenceNote}
        </p>
      )}
    </div>
  )
}
