// The one way the board mounts a tiptap editor on a Y.XmlFragment: collaborative, others' carets,
// links checked, and the board's keys (Escape to stop, Tab to the next story where offered, the
// board-wide per-person undo). Stories and pattern descriptions differ only in what they bind.
import Collaboration from '@tiptap/extension-collaboration'
import { useEditor, type Editor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { useMemo, useRef } from 'react'
import type * as Y from 'yjs'
import type { BoardSession } from '../board/createSession.ts'
import { boardKeysExtension, type BoardKeyHandlers } from './boardKeys.ts'
import { caretsExtension } from './carets.ts'
import { promptLink } from './promptLink.ts'
import { safeHref } from './safeLink.ts'

type Binding = {
  fragment: Y.XmlFragment | null
  /** Whose carets show in it: the story or pattern id. */
  caretKey: string
  stop: () => void
  next: BoardKeyHandlers['next']
  label: string
  testId: string
}

export function useBoardEditor(session: BoardSession, b: Binding): Editor | null {
  const editorRef = useRef<Editor | null>(null)
  const { fragment, caretKey, stop, next, label, testId } = b
  const extensions = useMemo(
    () => [
      StarterKit.configure({
        undoRedo: false,
        link: { openOnClick: false, autolink: true, defaultProtocol: 'https', isAllowedUri: (url) => safeHref(url) !== null },
      }),
      Collaboration.configure({ fragment }),
      caretsExtension(session.provider.awareness, caretKey),
      boardKeysExtension({
        stop,
        next,
        undo: () => session.undo.undo(),
        redo: () => session.undo.redo(),
        link: () => editorRef.current && promptLink(editorRef.current),
      }),
    ],
    // `stop` and `next` are new closures each render over the same session: rebuilding the
    // editor for them would drop the caret. Whether Tab makes a story is what matters.
    [session, caretKey, fragment, next === null],
  )
  const editor = useEditor(
    {
      extensions,
      autofocus: 'end',
      editorProps: {
        attributes: { class: 'story-editor-content', 'aria-label': label, 'aria-multiline': 'true', role: 'textbox', 'data-testid': testId },
      },
    },
    [extensions],
  )
  editorRef.current = editor
  return fragment ? editor : null
}
