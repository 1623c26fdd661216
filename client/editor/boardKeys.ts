// Keys inside the story editor that act on the board: Escape stops writing, Tab / Shift+Tab start
// the next story, and undo/redo use this person's board-wide undo stack (text and board together).
import { Extension } from '@tiptap/react'

export type BoardKeyHandlers = {
  stop: () => void
  /** null: Tab moves the focus as usual (the outline view). */
  next: ((direction: 'right' | 'left') => void) | null
  undo: () => void
  redo: () => void
  link: () => void
}

export function boardKeysExtension(h: BoardKeyHandlers) {
  return Extension.create({
    name: 'boardKeys',
    // Above the collaboration extension (1000), whose own undo covers one story only.
    priority: 1100,
    addKeyboardShortcuts() {
      const run = (fn: () => void) => () => {
        fn()
        return true
      }
      const next = h.next
      return {
        Escape: run(h.stop),
        ...(next ? { Tab: run(() => next('right')), 'Shift-Tab': run(() => next('left')) } : {}),
        'Mod-z': run(h.undo),
        'Shift-Mod-z': run(h.redo),
        'Mod-y': run(h.redo),
        'Mod-k': run(h.link),
      }
    },
  })
}
