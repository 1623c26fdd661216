// The outline: a live, accessible DOM view of the same board (patterns with their stories, then
// loose stories). Everything here works with a keyboard and a screen reader.
import { useMemo, useState, type FormEvent } from 'react'
import type { BoardSession } from '../board/createSession.ts'
import { groupIntoPattern, renamePattern } from '../board/patternActions.ts'
import { createStoryAt, select } from '../board/storyActions.ts'
import { useStore } from '../store/useStore.ts'
import { outlineGroups } from './outlineGroups.ts'
import { OutlineStory } from './OutlineStory.tsx'

export function OutlineView({ session }: { session: BoardSession }) {
  const stories = useStore(session.board, (s) => s.stories)
  const patterns = useStore(session.board, (s) => s.patterns)
  const membership = useStore(session.board, (s) => s.membership)
  const editingId = useStore(session.ui, (s) => s.editingId)
  const groups = useMemo(() => outlineGroups(patterns, stories, membership), [patterns, stories, membership])
  const [patternName, setPatternName] = useState('')

  const addPattern = (e: FormEvent) => {
    e.preventDefault()
    select(session, [])
    if (groupIntoPattern(session, patternName || 'New pattern')) setPatternName('')
  }

  return (
    <main className="outline" aria-labelledby="outline-heading" data-testid="outline">
      <div className="outline-head">
        <h2 id="outline-heading">Outline</h2>
        <p className="hint" aria-live="polite">
          {stories.size} {stories.size === 1 ? 'story' : 'stories'}, {patterns.length} {patterns.length === 1 ? 'pattern' : 'patterns'}
        </p>
        <button type="button" className="primary" onClick={() => createStoryAt(session)} data-testid="outline-new-story">
          New story
        </button>
        <form onSubmit={addPattern} className="inline-form">
          <label>
            <span className="visually-hidden">New pattern name</span>
            <input value={patternName} onChange={(e) => setPatternName(e.target.value)} placeholder="New pattern name" maxLength={200} data-testid="outline-pattern-name" />
          </label>
          <button type="submit">Add pattern</button>
        </form>
      </div>
      {groups.map(({ pattern, stories: list }) => {
        const headingId = `outline-group-${pattern?.id ?? 'loose'}`
        return (
          <section key={pattern?.id ?? 'loose'} aria-labelledby={headingId} className="outline-group" data-pattern-id={pattern?.id ?? ''} data-testid={pattern ? 'outline-pattern' : 'outline-loose'}>
            <h3 id={headingId}>
              {pattern ? <PatternName session={session} id={pattern.id} name={pattern.name} /> : 'Stories not in a pattern'}
              <span className="count"> ({list.length})</span>
            </h3>
            {list.length === 0 ? (
              <p className="hint">{pattern ? 'No stories in this pattern yet.' : 'Every story is in a pattern.'}</p>
            ) : (
              <ul>
                {list.map((s, i) => (
                  <OutlineStory key={s.id} session={session} story={s} patterns={patterns} patternId={pattern?.id ?? null} editing={editingId === s.id} position={`${i + 1} of ${list.length}${pattern ? ` in ${pattern.name || 'unnamed pattern'}` : ''}`} />
                ))}
              </ul>
            )}
          </section>
        )
      })}
    </main>
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
