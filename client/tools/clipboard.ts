// Copy and paste of stories through the browser's clipboard events (no permission prompts).
// Inside one board, paste duplicates (keeping rich text); across boards it recreates the stories.
import type { BoardSession } from '../board/createSession.ts'
import { createStoryAt, deleteSelection, select } from '../board/storyActions.ts'
import { screenToCanvas } from '../geometry/camera.ts'
import { createStory, duplicateStories } from '../../shared/ops/story.ts'
import { CLIPBOARD_MIME, parseClip, plainTextOf, toClip } from './clipboardData.ts'

const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))

export function attachClipboard(s: BoardSession): () => void {
  let pasteCount = 0
  const onCopy = (e: ClipboardEvent): boolean => {
    if (isTyping(e.target) || s.ui.getState().editingId || !e.clipboardData) return false
    const { stories } = s.board.getState()
    const chosen = [...s.ui.getState().selection].flatMap((id) => stories.get(id) ?? [])
    if (chosen.length === 0) return false
    const clip = toClip(s.boardId, chosen)
    e.clipboardData.setData(CLIPBOARD_MIME, JSON.stringify(clip))
    e.clipboardData.setData('text/plain', plainTextOf(clip))
    e.preventDefault()
    pasteCount = 0
    return true
  }
  const onPaste = (e: ClipboardEvent) => {
    if (isTyping(e.target) || s.ui.getState().editingId || !e.clipboardData) return
    const clip = parseClip(e.clipboardData.getData(CLIPBOARD_MIME))
    e.preventDefault()
    if (!clip) {
      const text = e.clipboardData.getData('text/plain').trim()
      if (text) createStoryAt(s, undefined, text.slice(0, 20_000))
      return
    }
    pasteCount++
    const offset = { x: 24 * pasteCount, y: 24 * pasteCount }
    const { stories } = s.board.getState()
    if (clip.boardId === s.boardId && clip.stories.every((c) => stories.has(c.id))) {
      const r = duplicateStories(s.doc, { ids: clip.stories.map((c) => c.id), offset }, s.origin)
      if (r.ok) select(s, r.value.ids)
      return
    }
    // From another board: place the group at the centre of the view.
    const { camera, viewport } = s.ui.getState()
    const centre = screenToCanvas(camera, { x: viewport.w / 2, y: viewport.h / 2 })
    const first = clip.stories[0]
    if (!first) return
    const ids: string[] = []
    s.doc.transact(() => {
      for (const c of clip.stories) {
        const pos = { x: Math.round(centre.x + c.pos.x - first.pos.x), y: Math.round(centre.y + c.pos.y - first.pos.y) }
        const r = createStory(s.doc, { pos, size: c.size, colour: c.colour, text: c.text, fields: c.fields }, s.origin)
        if (r.ok) ids.push(r.value.id)
      }
    }, s.origin)
    select(s, ids)
  }
  const onCut = (e: ClipboardEvent) => {
    if (onCopy(e)) deleteSelection(s)
  }
  document.addEventListener('copy', onCopy)
  document.addEventListener('cut', onCut)
  document.addEventListener('paste', onPaste)
  return () => {
    document.removeEventListener('copy', onCopy)
    document.removeEventListener('cut', onCut)
    document.removeEventListener('paste', onPaste)
  }
}
