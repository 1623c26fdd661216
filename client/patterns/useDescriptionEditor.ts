// The tiptap editor bound to a pattern's description (a Y.XmlFragment in the pattern's map), with
// others' carets and the per-person undo. It is mounted only while no story is being written, so
// the board never has more than one rich-text editor at a time.
import type { Editor } from '@tiptap/react'
import { useMemo } from 'react'
import * as Y from 'yjs'
import { patternsMap } from '../../shared/model/layout.ts'
import { PATTERN_KEYS } from '../../shared/model/pattern.ts'
import type { BoardSession } from '../board/createSession.ts'
import { useBoardEditor } from '../editor/useBoardEditor.ts'

export function descriptionOf(session: BoardSession, patternId: string): Y.XmlFragment | null {
  const d = patternsMap(session.doc).get(patternId)?.get(PATTERN_KEYS.description)
  return d instanceof Y.XmlFragment ? d : null
}

export function stopDescription(session: BoardSession): void {
  session.ui.setState({ editingDescription: null })
  session.setPresence('editing', null)
}

export function useDescriptionEditor(session: BoardSession, patternId: string): Editor | null {
  const fragment = useMemo(() => descriptionOf(session, patternId), [session, patternId])
  return useBoardEditor(session, {
    fragment,
    caretKey: patternId,
    stop: () => stopDescription(session),
    next: null,
    label: 'Pattern description (Escape to finish)',
    testId: 'pattern-description-editor',
  })
}
