// What crosses between server instances that have the same board open. The sync layer talks to
// this interface; Redis is one implementation (redisBus.ts). A single instance has none.

export type BoardBusHandlers = {
  /** A document update another instance has already stored. */
  update(update: Uint8Array): void
  /** A batch of presence entries from another instance's connections. */
  awareness(update: Uint8Array, instanceId: string): void
}

export interface Bus {
  readonly instanceId: string
  /** Where the board's update stream is now; read from there after loading from storage. */
  position(boardId: string): Promise<string>
  join(boardId: string, from: string, handlers: BoardBusHandlers): void
  leave(boardId: string): void
  /** One command per stored batch. Never awaited by the sync pipeline. */
  publishUpdate(boardId: string, update: Uint8Array): void
  /** One command per presence batch. */
  publishAwareness(boardId: string, update: Uint8Array): void
  /**
   * Drops the board's retained updates (after a withdrawal they may hold erased content). Safe:
   * a reader behind the stream catches up from storage, which is the guarantee anyway.
   */
  forget?(boardId: string): Promise<void>
  /**
   * Deletes a room's stream altogether, key included (a revealed draft room, whose name is its
   * writer's id). An instance that still holds the room reads on from an empty stream.
   */
  delete?(room: string): Promise<void>
  /** Called after a lost connection to the bus comes back: rooms catch up from storage. */
  onReconnect(listener: () => void): void
  close(): Promise<void>
}
