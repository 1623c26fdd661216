// Consent on a story: who gave it (a role or pseudonym is enough), what it covers, and when.
// Saved as one value; clearing "who" removes the record (the story is then counted only).
import { useState } from 'react'
import { Consent, CONSENT_SCOPE_LABELS, CONSENT_SCOPES, consentSummary, type ConsentScope } from '../../shared/model/consent.ts'

type Props = { consent: Consent | undefined; disabled?: boolean; save: (consent: Consent | null) => void }

const today = () => new Date().toISOString().slice(0, 10)

export function ConsentFields({ consent, disabled = false, save }: Props) {
  const [givenBy, setGivenBy] = useState(consent?.givenBy ?? '')
  const [date, setDate] = useState(consent?.date ?? '')
  const [error, setError] = useState<string | null>(null)
  const covers = consent?.covers ?? []

  const commit = (next: { givenBy?: string; date?: string; covers?: ConsentScope[] }) => {
    const who = (next.givenBy ?? givenBy).trim()
    if (!who) {
      setError(null)
      if (consent) save(null)
      return
    }
    const candidate = { givenBy: who, date: next.date ?? (date || today()), covers: next.covers ?? covers }
    const parsed = Consent.safeParse(candidate)
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'check the consent fields')
    setError(null)
    if (!date) setDate(candidate.date)
    save(parsed.data)
  }
  const toggle = (scope: ConsentScope, on: boolean) =>
    commit({ covers: CONSENT_SCOPES.filter((s) => (s === scope ? on : covers.includes(s))) })

  return (
    <fieldset className="consent-fields" disabled={disabled}>
      <legend>Consent</legend>
      <label>
        Given by <span className="hint">(a role or pseudonym is enough)</span>
        <input value={givenBy} onChange={(e) => setGivenBy(e.target.value)} onBlur={() => commit({})} maxLength={120} placeholder="e.g. tenant, P7" />
      </label>
      <label>
        Date
        <input type="date" value={date} onChange={(e) => setDate(e.target.value)} onBlur={() => commit({})} />
      </label>
      <div role="group" aria-label="Consent covers">
        {CONSENT_SCOPES.map((scope) => (
          <label key={scope} className="consent-scope">
            <input type="checkbox" checked={covers.includes(scope)} disabled={!givenBy.trim()} onChange={(e) => toggle(scope, e.target.checked)} />
            {CONSENT_SCOPE_LABELS[scope]}
          </label>
        ))}
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : (
        <p className="hint" data-testid="consent-summary">
          {consentSummary(consent)}
        </p>
      )}
    </fieldset>
  )
}
