import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { AwarenessRelay } from './awarenessRelay.ts'

/** Entries as another instance publishes them: [count] then [client][clock][state] each. */
function remote(entries: Array<[number, number, string]>): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, entries.length)
  for (const [client, clock, state] of entries) {
    encoding.writeVarUint(e, client)
    encoding.writeVarUint(e, clock)
    encoding.writeVarString(e, state)
  }
  return encoding.toUint8Array(e)
}

describe('awareness relay: presence from other instances', () => {
  it('sends a remote state on once; a re-announcement of the same state only renews it', () => {
    const relay = new AwarenessRelay(4096)
    relay.acceptRemote(remote([[7, 3, '{"c":[1,2]}']]), 'i1', 1000)
    expect(relay.flush()?.frameFor('local-conn')).toBeInstanceOf(Uint8Array)
    // Two seconds later the other instance re-announces the unchanged state.
    relay.acceptRemote(remote([[7, 3, '{"c":[1,2]}']]), 'i1', 3000)
    expect(relay.flush()).toBeNull()
    // Renewed: it outlives a sweep that would have dropped it had it not been renewed.
    relay.sweepRemote(2500, 4000)
    expect(relay.size).toBe(1)
    // A newer clock is news again.
    relay.acceptRemote(remote([[7, 4, '{"c":[3,4]}']]), 'i1', 4100)
    expect(relay.flush()?.frameFor('local-conn')).toBeInstanceOf(Uint8Array)
    // Not renewed for longer than the limit: dropped, and everyone here is told.
    relay.sweepRemote(2500, 9000)
    expect(relay.size).toBe(0)
    expect(relay.flush()?.frameFor('local-conn')).toBeInstanceOf(Uint8Array)
  })
})
