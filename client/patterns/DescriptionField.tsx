// A pattern's description: read as text, written in the rich-text editor bound to its fragment.
// Starting to write here stops writing in a story (one editor at a time) and vice versa.
import { EditorContent } from '@tiptap/react'
import { useEffect } from 'react'
import type { Pattern } from '../../shared/model/pattern.ts'
import type { BoardSession } from '../board/createSession.ts'
import { startEditing } from '../board/storyActions.ts'
import { FormatBar } from '../editor/FormatBar.tsx'
import { useStore } from '../store/useStore.ts'
import { stopDescription, useDescriptionEditor } from './useDescriptionEditor.ts'

function Editor({ session, patternId }: { session: BoardSession; patternId: string }) {
  const editor = useDescriptionEditor(session, patternId)
  return (
    <div className="description-editor">
      <FormatBar editor={editor} />
      <div className="outline-editor">{editor && <EditorContent editor={editor} />}</div>
    </div>
  )
}

export function DescriptionField({ session, pattern }: { session: BoardSession; pattern: Pattern }) {
  const editing = useStore(session.ui, (s) => s.editingDescription === pattern.id && s.editingId === null)
  // Leaving the panel (another selection, the pattern deleted) ends the writing.
  useEffect(
    () => () => {
      if (session.ui.getState().editingDescription === pattern.id) stopDescription(session)
    },
    [session, pattern.id],
  )
  const start = () => {
    startEditing(session, null)
    session.ui.setState({ editingDescription: pattern.id })
    session.setPresence('editing', pattern.id)
  }
  return (
    <div className="pattern-description" data-testid="pattern-description">
      <h3>Description</h3>
      {editing ? (
        <Editor session={session} patternId={pattern.id} />
      ) : (
        <p className={pattern.description ? 'description-text' : 'hint'} data-testid="pattern-description-text">
          {pattern.description || 'What do these stories mean together?'}
        </p>
      )}
      <button type="button" onClick={() => (editing ? stopDescription(session) : start())} data-testid="pattern-description-edit">
        {editing ? 'Done' : pattern.description ? 'Edit description' : 'Write a description'}
      </button>
    </div>
  )
}
