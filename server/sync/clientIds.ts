// Which connection owns which Yjs client id in a room. An id written by a connection that holds a
// key (clientKeys.ts) belongs to that key for good: the key's hash is stored with the id, so after
// a restart only a connection with the same key gets it back, whoever announced it first ([H12]).
// Other ids go to the first connection to use them; when it closes, its ids stay reserved for the
// same person for a while: a stock peer echoes the departure back, and that echo must not take
// over the id of someone who is about to reconnect with the same document.

/** How long a departed connection's client ids stay reserved for the same person. */
export const CLIENT_ID_RESERVATION_MS = 5 * 60_000

export type Ownership = 'mine' | 'free' | 'other'
/** `key`: the hash of the connection's client key, if it holds one. */
type Holder = { connection: string; principal: string; key?: string | null }

export class ClientIds {
  private readonly owners = new Map<number, { conn: string | null; principal: string; until: number }>()

  /** `keyOf`: the stored key hash of an id, if it has one. */
  constructor(private readonly keyOf: (client: number) => string | undefined = () => undefined) {}

  ownership(holder: Holder, client: number): Ownership {
    const owner = this.owners.get(client)
    if (owner !== undefined && owner.conn === holder.connection) return 'mine'
    // A keyed id is its key's, also against a connection that announced it first.
    const key = this.keyOf(client)
    if (key !== undefined) return key === holder.key ? 'free' : 'other'
    if (owner === undefined) return 'free'
    if (owner.conn === null && (owner.principal === holder.principal || Date.now() > owner.until)) return 'free'
    return 'other'
  }

  /** The live connection holding an id, if any. */
  holder(client: number): string | null {
    return this.owners.get(client)?.conn ?? null
  }

  claim(holder: Holder, client: number): void {
    this.owners.set(client, { conn: holder.connection, principal: holder.principal, until: Infinity })
  }

  /** The connection closed: its ids are reserved for the same person for a while. */
  release(holder: Holder, clients: Iterable<number>): void {
    const until = Date.now() + CLIENT_ID_RESERVATION_MS
    for (const client of clients) {
      // An id another connection took over with its key is no longer this one's to reserve.
      if (this.owners.get(client)?.conn !== holder.connection) continue
      this.owners.set(client, { conn: null, principal: holder.principal, until })
    }
    if (this.owners.size > 10_000) {
      for (const [client, o] of this.owners) if (o.conn === null && o.until < Date.now()) this.owners.delete(client)
    }
  }
}
