// Link this cycle to another of mine: vertical (across scales: the higher one learns from and
// enables the lower) or horizontal (peers at one scale). Someone who manages both boards links at
// once; otherwise the link waits until a facilitator of the other board accepts it.
import { useState, type FormEvent } from 'react'
import { SCALE_LABELS, type Scale } from '../../shared/model/cycle.ts'
import { createLink, listMyBoards, type CycleLink, type LinkKind } from './cyclesApi.ts'
import { explainError, kindProblem, LINK_KIND_HELP, linkCandidates, linkKindFor, relationText } from './linkRules.ts'
import { useLoad } from './useLoad.ts'

type Props = { boardId: string; scale: Scale; links: readonly CycleLink[]; onLinked: () => void }

const KINDS: readonly LinkKind[] = ['vertical', 'horizontal']

export function LinkForm({ boardId, scale, links, onLinked }: Props) {
  const boards = useLoad(listMyBoards, 'mine')
  const candidates = linkCandidates(boards.value?.boards ?? [], boardId, links)
  const [otherId, setOtherId] = useState('')
  const [kind, setKind] = useState<LinkKind>('vertical')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  const other = candidates.find((b) => b.id === otherId)
  const problem = other ? kindProblem(kind, scale, other.scale) : null

  const choose = (id: string) => {
    setOtherId(id)
    setResult(null)
    const b = candidates.find((c) => c.id === id)
    if (b) setKind(linkKindFor(scale, b.scale))
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!other || problem) return
    setBusy(true)
    const r = await createLink(boardId, other.id, kind)
    setBusy(false)
    if (!r.ok) return setResult({ ok: false, text: explainError(r.error.code, r.error.message, { target: other.title }) })
    setResult({
      ok: true,
      text: r.value.link.status === 'active' ? `Linked to ${other.title}.` : `Asked to link with ${other.title}. The link waits until a facilitator of that board accepts it.`,
    })
    setOtherId('')
    onLinked()
    boards.reload()
  }

  return (
    <form className="link-form" onSubmit={submit} aria-labelledby="link-form-heading" data-testid="link-form">
      <h3 id="link-form-heading" style={{ margin: 0 }}>
        Link another cycle
      </h3>
      {boards.error && <p className="error-note">{explainError(boards.error.code, boards.error.message)}</p>}
      {boards.value && candidates.length === 0 && <p className="hint">Every board you have a role on is already linked here. Create a board for another cycle from your board list first.</p>}
      {candidates.length > 0 && (
        <>
          <label>
            One of your boards
            <select value={otherId} onChange={(e) => choose(e.target.value)} data-testid="link-board">
              <option value="">Choose a board…</option>
              {candidates.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.title} ({SCALE_LABELS[b.scale] ?? b.scale})
                </option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>Kind of link</legend>
            {KINDS.map((k) => (
              <label key={k} className="choice">
                <input type="radio" name="link-kind" value={k} checked={kind === k} onChange={() => setKind(k)} data-testid={`link-kind-${k}`} />
                <span>
                  {k === 'vertical' ? 'Vertical' : 'Horizontal'}
                  <small>{LINK_KIND_HELP[k]}</small>
                </span>
              </label>
            ))}
          </fieldset>
          {other && <p className="hint">{problem ?? relationText(scale, other.scale)}</p>}
          <button type="submit" className="primary" disabled={busy || !other || problem !== null} data-testid="link-submit">
            {busy ? 'Linking…' : 'Link'}
          </button>
        </>
      )}
      {result && (
        <p className={result.ok ? 'ok-note' : 'error-note'} role={result.ok ? 'status' : 'alert'} data-testid="link-result">
          {result.text}
        </p>
      )}
    </form>
  )
}
