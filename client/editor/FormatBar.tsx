// Labelled formatting buttons above the story being written (the same as the keyboard shortcuts).
import type { Editor } from '@tiptap/react'
import { useEditorState } from '@tiptap/react'
import { Icon } from '../chrome/Icon.tsx'
import { promptLink } from './promptLink.ts'

export function FormatBar({ editor }: { editor: Editor | null }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      e
        ? { bold: e.isActive('bold'), italic: e.isActive('italic'), bullet: e.isActive('bulletList'), ordered: e.isActive('orderedList'), link: e.isActive('link') }
        : null,
  })
  if (!editor || !state) return null
  const keep = (e: React.MouseEvent) => e.preventDefault()
  const link = () => promptLink(editor)
  const button = (label: string, text: React.ReactNode, active: boolean, run: () => void) => (
    <button
      type="button"
      // The accessible name starts with the visible glyph (axe: label-content-name-mismatch).
      aria-label={typeof text === 'string' && !label.startsWith(text) ? `${text} ${label}` : label}
      title={label}
      aria-pressed={active}
      onMouseDown={keep}
      onClick={run}
    >
      {text}
    </button>
  )
  return (
    <div className="format-bar" role="toolbar" aria-label="Text formatting">
      {button('Bold (⌘/Ctrl+B)', 'B', state.bold, () => editor.chain().focus().toggleBold().run())}
      {button('Italic (⌘/Ctrl+I)', 'I', state.italic, () => editor.chain().focus().toggleItalic().run())}
      {button('Bulleted list', '•', state.bullet, () => editor.chain().focus().toggleBulletList().run())}
      {button('Numbered list', '1.', state.ordered, () => editor.chain().focus().toggleOrderedList().run())}
      {button('Link (⌘/Ctrl+K)', <Icon name="link" />, state.link, link)}
    </div>
  )
}
