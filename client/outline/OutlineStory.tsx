// One story in the outline: its text (or an editor while being written), its details, and
// controls to write, move it into a pattern, or delete it. All plain, labelled DOM controls.
import { EditorContent } from '@tiptap/react'
import { useEffect, useRef } from 'react'
import type { MemberRole, Pattern } from '../../shared/model/pattern.ts'
import type { BoardSession } from '../board/createSession.ts'
import { moveToPattern, select, startEditing } from '../board/storyActions.ts'
import { footerOf } from '../canvas/storyStyle.ts'
import { deleteStories } from '../../shared/ops/story.ts'
import { useStoryEditor } from '../editor/useStoryEditor.ts'
import { MemberRoleSelect } from '../patterns/MemberRoleSelect.tsx'
import type { StoryView } from '../store/boardStore.ts'
import { PatternOptions } from '../patterns/PatternOptions.tsx'

type Props = { session: BoardSession; story: StoryView; patterns: readonly Pattern[]; patternId: string | null; role: MemberRole | null; editing: boolean; position: string }

function InlineEditor({ session, storyId }: { session: BoardSession; storyId: string }) {
  const editor = useStoryEditor(session, storyId, { tabCreatesStory: false, label: 'Story text (Escape to finish)' })
  return <div className="outline-editor">{editor && <EditorContent editor={editor} />}</div>
}

/**
 * Moving a story to another pattern re-renders it in that pattern's list (a new element): the
 * focus follows it to its pattern field there instead of dropping to the page's body.
 */
function changePattern(session: BoardSession, storyId: string, pattern: string | null): void {
  moveToPattern(session, storyId, pattern)
  const refocus = (tries: number) => {
    const field = document.querySelector<HTMLElement>(`li[data-story-id="${CSS.escape(storyId)}"] [data-testid=story-pattern]`)
    if (field && document.activeElement !== field) field.focus()
    else if (!field && tries > 0) requestAnimationFrame(() => refocus(tries - 1))
  }
  requestAnimationFrame(() => refocus(10))
}

export function OutlineStory({ session, story, patterns, patternId, role, editing, position }: Props) {
  const editButton = useRef<HTMLButtonElement>(null)
  const wasEditing = useRef(editing)
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus()
    wasEditing.current = editing
  }, [editing])
  const footer = footerOf(story)
  const textId = `story-text-${story.id}`
  return (
    <li className="outline-story" data-story-id={story.id} data-testid="outline-story" aria-labelledby={textId} style={{ borderLeftColor: story.colour }}>
      {editing ? (
        <InlineEditor session={session} storyId={story.id} />
      ) : (
        <p id={textId} className="outline-text" data-testid="story-text">
          {story.text || <em>{story.sensitivity === 'restricted' ? 'Restricted story (content visible to facilitators and owners only)' : 'Empty story'}</em>}
        </p>
      )}
      {footer && <p className="outline-meta">{footer}</p>}
      <div className="outline-actions" role="group" aria-label={`Story ${position}`}>
        <button ref={editButton} type="button" onClick={() => startEditing(session, editing ? null : story.id)} data-testid="edit-story">
          {editing ? 'Done writing' : 'Edit text'}
        </button>
        <label>
          <span className="visually-hidden">Pattern for story {position}</span>
          <select value={patternId ?? ''} onChange={(e) => changePattern(session, story.id, e.target.value || null)} data-testid="story-pattern">
            <PatternOptions patterns={patterns} />
          </select>
        </label>
        {patternId && role && <MemberRoleSelect session={session} storyId={story.id} patternId={patternId} role={role} label={`Role of story ${position}`} testId="story-role" />}
        <button type="button" onClick={() => (select(session, [story.id]), session.ui.setState({ panelOpen: true }))}>
          Details
        </button>
        <button type="button" onClick={() => deleteStories(session.doc, { ids: [story.id] }, session.origin)} aria-label={`Delete story ${position}`}>
          Delete
        </button>
      </div>
    </li>
  )
}
