// Ask for a link address and apply it to the selection (or remove the link when refused or empty).
import type { Editor } from '@tiptap/react'
import { safeHref } from './safeLink.ts'

export function promptLink(editor: Editor): void {
  const current = (editor.getAttributes('link').href as string | undefined) ?? ''
  const raw = window.prompt('Link address (https://…). Leave empty to remove the link.', current)
  if (raw === null) return
  const href = safeHref(raw)
  const chain = editor.chain().focus().extendMarkRange('link')
  if (href) chain.setLink({ href }).run()
  else chain.unsetLink().run()
}
