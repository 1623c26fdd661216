// Board keyboard shortcuts on the window, except while a person types in a field or a story.
import type { BoardSession } from '../board/createSession.ts'
import { GATE_NOTICES } from '../facilitation/sessionRules.ts'
import { commandFor, swallowedWhileLocked } from './keymap.ts'
import { runCommand } from './runCommand.ts'

const isTyping = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName) || t.closest('[contenteditable="true"]') !== null)

export function attachKeyboard(s: BoardSession): () => void {
  const onKeyDown = (e: KeyboardEvent) => {
    if (isTyping(e.target)) return
    if (s.ui.getState().editingId) {
      // The editor mounts a moment after N or a double-click: keep what is typed meanwhile.
      if (e.key.length === 1 && !e.metaKey && !e.ctrlKey && !e.altKey) {
        e.preventDefault()
        s.ui.setState({ typeahead: s.ui.getState().typeahead + e.key })
      }
      return
    }
    if (e.key === ' ') {
      if (!(e.target instanceof HTMLButtonElement)) {
        e.preventDefault()
        s.ui.setState({ spaceDown: true })
      }
      return
    }
    const { canEdit, gate } = s.access.getState()
    if (swallowedWhileLocked(e, !canEdit && gate === 'locked')) {
      e.preventDefault()
      s.ui.setState({ notice: GATE_NOTICES.locked })
      return
    }
    const cmd = commandFor(e)
    if (!cmd) return
    // In the outline (and harvest) view, only the global commands apply: arrows and Enter belong to the list.
    if (s.ui.getState().view !== 'canvas' && !['undo', 'redo', 'help', 'outline', 'escape'].includes(cmd as string)) return
    // Enter and arrows on a button or a link (the skip link, Back) are theirs, not the board's.
    if ((e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement) && (cmd === 'edit' || typeof cmd === 'object')) return
    e.preventDefault()
    runCommand(s, cmd)
  }
  const onKeyUp = (e: KeyboardEvent) => {
    if (e.key === ' ') s.ui.setState({ spaceDown: false })
  }
  const onBlur = () => s.ui.setState({ spaceDown: false })
  window.addEventListener('keydown', onKeyDown)
  window.addEventListener('keyup', onKeyUp)
  window.addEventListener('blur', onBlur)
  return () => {
    window.removeEventListener('keydown', onKeyDown)
    window.removeEventListener('keyup', onKeyUp)
    window.removeEventListener('blur', onBlur)
  }
}
