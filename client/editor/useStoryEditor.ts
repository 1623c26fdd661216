// A tiptap editor bound to one story's Y.XmlFragment (collaborative, with others' carets and the
// board-wide per-person undo). Used by the canvas overlay and by the outline view; only one is
// mounted at a time (the story being written).
import type { Editor } from '@tiptap/react'
import { useEffect, useMemo } from 'react'
import * as Y from 'yjs'
import { storiesMap } from '../../shared/model/layout.ts'
import { STORY_KEYS } from '../../shared/model/story.ts'
import type { BoardSession } from '../board/createSession.ts'
import { createNextStory, startEditing } from '../board/storyActions.ts'
import { useBoardEditor } from './useBoardEditor.ts'

export function fragmentOf(session: BoardSession, storyId: string): Y.XmlFragment | null {
  const text = storiesMap(session.doc).get(storyId)?.get(STORY_KEYS.text)
  return text instanceof Y.XmlFragment ? text : null
}

type Options = { tabCreatesStory: boolean; label: string }

export function useStoryEditor(session: BoardSession, storyId: string, { tabCreatesStory, label }: Options): Editor | null {
  const fragment = useMemo(() => fragmentOf(session, storyId), [session, storyId])
  const editor = useBoardEditor(session, {
    fragment,
    caretKey: storyId,
    stop: () => startEditing(session, null),
    next: tabCreatesStory ? (direction) => createNextStory(session, direction) : null,
    label,
    testId: 'story-editor',
  })
  useEffect(() => {
    if (!editor) return
    const flush = () => {
      const text = session.ui.getState().typeahead
      if (!text) return
      session.ui.setState({ typeahead: '' })
      editor.chain().focus('end').insertContent(text).run()
    }
    flush()
    return session.ui.subscribe(flush)
  }, [editor, session])
  return editor
}
