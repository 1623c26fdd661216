import type { Role } from '../../shared/access/roles.ts'
// The minimal socket a room needs. Rooms never see Hono, ws or the HTTP request.
export interface SyncSocket {
  /** `sent` is called once the frame has left the process (written to the network). */
  send(frame: Uint8Array, sent?: () => void): void
  close(code: number, reason: string): void
  /** Bytes queued but not yet written; used to shed consumers that fall far behind. */
  readonly bufferedAmount?: number
}

export type Principal = {
  id: string
  name: string
  /** The board role; facilitators may still write while the board is locked. */
  role?: Role
  /** When the person's access ends by itself (guests): their sockets close then. */
  expiresAt?: string | null
}
