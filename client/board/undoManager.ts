// Per-person undo: tracks only this session's origin and this person's typing in the editor
// (y-tiptap's sync-plugin origin), so undo never removes anyone else's work.
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { membersMap, patternsMap, storiesMap, type Origin } from '../../shared/model/layout.ts'

export function createUndoManager(doc: Y.Doc, origin: Origin): Y.UndoManager {
  return new Y.UndoManager([storiesMap(doc), patternsMap(doc), membersMap(doc)], {
    trackedOrigins: new Set<unknown>([origin, ySyncPluginKey]),
    captureTimeout: 400,
  })
}
