// The board's restricted room, opened by owners and facilitators only: a second document and
// provider beside the board's, holding restricted stories' text and fields. Closed when unused.
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { restrictedRoom } from '../../shared/model/restricted.ts'
import { syncUrl } from '../board/createSession.ts'
import { clientKeyParams } from '../session/clientKey.ts'

export type RestrictedRoom = { doc: Y.Doc; provider: WebsocketProvider; destroy(): void }

export function openRestrictedRoom(boardId: string): RestrictedRoom {
  const doc = new Y.Doc()
  // No offline copy: restricted content is not kept in the browser's storage.
  const provider = new WebsocketProvider(syncUrl(location), restrictedRoom(boardId), doc, { params: clientKeyParams() })
  return {
    doc,
    provider,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}
