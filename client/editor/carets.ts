// Other people's carets inside the story being edited, through y-tiptap's cursor plugin and the
// provider's awareness. Only people writing in this same story are shown.
import { Extension } from '@tiptap/react'
import { yCursorPlugin } from '@tiptap/y-tiptap'
import type { Awareness } from 'y-protocols/awareness'

type CaretUser = { name?: unknown; colour?: unknown; color?: unknown }
const COLOUR = /^#[0-9a-f]{6}$/i
const colourOf = (u: CaretUser) => (typeof u.colour === 'string' && COLOUR.test(u.colour) ? u.colour : '#6c757d')

function caret(user: CaretUser): HTMLElement {
  const el = document.createElement('span')
  el.className = 'story-caret'
  el.style.borderColor = colourOf(user)
  const label = document.createElement('span')
  label.className = 'story-caret-label'
  label.style.backgroundColor = colourOf(user)
  label.textContent = typeof user.name === 'string' ? user.name.slice(0, 60) : 'Someone'
  el.append(label)
  return el
}

export function caretsExtension(awareness: Awareness, storyId: string) {
  return Extension.create({
    name: 'storyCarets',
    addProseMirrorPlugins() {
      return [
        yCursorPlugin(awareness, {
          awarenessStateFilter: (me: number, them: number, state: { editing?: unknown } | null) => me !== them && state?.editing === storyId,
          cursorBuilder: (user: CaretUser) => caret(user),
          selectionBuilder: (user: CaretUser) => ({ style: `background-color: ${colourOf(user)}40`, class: 'story-caret-selection' }),
        }),
      ]
    },
  })
}
