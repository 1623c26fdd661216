// A pattern's heading in the outline: its name (rename in place), confidence, vote total (after the
// close) or vote buttons (while open), the evidence summary, and a way to open its panel.
import { useState, type FormEvent } from 'react'
import type { Pattern } from '../../shared/model/pattern.ts'
import type { Story } from '../../shared/model/story.ts'
import { renamePattern, selectPattern } from '../board/patternActions.ts'
import type { BoardSession } from '../board/createSession.ts'
import { EvidenceList } from '../patterns/EvidenceList.tsx'
import { VoteControls } from '../vote/VoteControls.tsx'

type Props = { session: BoardSession; pattern: Pattern; headingId: string; count: string; stories: ReadonlyMap<string, Story> }

export function OutlinePatternHeader({ session, pattern, headingId, count, stories }: Props) {
  return (
    <>
      <h3 id={headingId}>
        <PatternName session={session} id={pattern.id} name={pattern.name} />
        <span className="count"> ({count})</span>
      </h3>
      <div className="outline-pattern-meta">
        <span data-testid="outline-confidence">
          Confidence: {pattern.confidence ?? 'not judged yet'}
          {pattern.confidenceReason ? ` (${pattern.confidenceReason})` : ''}
        </span>
        <VoteControls session={session} patternId={pattern.id} name={pattern.name} />
        <button type="button" className="link-button" onClick={() => selectPattern(session, pattern.id)} aria-label={`Pattern details: ${pattern.name || 'unnamed'}`}>
          Pattern details
        </button>
      </div>
      {pattern.description && <p className="outline-description">{pattern.description}</p>}
      <EvidenceList pattern={pattern} stories={stories} />
    </>
  )
}

function PatternName({ session, id, name }: { session: BoardSession; id: string; name: string }) {
  const [draft, setDraft] = useState<string | null>(null)
  if (draft === null) {
    return (
      <>
        <span data-testid="pattern-name">{name || 'Unnamed pattern'}</span>{' '}
        <button type="button" className="link-button" onClick={() => setDraft(name)} aria-label={`Rename pattern ${name || 'unnamed'}`}>
          Rename
        </button>
      </>
    )
  }
  const done = (e?: FormEvent) => {
    e?.preventDefault()
    renamePattern(session, id, draft)
    setDraft(null)
  }
  return (
    <form onSubmit={done} className="inline-form">
      <input autoFocus aria-label="Pattern name" value={draft} onChange={(e) => setDraft(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && setDraft(null)} maxLength={200} />
      <button type="submit">Save</button>
    </form>
  )
}
