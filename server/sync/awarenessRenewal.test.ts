// Presence between instances with two real relays: a client that set its presence to null while
// still connected is re-announced by its instance as null every round; the other instance must
// not send that removal of someone it no longer shows to all its clients again and again.
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { AwarenessRelay } from './awarenessRelay.ts'

/** An awareness update as a client sends it: [count] then [client][clock][state as string]. */
function fromClient(client: number, clock: number, state: string): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint(e, client)
  encoding.writeVarUint(e, clock)
  encoding.writeVarString(e, state)
  return encoding.toUint8Array(e)
}

describe('awareness relay: a null presence re-announced', () => {
  it('is sent on once by the other instance, not every round', () => {
    const a = new AwarenessRelay(4096)
    const b = new AwarenessRelay(4096)
    const owner = () => 'mine' as const
    // Each round instance A re-announces what its connections own; B takes it in.
    a.accept(fromClient(5, 1, '{"name":"x"}'), 'conn-1', owner, () => true)
    b.acceptRemote(a.localSnapshot()!, 'A', 0)
    expect(b.flush()?.frameFor('local-conn')).toBeInstanceOf(Uint8Array)
    expect(b.size).toBe(1)
    a.accept(fromClient(5, 2, 'null'), 'conn-1', owner, () => true)
    b.acceptRemote(a.localSnapshot()!, 'A', 1000)
    expect(b.flush()?.frameFor('local-conn')).toBeInstanceOf(Uint8Array)
    expect(b.size).toBe(0)
    b.acceptRemote(a.localSnapshot()!, 'A', 3000)
    expect(b.flush()).toBeNull()
    b.acceptRemote(a.localSnapshot()!, 'A', 5000)
    expect(b.flush()).toBeNull()
  })
})
