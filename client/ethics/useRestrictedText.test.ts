import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { storiesMap } from '../../shared/model/layout.ts'
import { paragraphsOf, seedFragment } from '../../shared/model/richText.ts'
import { STORY_KEYS } from '../../shared/model/story.ts'
import type { StoryView } from '../store/boardStore.ts'
import { restrictedTextOf, withRestrictedText } from './useRestrictedText.ts'

const view = (id: string, sensitivity: StoryView['sensitivity']) =>
  ({ id, sensitivity, text: '', blocks: [] }) as unknown as StoryView

describe('restricted text on the canvas', () => {
  it('reads each restricted story’s text from the restricted room and draws only placeholders with it', () => {
    const room = new Y.Doc()
    room.transact(() => {
      const m = new Y.Map<unknown>()
      storiesMap(room).set('story-r1', m)
      const text = new Y.XmlFragment()
      m.set(STORY_KEYS.text, text)
      seedFragment(text, paragraphsOf('Behind on rent since the operation'))
    })
    const text = restrictedTextOf(room)
    expect(text.get('story-r1')?.text).toBe('Behind on rent since the operation')
    expect(withRestrictedText(view('story-r1', 'restricted'), text).text).toBe('Behind on rent since the operation')
    // A working story with the same id is never drawn with restricted content, nor a story the room lacks.
    expect(withRestrictedText(view('story-r1', 'working'), text).text).toBe('')
    expect(withRestrictedText(view('story-r2', 'restricted'), text).text).toBe('')
  })
})
