// Follow me across the leader's reload. The session names the leader by Yjs client id, and a
// reloaded page gets a new one, so everyone would keep following a view that never comes. The page
// remembers (per board, in the browser's storage) the client id it led with; a page that finds the
// room still following that id, with no client of that id connected any more, claims the lead again
// with its own id (the server checks the facilitator role as for any follow me). A second tab of
// the same person does not take the lead while the first is still open.
// Pure rule and a small storage adapter: no DOM beyond a Storage-like object, no React, no Yjs.

export type LeaderMemory = {
  /** The client id this browser last led this board with, or null. */
  recall(): number | null
  remember(clientId: number | null): void
}

const key = (boardId: string) => `learning-wall:leading:${boardId}`

export function leaderMemory(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null, boardId: string): LeaderMemory {
  return {
    recall() {
      try {
        const n = Number(storage?.getItem(key(boardId)) ?? NaN)
        return Number.isInteger(n) && n >= 0 ? n : null
      } catch {
        return null // storage disabled: no claim, as before
      }
    },
    remember(clientId) {
      try {
        if (clientId === null) storage?.removeItem(key(boardId))
        else storage?.setItem(key(boardId), String(clientId))
      } catch {
        // storage full or disabled: only the reload claim is lost
      }
    },
  }
}

/** Whether this page should claim the lead again for the one it replaced. */
export function shouldReclaim(leader: number | null, self: number, remembered: number | null, leaderConnected: boolean): boolean {
  return leader !== null && leader !== self && leader === remembered && !leaderConnected
}
