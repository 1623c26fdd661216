// The tiptap editor bound to a pattern's description (a Y.XmlFragment in the pattern's map), with
// others' carets and the per-person undo. It is mounted only while no story is being written, so
// the board never has more than one rich-text editor at a time.
import Collaboration from '@tiptap/extension-collaboration'
import { useEditor, type Editor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { useMemo, useRef } from 'react'
import * as Y from 'yjs'
import { patternsMap } from '../../shared/model/layout.ts'
import { PATTERN_KEYS } from '../../shared/model/pattern.ts'
import type { BoardSession } from '../board/createSession.ts'
import { boardKeysExtension } from '../editor/boardKeys.ts'
import { caretsExtension } from '../editor/carets.ts'
import { promptLink } from '../editor/promptLink.ts'
import { safeHref } from '../editor/safeLink.ts'

export function descriptionOf(session: BoardSession, patternId: string): Y.XmlFragment | null {
  const d = patternsMap(session.doc).get(patternId)?.get(PATTERN_KEYS.description)
  return d instanceof Y.XmlFragment ? d : null
}

export function stopDescription(session: BoardSession): void {
  session.ui.setState({ editingDescription: null })
  session.setPresence('editing', null)
}

export function useDescriptionEditor(session: BoardSession, patternId: string): Editor | null {
  const editorRef = useRef<Editor | null>(null)
  const fragment = useMemo(() => descriptionOf(session, patternId), [session, patternId])
  const extensions = useMemo(
    () => [
      StarterKit.configure({
        undoRedo: false,
        link: { openOnClick: false, autolink: true, defaultProtocol: 'https', isAllowedUri: (url) => safeHref(url) !== null },
      }),
      Collaboration.configure({ fragment }),
      caretsExtension(session.provider.awareness, patternId),
      boardKeysExtension({
        stop: () => stopDescription(session),
        next: null,
        undo: () => session.undo.undo(),
        redo: () => session.undo.redo(),
        link: () => editorRef.current && promptLink(editorRef.current),
      }),
    ],
    [session, patternId, fragment],
  )
  const editor = useEditor(
    {
      extensions,
      autofocus: 'end',
      editorProps: {
        attributes: { class: 'story-editor-content', 'aria-label': 'Pattern description (Escape to finish)', 'aria-multiline': 'true', role: 'textbox', 'data-testid': 'pattern-description-editor' },
      },
    },
    [extensions],
  )
  editorRef.current = editor
  return fragment ? editor : null
}
