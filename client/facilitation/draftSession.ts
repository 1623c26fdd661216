// This person's private drafts during a private phase: a second Y.Doc synced with the stock
// y-websocket client to the per-person draft room `<boardId>~draft~<userId>`, which the server
// lets only its author open. Never stored on this device (no offline copy) and no presence is
// sent there. The server moves the drafts into the board on reveal and empties this document.
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { draftRoom } from '../../shared/model/facilitation.ts'
import { DEFAULT_STORY_SIZE, STORY_COLOURS } from '../../shared/model/geometry.ts'
import type { Origin } from '../../shared/model/layout.ts'
import { readBoard } from '../../shared/model/readBoard.ts'
import type { Story } from '../../shared/model/story.ts'
import { createStory, deleteStories } from '../../shared/ops/story.ts'
import type { Result } from '../../shared/result.ts'
import { syncUrl } from '../board/createSession.ts'
import { STORY_GAP } from '../geometry/nextStory.ts'
import { createStore, type Store } from '../store/createStore.ts'

export type DraftState = { stories: readonly Story[]; synced: boolean }

export type DraftSession = Store<DraftState> & {
  /** Adds a private story; `near` is a canvas point (the viewport centre) to lay drafts out from. */
  add(text: string, near: { x: number; y: number }, colour?: string): Result<{ id: string }>
  remove(id: string): Result<{ deleted: number }>
  destroy(): void
}

/** Each person's drafts start on their own row, so reveals from many people overlap less. */
export function draftPosition(userId: string, index: number, near: { x: number; y: number }): { x: number; y: number } {
  let hash = 0
  for (const ch of userId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0
  const { w, h } = DEFAULT_STORY_SIZE
  return { x: Math.round(near.x - 2 * (w + STORY_GAP) + (index % 5) * (w + STORY_GAP)), y: Math.round(near.y + ((hash % 4) - 1 + Math.floor(index / 5)) * (h + STORY_GAP)) }
}

export function openDrafts(boardId: string, userId: string): DraftSession {
  const doc = new Y.Doc()
  const origin: Origin = { kind: 'local' }
  const provider = new WebsocketProvider(syncUrl(location), draftRoom(boardId, userId), doc)
  provider.awareness.setLocalState(null)
  const store = createStore<DraftState>({ stories: [], synced: false })
  const read = () => store.setState({ stories: readBoard(doc).stories })
  doc.on('update', read)
  provider.on('sync', (synced: boolean) => store.setState({ synced }))

  return {
    ...store,
    add(text, near, colour = STORY_COLOURS[0]) {
      const pos = draftPosition(userId, store.getState().stories.length, near)
      return createStory(doc, { pos, colour, text }, origin)
    },
    remove: (id) => deleteStories(doc, { ids: [id] }, origin),
    destroy() {
      doc.off('update', read)
      provider.destroy()
      doc.destroy()
    },
  }
}
