// A simulated network of peers for convergence tests: every update a peer makes is buffered per
// receiving peer and delivered in an order the seeded PRNG chooses, sometimes twice, sometimes
// held back while a peer is offline. Pure module: Yjs only.
import * as Y from 'yjs'
import type { Rng } from './prng.ts'

/** How far ahead of its turn an update may be delivered: enough to break causal order, small
 * enough that the receiving Yjs docs do not spend the run re-merging pending updates. */
const REORDER_WINDOW = 4

/** Origin of updates applied by the network; they are not sent on again. */
const NETWORK = Symbol('network')

export type Network = {
  docs: Y.Doc[]
  /** Deliver one buffered update between two online peers, if there is one. */
  deliverOne(): boolean
  goOffline(peer: number): void
  offline(): number[]
  /** Bring a peer back and deliver everything held for it and from it, in random order. */
  reconnect(peer: number): void
  /** Bring every peer online and deliver everything, in random order, until nothing is left. */
  flush(): void
  pending(): number
}

export function createNetwork(count: number, rng: Rng, base?: Uint8Array): Network {
  const docs = Array.from({ length: count }, (_, i) => {
    const doc = new Y.Doc()
    doc.clientID = i + 1
    if (base) Y.applyUpdate(doc, base, NETWORK)
    return doc
  })
  // inbox[to][from]: updates from `from` that `to` has not received yet.
  const inbox: Uint8Array[][][] = docs.map(() => docs.map(() => []))
  const offline = new Set<number>()
  docs.forEach((doc, from) => {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === NETWORK) return
      docs.forEach((_, to) => {
        if (to !== from) inbox[to]![from]!.push(update)
      })
    })
  })

  const channels = (peer?: number) => {
    const open: [number, number][] = []
    inbox.forEach((row, to) =>
      row.forEach((queue, from) => {
        const involved = peer === undefined || to === peer || from === peer
        if (involved && queue.length && !offline.has(to) && !offline.has(from))
          open.push([to, from])
      }),
    )
    return open
  }

  const deliverOne = (peer?: number): boolean => {
    const open = channels(peer)
    if (!open.length) return false
    const [to, from] = rng.pick(open)
    const queue = inbox[to]![from]!
    const [update] = queue.splice(rng.int(Math.min(queue.length, REORDER_WINDOW)), 1)
    Y.applyUpdate(docs[to]!, update!, NETWORK)
    // A duplicate delivery, now or later: applying an update twice must change nothing.
    const now = rng.chance(0.05)
    if (now) Y.applyUpdate(docs[to]!, update!, NETWORK)
    const later = !now && rng.chance(0.05)
    if (later) queue.splice(rng.int(queue.length + 1), 0, update!)
    return true
  }

  return {
    docs,
    deliverOne: () => deliverOne(),
    goOffline: (peer) => offline.add(peer),
    offline: () => [...offline].sort(),
    reconnect: (peer) => {
      offline.delete(peer)
      while (deliverOne(peer));
    },
    flush: () => {
      offline.clear()
      while (deliverOne());
    },
    pending: () => inbox.flat().reduce((n, q) => n + q.length, 0),
  }
}
