// Who is asking and what they may do on a board. The role model is its own issue; this is the
// seam every connection and request already passes through.
import type { Access } from '../shared/access/access.ts'
import type { Principal } from './sync/socket.ts'

/** `boardId` is the room: a board id, or a board's private draft room (`<board>~draft~<user>`). */
export type AccessRequest = { boardId: string; headers: Headers; url: URL }

export type Authorization =
  | { access: 'read' | 'write'; principal: Principal }
  | { access: 'none'; reason: 'unauthenticated' | 'forbidden' }

export type Authorize = (request: AccessRequest) => Promise<Authorization>

export const allowEveryone: Authorize = async () => ({
  access: 'write',
  principal: { id: 'guest', name: 'Guest' },
})

export type { Access }
