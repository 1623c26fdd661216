// The selected pattern's panel: name, description, confidence with a reason, the live evidence
// summary, its stories with their roles, voting, and tidy / delete.
import { useState } from 'react'
import { CONFIDENCES, type Confidence, type Pattern } from '../../shared/model/pattern.ts'
import { judgePattern, removePattern, renamePattern, selectPattern, tidyPattern } from '../board/patternActions.ts'
import type { BoardSession } from '../board/createSession.ts'
import { moveToPattern, select } from '../board/storyActions.ts'
import { useStore } from '../store/useStore.ts'
import { PatternCycles } from '../cycles/PatternCycles.tsx'
import { VoteControls } from '../vote/VoteControls.tsx'
import { DescriptionField } from './DescriptionField.tsx'
import { EvidenceList } from './EvidenceList.tsx'
import { MemberRoleSelect } from './MemberRoleSelect.tsx'
import { memberLabel } from './memberLabel.ts'
import { useRestrictedText, withRestrictedText } from '../ethics/useRestrictedText.ts'
import './patterns.css'

export function PatternPanel({ session }: { session: BoardSession }) {
  const id = useStore(session.ui, (s) => s.selectedPattern)
  const pattern = useStore(session.board, (s) => (id ? s.patterns.find((p) => p.id === id) : undefined))
  // Observers read the panel; nothing in it can be changed (the server refuses their writes anyway).
  const readOnly = useStore(session.access, (a) => !a.canEdit)
  if (!pattern) return null
  return (
    <aside className="pattern-panel" aria-label="Pattern" data-overlay data-testid="pattern-panel" data-pattern-id={pattern.id}>
      <header>
        <h2>Pattern</h2>
        <button type="button" aria-label="Close pattern panel" onClick={() => selectPattern(session, null)}>
          ×
        </button>
      </header>
      <fieldset className="pattern-scope" disabled={readOnly}>
        <PatternForm key={pattern.id} session={session} pattern={pattern} />
      </fieldset>
    </aside>
  )
}

/** A text field that shows the document's value until focused, and saves when left. */
function useDraft(value: string, save: (v: string) => void) {
  const [draft, setDraft] = useState<string | null>(null)
  return {
    value: draft ?? value,
    onFocus: () => setDraft(value),
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: () => {
      if (draft !== null && draft !== value) save(draft)
      setDraft(null)
    },
  }
}

function PatternForm({ session, pattern }: { session: BoardSession; pattern: Pattern }) {
  const stories = useStore(session.board, (s) => s.stories)
  // Its owner and facilitators read a restricted member's text from the restricted room, as on the canvas.
  const restrictedText = useRestrictedText(session)
  const name = useDraft(pattern.name, (v) => renamePattern(session, pattern.id, v))
  const reason = useDraft(pattern.confidenceReason ?? '', (v) => judgePattern(session, pattern.id, { confidenceReason: v.trim() || null }))
  const members = pattern.members.flatMap((m) => (stories.has(m.storyId) ? [{ ...m, story: stories.get(m.storyId)! }] : []))
  return (
    <div className="pattern-form">
      <label>
        Name
        <input {...name} maxLength={200} placeholder="Name this pattern" onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()} data-testid="pattern-name-input" />
      </label>
      <div className="pattern-votes">
        <VoteControls session={session} patternId={pattern.id} name={pattern.name} />
      </div>
      <PatternCycles session={session} patternId={pattern.id} name={pattern.name} />
      <DescriptionField session={session} pattern={pattern} />
      <fieldset className="confidence">
        <legend>Confidence</legend>
        <select
          value={pattern.confidence ?? ''}
          onChange={(e) => judgePattern(session, pattern.id, { confidence: (e.target.value || null) as Confidence | null })}
          aria-label="Confidence"
          data-testid="pattern-confidence"
        >
          <option value="">Not judged yet</option>
          {CONFIDENCES.map((c) => (
            <option key={c} value={c}>
              {c[0]!.toUpperCase() + c.slice(1)}
            </option>
          ))}
        </select>
        <label>
          Why this confidence?
          <textarea {...reason} rows={2} maxLength={2000} data-testid="pattern-confidence-reason" />
        </label>
      </fieldset>
      <h3>Evidence</h3>
      <EvidenceList pattern={pattern} stories={stories} />
      <h3>Stories ({members.length})</h3>
      {members.length === 0 ? (
        <p className="hint">Drag stories into the area to add them.</p>
      ) : (
        <ul className="pattern-members">
          {members.map((m, i) => (
            <li key={m.storyId} data-testid="pattern-member" data-story-id={m.storyId}>
              <button type="button" className="link-button member-text" onClick={() => select(session, [m.storyId])} title="Select this story">
                {memberLabel(withRestrictedText(m.story, restrictedText))}
              </button>
              <MemberRoleSelect session={session} storyId={m.storyId} patternId={pattern.id} role={m.role} label={`Role of story ${i + 1}`} />
              <button type="button" className="link-button" onClick={() => moveToPattern(session, m.storyId, null)} aria-label={`Take story ${i + 1} out of the pattern`}>
                Take out
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="pattern-actions">
        <button type="button" onClick={() => tidyPattern(session, pattern.id)} disabled={members.length === 0} data-testid="pattern-tidy">
          Tidy
        </button>
        <button type="button" className="danger" onClick={() => removePattern(session, pattern.id)} data-testid="pattern-delete">
          Delete pattern (keep stories)
        </button>
      </div>
    </div>
  )
}
