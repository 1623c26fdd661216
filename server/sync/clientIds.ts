// Which connection owns which Yjs client id in a room. The first connection to write with an id
// owns it; when it closes, its ids stay reserved for the same person for a while: a stock peer
// echoes the departure back, and that echo must not take over the id of someone who is about to
// reconnect with the same document.

/** How long a departed connection's client ids stay reserved for the same person. */
export const CLIENT_ID_RESERVATION_MS = 5 * 60_000

export type Ownership = 'mine' | 'free' | 'other'
type Holder = { connection: string; principal: string }

export class ClientIds {
  private readonly owners = new Map<number, { conn: string | null; principal: string; until: number }>()

  ownership(holder: Holder, client: number): Ownership {
    const owner = this.owners.get(client)
    if (owner === undefined) return 'free'
    if (owner.conn === holder.connection) return 'mine'
    if (owner.conn === null && (owner.principal === holder.principal || Date.now() > owner.until)) return 'free'
    return 'other'
  }

  claim(holder: Holder, client: number): void {
    this.owners.set(client, { conn: holder.connection, principal: holder.principal, until: Infinity })
  }

  /** The connection closed: its ids are reserved for the same person for a while. */
  release(holder: Holder, clients: Iterable<number>): void {
    const until = Date.now() + CLIENT_ID_RESERVATION_MS
    for (const client of clients) this.owners.set(client, { conn: null, principal: holder.principal, until })
    if (this.owners.size > 10_000) {
      for (const [client, o] of this.owners) if (o.conn === null && o.until < Date.now()) this.owners.delete(client)
    }
  }
}
