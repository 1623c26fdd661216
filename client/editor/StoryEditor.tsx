// The one rich-text editor on the canvas, mounted on demand as a DOM overlay over the story being
// written. Its box follows the camera, scaled so its text lines up with the canvas drawing, and
// grows downwards with the text (never scrolls the start of a long story out of sight).
import type { BoardSession } from '../board/createSession.ts'
import { STORY_PADDING } from '../canvas/storyStyle.ts'
import { useStore } from '../store/useStore.ts'
import { EditorContent } from '@tiptap/react'
import { FormatBar } from './FormatBar.tsx'
import { useStoryEditor } from './useStoryEditor.ts'

export function StoryEditor({ session, storyId }: { session: BoardSession; storyId: string }) {
  const story = useStore(session.board, (s) => s.stories.get(storyId))
  const camera = useStore(session.ui, (s) => s.camera)
  const editor = useStoryEditor(session, storyId, { tabCreatesStory: true, label: 'Story text' })
  if (!story || !editor) return null
  const left = (story.pos.x + camera.x) * camera.zoom
  const top = (story.pos.y + camera.y) * camera.zoom
  return (
    <div data-overlay className="story-editor-frame" style={{ left, top }} data-story-id={storyId}>
      <FormatBar editor={editor} />
      <div
        className="story-editor"
        style={{ width: story.size.w, minHeight: story.size.h, padding: STORY_PADDING, background: story.colour, transform: `scale(${camera.zoom})` }}
      >
        <EditorContent editor={editor} />
      </div>
    </div>
  )
}
