// Keyboard shortcuts of the canvas, as a pure function from a key event's fields to a command,
// plus the table the help popover shows. Pure module: no DOM, no React.

export type Command =
  | 'newStory'
  | 'handTool'
  | 'selectTool'
  | 'zoomIn'
  | 'zoomOut'
  | 'zoomFit'
  | 'zoomReset'
  | 'undo'
  | 'redo'
  | 'duplicate'
  | 'selectAll'
  | 'delete'
  | 'edit'
  | 'escape'
  | 'help'
  | 'front'
  | 'back'
  | 'panel'
  | 'outline'
  | 'group'
  | 'patternTool'
  | { nudge: { dx: number; dy: number } }

export type KeyLike = { key: string; code?: string; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean }

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }

export function commandFor(e: KeyLike): Command | null {
  const mod = e.metaKey || e.ctrlKey
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key
  if (mod) {
    if (key === 'z') return e.shiftKey ? 'redo' : 'undo'
    if (key === 'y') return 'redo'
    if (key === 'd') return 'duplicate'
    if (key === 'a') return 'selectAll'
    if (key === ']') return 'front'
    if (key === '[') return 'back'
    if (key === '=' || key === '+') return 'zoomIn'
    if (key === '-') return 'zoomOut'
    if (key === '0') return 'zoomReset'
    return null
  }
  if (e.altKey) return null
  const arrow = ARROWS[e.key]
  if (arrow) {
    const step = e.shiftKey ? 10 : 1
    return { nudge: { dx: arrow[0] * step, dy: arrow[1] * step } }
  }
  if (e.shiftKey && (e.code === 'Digit1' || key === '!')) return 'zoomFit'
  if (e.shiftKey && (e.code === 'Digit0' || key === ')')) return 'zoomReset'
  switch (key) {
    case 'n':
      return 'newStory'
    case 'h':
      return 'handTool'
    case 'v':
      return 'selectTool'
    case '+':
    case '=':
      return 'zoomIn'
    case '-':
    case '_':
      return 'zoomOut'
    case 'Delete':
    case 'Backspace':
      return 'delete'
    case 'Enter':
      return 'edit'
    case 'Escape':
      return 'escape'
    case '?':
      return 'help'
    case ']':
      return 'front'
    case '[':
      return 'back'
    case 'i':
      return 'panel'
    case 'o':
      return 'outline'
    case 'g':
      return 'group'
    case 'p':
      return 'patternTool'
    default:
      return null
  }
}

/**
 * On a board locked for this person, letters are typing, not commands: a participant who starts
 * writing must not flip views or tools letter by letter. Shortcuts with a modifier, symbols (?,
 * +, -) and other keys still work.
 */
export const swallowedWhileLocked = (e: KeyLike, locked: boolean): boolean =>
  locked && !e.metaKey && !e.ctrlKey && !e.altKey && e.key.length === 1 && /\p{L}/u.test(e.key)

/** What the help popover lists, in the field's words. */
export const SHORTCUTS: readonly [keys: string, what: string][] = [
  ['N or double-click', 'New story, type at once'],
  ['Tab / Shift+Tab (while writing)', 'Next story to the right / left'],
  ['Enter', 'Write in the selected story'],
  ['Esc', 'Stop writing, clear the selection'],
  ['⌘/Ctrl+B, ⌘/Ctrl+I, ⌘/Ctrl+K', 'Bold, italic, link (while writing)'],
  ['- or 1. at line start', 'Bullet or numbered list (while writing)'],
  ['Drag, Shift+click, drag on empty canvas', 'Move, add to selection, select an area'],
  ['G', 'Group the selected stories into a new pattern'],
  ['P, then drag', 'Draw a pattern area (stories inside join it)'],
  ['Drag a pattern’s title bar', 'Move the pattern with its stories'],
  ['Double-click a pattern’s title, or Enter', 'Rename the selected pattern'],
  ['Drop a story into or out of an area', 'It joins or leaves that pattern'],
  ['⌘/Ctrl+A', 'Select all stories'],
  ['Arrow keys (Shift: ×10)', 'Nudge the selected stories'],
  ['⌘/Ctrl+D', 'Duplicate'],
  ['⌘/Ctrl+C, ⌘/Ctrl+V', 'Copy, paste'],
  ['Delete / Backspace', 'Delete the selected stories'],
  ['] / [', 'Bring to front / send to back'],
  ['⌘/Ctrl+Z, ⇧⌘Z or ⌘/Ctrl+Y', 'Undo, redo (your own changes only)'],
  ['Space+drag, H, middle button, scroll', 'Pan'],
  ['⌘/Ctrl+scroll, pinch, + / -', 'Zoom'],
  ['Shift+1, Shift+0', 'Zoom to fit, zoom to 100%'],
  ['I', 'Story details panel'],
  ['O', 'Outline view (accessible list of the board)'],
  ['?', 'This help'],
]
