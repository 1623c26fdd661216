// The outline: a live, accessible DOM view of the same board (patterns with their stories, then
// loose stories). Everything here works with a keyboard and a screen reader.
import { useMemo, useState, type FormEvent } from 'react'
import type { BoardSession } from '../board/createSession.ts'
import { PatternCycles } from '../cycles/PatternCycles.tsx'
import { PeerReferences } from '../cycles/PeerReferences.tsx'
import { RaisedFromBelow } from '../cycles/RaisedFromBelow.tsx'
import { groupIntoPattern, membersById } from '../board/patternActions.ts'
import { createStoryAt, select } from '../board/storyActions.ts'
import { matchSet } from '../filter/matchSet.ts'
import { useStore } from '../store/useStore.ts'
import { outlineGroups } from './outlineGroups.ts'
import { OutlinePatternHeader } from './OutlinePatternHeader.tsx'
import { OutlineStory } from './OutlineStory.tsx'
import { WithdrawnStories } from '../ethics/WithdrawnStories.tsx'

export function OutlineView({ session }: { session: BoardSession }) {
  const stories = useStore(session.board, (s) => s.stories)
  const patterns = useStore(session.board, (s) => s.patterns)
  const membership = useStore(session.board, (s) => s.membership)
  const editingId = useStore(session.ui, (s) => s.editingId)
  const filter = useStore(session.ui, (s) => s.filter)
  const matched = useMemo(() => matchSet(stories.values(), filter), [stories, filter])
  const groups = useMemo(() => outlineGroups(patterns, stories, membership), [patterns, stories, membership])
  const roles = useMemo(() => membersById(patterns), [patterns])
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
          {matched && `; ${matched.size} match the filter`}
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
      {groups.map(({ pattern, stories: all }) => {
        const headingId = `outline-group-${pattern?.id ?? 'loose'}`
        const list = matched ? all.filter((s) => matched.has(s.id)) : all
        const count = matched ? `${list.length} of ${all.length} shown` : String(all.length)
        return (
          <section key={pattern?.id ?? 'loose'} aria-labelledby={headingId} className="outline-group" data-pattern-id={pattern?.id ?? ''} data-testid={pattern ? 'outline-pattern' : 'outline-loose'}>
            {pattern ? (
              <OutlinePatternHeader session={session} pattern={pattern} headingId={headingId} count={count} stories={stories} />
            ) : (
              <h3 id={headingId}>
                Stories not in a pattern<span className="count"> ({count})</span>
              </h3>
            )}
            {pattern && <PatternCycles session={session} patternId={pattern.id} name={pattern.name} />}
            {list.length === 0 ? (
              <p className="hint">{all.length > 0 ? 'No stories here match the filter.' : pattern ? 'No stories in this pattern yet.' : 'Every story is in a pattern.'}</p>
            ) : (
              <ul>
                {list.map((s, i) => (
                  <OutlineStory key={s.id} session={session} story={s} patterns={patterns} patternId={pattern?.id ?? null} role={roles.get(s.id)?.role ?? null} editing={editingId === s.id} position={`${i + 1} of ${list.length}${pattern ? ` in ${pattern.name || 'unnamed pattern'}` : ''}`} />
                ))}
              </ul>
            )}
          </section>
        )
      })}
      <RaisedFromBelow session={session} />
      <PeerReferences session={session} />
      <WithdrawnStories session={session} />
    </main>
  )
}
