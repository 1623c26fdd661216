// A state API for end-to-end tests on `window.__learningWall`, present only in test builds
// (`vite build --mode test`) or when the page is opened with `?test` in its URL. A canvas has no
// DOM to query; tests read the board here or through the outline view.
import { readBoard } from '../shared/model/readBoard.ts'
import type { BoardSession } from './board/createSession.ts'

export type TestApi = {
  boardId: string
  doc: BoardSession['doc']
  awareness: BoardSession['provider']['awareness']
  /** A validated snapshot of the board (stories sorted back to front, patterns, problems). */
  snapshot(): ReturnType<typeof readBoard>
  ui(): ReturnType<BoardSession['ui']['getState']>
  connection(): ReturnType<BoardSession['connection']['getState']>
  peers(): ReturnType<BoardSession['presence']['getState']>['peers']
  synced(): boolean
  undo(): void
  redo(): void
  session: BoardSession
}

declare global {
  interface Window {
    __learningWall?: TestApi
  }
}

export const testApiEnabled = (): boolean => import.meta.env.MODE === 'test' || new URLSearchParams(location.search).has('test')

export function exposeTestApi(s: BoardSession): () => void {
  if (!testApiEnabled()) return () => undefined
  window.__learningWall = {
    boardId: s.boardId,
    doc: s.doc,
    awareness: s.provider.awareness,
    snapshot: () => readBoard(s.doc),
    ui: () => s.ui.getState(),
    connection: () => s.connection.getState(),
    peers: () => s.presence.getState().peers,
    synced: () => s.provider.synced,
    undo: () => s.undo.undo(),
    redo: () => s.undo.redo(),
    session: s,
  }
  return () => {
    if (window.__learningWall?.session === s) delete window.__learningWall
  }
}
