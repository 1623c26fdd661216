// Owners and facilitators see restricted stories' text on the canvas too: the board's restricted
// room is opened once for the board (never for anyone else, and never stored in the browser), and
// each restricted placeholder is drawn with the text kept there.
import { useEffect, useState } from 'react'
import * as Y from 'yjs'
import { can } from '../../shared/access/roles.ts'
import { storiesMap } from '../../shared/model/layout.ts'
import { STORY_KEYS } from '../../shared/model/story.ts'
import type { BoardSession } from '../board/createSession.ts'
import { blocksOf, type Block } from '../canvas/richBlocks.ts'
import type { StoryView } from '../store/boardStore.ts'
import { useStore } from '../store/useStore.ts'
import { openRestrictedRoom } from './restrictedRoom.ts'

export type RestrictedText = ReadonlyMap<string, { text: string; blocks: Block[] }>

const NONE: RestrictedText = new Map()

/** The text of each story in a restricted room's document, by story id. */
export function restrictedTextOf(doc: Y.Doc): RestrictedText {
  const out = new Map<string, { text: string; blocks: Block[] }>()
  for (const [id, map] of storiesMap(doc).entries()) {
    const fragment = map instanceof Y.Map ? map.get(STORY_KEYS.text) : null
    if (!(fragment instanceof Y.XmlFragment)) continue
    const blocks = blocksOf(fragment)
    out.set(id, { text: blocks.map((b) => b.runs.map((r) => r.text).join('')).join('\n'), blocks })
  }
  return out
}

/** A restricted placeholder drawn with its text, when this person may see it. */
export function withRestrictedText(story: StoryView, text: RestrictedText): StoryView {
  if (story.sensitivity !== 'restricted') return story
  const found = text.get(story.id)
  return found ? { ...story, text: found.text, blocks: found.blocks } : story
}

export function useRestrictedText(session: BoardSession): RestrictedText {
  const allowed = useStore(session.access, (a) => a.endedBy === null && can(a.role, 'seeRestricted'))
  const anyRestricted = useStore(session.board, (s) => {
    for (const story of s.stories.values()) if (story.sensitivity === 'restricted') return true
    return false
  })
  const [text, setText] = useState<RestrictedText>(NONE)
  useEffect(() => {
    if (!allowed || !anyRestricted) return
    const room = openRestrictedRoom(session.boardId)
    const read = () => setText(restrictedTextOf(room.doc))
    room.doc.on('update', read)
    return () => {
      room.doc.off('update', read)
      room.destroy()
      setText(NONE)
    }
  }, [allowed, anyRestricted, session])
  return text
}
