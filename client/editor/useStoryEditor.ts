// A tiptap editor bound to one story's Y.XmlFragment (collaborative, with others' carets and the
// board-wide per-person undo). Used by the canvas overlay and by the outline view; only one is
// mounted at a time (the story being written).
import Collaboration from '@tiptap/extension-collaboration'
import { useEditor, type Editor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { useEffect, useMemo, useRef } from 'react'
import * as Y from 'yjs'
import { storiesMap } from '../../shared/model/layout.ts'
import { STORY_KEYS } from '../../shared/model/story.ts'
import type { BoardSession } from '../board/createSession.ts'
import { createNextStory, startEditing } from '../board/storyActions.ts'
import { boardKeysExtension } from './boardKeys.ts'
import { caretsExtension } from './carets.ts'
import { promptLink } from './promptLink.ts'
import { safeHref } from './safeLink.ts'

export function fragmentOf(session: BoardSession, storyId: string): Y.XmlFragment | null {
  const text = storiesMap(session.doc).get(storyId)?.get(STORY_KEYS.text)
  return text instanceof Y.XmlFragment ? text : null
}

type Options = { tabCreatesStory: boolean; label: string }

export function useStoryEditor(session: BoardSession, storyId: string, { tabCreatesStory, label }: Options): Editor | null {
  const editorRef = useRef<Editor | null>(null)
  const fragment = useMemo(() => fragmentOf(session, storyId), [session, storyId])
  const extensions = useMemo(
    () => [
      StarterKit.configure({
        undoRedo: false,
        link: { openOnClick: false, autolink: true, defaultProtocol: 'https', isAllowedUri: (url) => safeHref(url) !== null },
      }),
      Collaboration.configure({ fragment }),
      caretsExtension(session.provider.awareness, storyId),
      boardKeysExtension({
        stop: () => startEditing(session, null),
        next: tabCreatesStory ? (direction) => createNextStory(session, direction) : null,
        undo: () => session.undo.undo(),
        redo: () => session.undo.redo(),
        link: () => editorRef.current && promptLink(editorRef.current),
      }),
    ],
    [session, storyId, fragment, tabCreatesStory],
  )
  const editor = useEditor(
    {
      extensions,
      autofocus: 'end',
      editorProps: {
        attributes: { class: 'story-editor-content', 'aria-label': label, 'aria-multiline': 'true', role: 'textbox', 'data-testid': 'story-editor' },
      },
    },
    [extensions],
  )
  editorRef.current = editor
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
  return fragment ? editor : null
}
