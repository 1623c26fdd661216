// The y-websocket wire protocol's message types (y-protocols): a const table with a derived union.

export const MESSAGE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const
export type MessageType = (typeof MESSAGE)[keyof typeof MESSAGE]

export const SYNC = {
  step1: 0,
  step2: 1,
  update: 2,
} as const
export type SyncType = (typeof SYNC)[keyof typeof SYNC]

/**
 * A refused write arrives as y-protocols' auth "permission denied" with this prefix and the
 * refusal code (`write_refused:locked`). The writer's copy now holds a change the board never
 * will, and Yjs makes every later change of that copy depend on it: the client must start again
 * from the server's copy. At most one such message per connection per `refusalNoticeMs`.
 */
export const WRITE_REFUSED = 'write_refused:'
export const refusalNoticeMs = 1000

/** Defaults of the sync server's limits; the server reads overrides from its config. */
export const LIMITS = {
  /** Frames larger than this are refused with close code 1009. */
  maxFrameBytes: 2 * 1024 * 1024,
  /** One client's awareness state (its JSON) may not exceed this. */
  maxAwarenessStateBytes: 8 * 1024,
  /** Client ids one connection may hold at once (a tab normally holds one). */
  maxClientIdsPerConnection: 4,
} as const
