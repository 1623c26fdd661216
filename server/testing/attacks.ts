// Malformed and hostile y-websocket frames for robustness tests, built from real Yjs updates
// (scratch docs with fixed client ids) and framed with lib0. Each frame says which rejection
// codes the server may count for it. Test-only; seeded, never Math.random.
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { MESSAGE, SYNC } from '../../shared/protocol/messages.ts'
import type { Rng } from './seed.ts'
import { awarenessFrame, syncFrame, updateFrame, type AwarenessEntry } from './wire.ts'

/** Client ids only the attacker uses in updates. None of them may ever appear in the stored document. */
export const ATTACKER = { a: 0x0a77ac01, b: 0x0a77ac02, flip: 0x0a77ac03 } as const

/** The attacker's own presence id on its n-th connection (a departed id may be claimed by others). */
export const attackerPresence = (connection: number) => 0x0a77ac10 + connection

export type Presence = { client: number; clock: number }

export type AttackKind =
  | 'random_bytes'
  | 'truncated_update'
  | 'bit_flipped_update'
  | 'unknown_message_type'
  | 'huge_varint'
  | 'bad_awareness_json'
  | 'forged_client_id'
  | 'forged_awareness'
  | 'missing_dependency'
  | 'unknown_root'
  | 'text_frame'
  | 'structural_update'

/**
 * `codes`: the rejection codes the server may count for this frame. `mustReject`: false when the
 * frame may also be ignored without a count (random bytes, a bit flip that leaves an empty update,
 * text frames, a forged update the victim has since overtaken).
 */
export type Attack = {
  kind: AttackKind
  frame: Uint8Array | string
  codes: readonly string[]
  mustReject: boolean
}

const local = { kind: 'local' } as const
const MALFORMED = [
  'malformed_frame',
  'malformed_update',
  'missing_dependency',
  'unknown_root',
  'update_too_large',
  'unknown_sync_type',
  'unknown_message_type',
  'trailing_bytes',
  'malformed_awareness',
  'foreign_or_invalid_awareness',
  'malformed_state_vector',
  'foreign_client_id',
  'unsupported_content',
  'too_many_client_ids',
  'forbidden_key',
]

function scratch(clientID: number): Y.Doc {
  const doc = new Y.Doc()
  doc.clientID = clientID
  return doc
}

/** The update one change makes to `doc`. */
function change(doc: Y.Doc, fn: () => void): Uint8Array {
  const before = Y.encodeStateVector(doc)
  doc.transact(fn, local)
  return Y.encodeStateAsUpdate(doc, before)
}

const bytes = (rng: Rng, n: number) => {
  const b = new Uint8Array(n)
  rng.fill(b)
  return b
}

const varUints = (...parts: Array<number | Uint8Array>) => {
  const e = encoding.createEncoder()
  for (const p of parts) {
    if (typeof p === 'number') encoding.writeVarUint(e, p)
    else encoding.writeUint8Array(e, p)
  }
  return encoding.toUint8Array(e)
}

/** A story-shaped map with rich text, from an attacker id: it would be accepted if sent whole. */
export function validStoryUpdate(rng: Rng): Uint8Array {
  const doc = scratch(ATTACKER.a)
  return change(doc, () => {
    const id = `story${rng.int(1e6)}`
    const story = new Y.Map<unknown>()
    doc.getMap('stories').set(id, story)
    story.set('id', id)
    story.set('pos', { x: rng.int(1000), y: rng.int(1000) })
    const text = new Y.XmlFragment()
    story.set('text', text)
    const paragraph = new Y.XmlElement('paragraph')
    text.insert(0, [paragraph])
    paragraph.insert(0, [new Y.XmlText(`evidence ${rng.int(1e6)}`)])
  })
}

/** Content in roots a board does not have; rejected whole even when it parses. */
export function unknownRootUpdate(rng: Rng, clientID: number = ATTACKER.a): Uint8Array {
  const doc = scratch(clientID)
  const name = `${rng.pick(['evil', 'zz', '__proto__', 'constructor', 'stories2', 'Meta', ''])}${rng.int(1000)}`
  switch (rng.int(4)) {
    case 0:
      return change(doc, () => doc.getMap(name).set('k', rng.int(100)))
    case 1:
      return change(doc, () => doc.getText(name).insert(0, 'payload'.repeat(1 + rng.int(20))))
    case 2:
      return change(doc, () => doc.getArray(name).push([{ a: 1 }, [2], 'three']))
    default:
      return change(doc, () => {
        const inner = new Y.Map()
        doc.getMap(name).set('inner', inner)
        inner.set('deep', new Y.XmlFragment())
      })
  }
}

/** An awareness message around an arbitrary payload. */
function awarenessRaw(payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MESSAGE.awareness)
  encoding.writeVarUint8Array(e, payload)
  return encoding.toUint8Array(e)
}

export const randomBytes = (rng: Rng): Attack => {
  const frame = bytes(rng, 1 + rng.int(64))
  // A random sync step 1 would be answered with the whole board, which would upset the count of
  // step 2 replies the test waits on; make it an unknown sync type instead.
  if (frame[0] === MESSAGE.sync && frame[1] === SYNC.step1 && frame.length > 1) frame[1] = 7
  return { kind: 'random_bytes', frame, codes: MALFORMED, mustReject: false }
}

export function truncatedUpdate(rng: Rng): Attack {
  const update = validStoryUpdate(rng)
  if (rng.chance(0.5)) {
    const cut = update.slice(0, rng.int(update.length))
    return {
      kind: 'truncated_update',
      frame: updateFrame(cut),
      codes: ['malformed_update'],
      mustReject: true,
    }
  }
  const whole = updateFrame(update)
  return {
    kind: 'truncated_update',
    frame: whole.slice(0, 1 + rng.int(whole.length - 1)),
    codes: ['malformed_frame'],
    mustReject: true,
  }
}

export function bitFlippedUpdate(rng: Rng): Attack {
  const update = unknownRootUpdate(rng, ATTACKER.flip)
  for (let flips = 1 + rng.int(3); flips > 0; flips--)
    update[rng.int(update.length)]! ^= 1 << rng.int(8)
  // A flip can turn the update into an empty one (no structs, no deletes): a harmless no-op.
  let empty = false
  try {
    const decoded = Y.decodeUpdate(update)
    empty = decoded.structs.length === 0 && decoded.ds.clients.size === 0
  } catch {
    // does not parse: must be rejected
  }
  const frame = syncFrame(rng.chance(0.5) ? SYNC.update : SYNC.step2, update)
  return { kind: 'bit_flipped_update', frame, codes: MALFORMED, mustReject: !empty }
}

export function unknownMessageType(rng: Rng): Attack {
  if (rng.chance(0.5)) {
    const type = rng.pick([4, 5, 9, 127, 128, 300, 2 ** 31, 2 ** 53 - 1])
    return {
      kind: 'unknown_message_type',
      frame: varUints(type, bytes(rng, rng.int(16))),
      codes: ['unknown_message_type'],
      mustReject: true,
    }
  }
  const subtype = rng.pick([3, 4, 100, 2 ** 32])
  return {
    kind: 'unknown_message_type',
    frame: syncFrame(subtype, bytes(rng, rng.int(16))),
    codes: ['unknown_sync_type'],
    mustReject: true,
  }
}

const HUGE = [2 ** 31, 2 ** 32 + 5, 2 ** 40, 2 ** 53 - 1]

export function hugeVarint(rng: Rng): Attack {
  const huge = rng.pick(HUGE)
  const a = ATTACKER.a
  const attack = (frame: Uint8Array, codes: string[]): Attack => ({
    kind: 'huge_varint',
    frame,
    codes,
    mustReject: true,
  })
  switch (rng.int(10)) {
    case 0: // a payload length far past the frame
      return attack(varUints(MESSAGE.sync, SYNC.update, huge), ['malformed_frame'])
    case 1: // an update claiming billions of clients
      return attack(updateFrame(varUints(huge, 1, a, 0)), ['malformed_update'])
    case 2: // one client claiming billions of structs
      return attack(updateFrame(varUints(1, huge, a, 0, 0, 1)), ['malformed_update'])
    case 3: // a GC struct claiming a clock range of 2^40 and more
      return attack(updateFrame(varUints(1, 1, a, 0, 0, Math.max(huge, 2 ** 40), 0)), [
        'update_too_large',
      ])
    case 4: // a struct starting at a clock far in the future
      return attack(updateFrame(varUints(1, 1, a, huge, 0, 1, 0)), ['missing_dependency'])
    case 5: // a delete of a huge range nobody has
      return attack(updateFrame(varUints(0, 1, a, 1, huge, huge)), ['missing_dependency'])
    case 6: // a string whose length runs past the update
      return attack(updateFrame(varUints(1, 1, a, 0, 8 | 0x20, 1, huge)), ['malformed_update'])
    case 7: // an awareness update claiming billions of entries
      return attack(awarenessRaw(varUints(huge, a, 1, 0)), ['malformed_awareness'])
    case 8: // an awareness state whose length runs past the frame
      return attack(awarenessRaw(varUints(1, attackerPresence(0), 1, huge)), [
        'malformed_awareness',
      ])
    default: // a client id of 2^53 - 1 with a state length past the frame
      return attack(awarenessRaw(varUints(1, 2 ** 53 - 1, huge, huge)), ['malformed_awareness'])
  }
}

const BAD_STATES = [
  '{',
  '{"user":',
  'undefined',
  'NaN',
  '[1,2,3]',
  '"a string"',
  '42',
  'true',
  '',
  '{"a":1}x',
  '[{"user":{"name":"x"}}]',
]

/** An awareness state for a client id the attacker owns, that is not a JSON object. */
export function badAwarenessJson(rng: Rng, { client, clock }: Presence): Attack {
  const base = { kind: 'bad_awareness_json' as const, mustReject: true }
  switch (rng.int(4)) {
    case 0: // not UTF-8 at all: the frame is malformed
      return {
        ...base,
        frame: awarenessFrame([{ client, clock, state: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }]),
        codes: ['malformed_awareness'],
      }
    case 1: // an object, but larger than a state may be
      return {
        ...base,
        frame: awarenessFrame([
          { client, clock, state: JSON.stringify({ pad: 'x'.repeat(9000) }) },
        ]),
        codes: ['foreign_or_invalid_awareness'],
      }
    default:
      return {
        ...base,
        frame: awarenessFrame([{ client, clock, state: rng.pick(BAD_STATES) }]),
        codes: ['foreign_or_invalid_awareness'],
      }
  }
}

/**
 * Structs under an honest client's id, starting where the server's copy of that client ends (or
 * overlapping it a little), spanning 50,000 clock ticks so the victim cannot overtake them.
 */
export function forgedUpdate(rng: Rng, victim: number, known: number): Attack {
  const start = Math.max(0, known - rng.int(4))
  const doc = scratch(victim)
  // Stand-in for the victim's history, so the scratch doc's next clock is `start`.
  if (start > 0) doc.store.clients.set(victim, [new Y.GC(Y.createID(victim, 0), start)])
  const update = change(doc, () => {
    const text = new Y.Text()
    doc.getMap('stories').set(`forged${rng.int(1e6)}`, text)
    text.insert(0, 'x'.repeat(50_000))
    text.delete(0, 50_000)
  })
  const frame = syncFrame(rng.chance(0.5) ? SYNC.update : SYNC.step2, update)
  return { kind: 'forged_client_id', frame, codes: ['foreign_client_id'], mustReject: true }
}

/** Presence entries for honest ids: higher clocks, a foreign name, or null to remove them. */
export function forgedAwareness(
  rng: Rng,
  victims: readonly number[],
  own: Presence,
): Attack & { forged: number } {
  const forged: AwarenessEntry[] = rng.some(victims, victims.length).map((client) => ({
    client,
    clock: rng.pick([1_000_000 + rng.int(1000), 2 ** 31, 2 ** 53 - 1]),
    state: rng.chance(0.2)
      ? 'null'
      : JSON.stringify({
          user: { name: 'Mallory', colour: '#000000' },
          note: 'paste your password here',
        }),
  }))
  // Sometimes alongside the attacker's own (valid) entry, which the server keeps.
  const entries = rng.chance(0.3)
    ? [{ ...own, state: '{"user":{"name":"attacker"}}' }, ...forged]
    : forged
  return {
    kind: 'forged_awareness',
    frame: awarenessFrame(entries),
    codes: ['foreign_or_invalid_awareness'],
    mustReject: true,
    forged: forged.length,
  }
}

/** Updates whose dependencies were never sent. */
export function missingDependency(rng: Rng): Attack {
  const attack = (update: Uint8Array): Attack => ({
    kind: 'missing_dependency',
    frame: updateFrame(update),
    codes: ['missing_dependency'],
    mustReject: true,
  })
  const a = scratch(ATTACKER.a)
  switch (rng.int(4)) {
    case 0: {
      // The second of two dependent updates from one client.
      const map = new Y.Map()
      change(a, () => a.getMap('stories').set(`dep${rng.int(1e6)}`, map))
      return attack(change(a, () => map.set('pos', { x: rng.int(100), y: 0 })))
    }
    case 1: {
      // Another client's map, which the server has never seen, as the parent.
      const b = scratch(ATTACKER.b)
      const map = new Y.Map()
      Y.applyUpdate(
        a,
        change(b, () => b.getMap('stories').set(`parent${rng.int(1e6)}`, map)),
      )
      return attack(
        change(a, () =>
          (a.getMap('stories').get([...a.getMap('stories').keys()][0]!) as Y.Map<unknown>).set(
            'k',
            1,
          ),
        ),
      )
    }
    case 2: {
      // Text inserted after another client's characters, which the server has never seen.
      const b = scratch(ATTACKER.b)
      const text = new Y.Text()
      Y.applyUpdate(
        a,
        change(b, () => {
          b.getMap('stories').set(`text${rng.int(1e6)}`, text)
          text.insert(0, 'hello')
        }),
      )
      const mine = a.getMap('stories').values().next().value as Y.Text
      return attack(change(a, () => mine.insert(3, 'XYZ')))
    }
    default: {
      // Deletes of content the server has never seen.
      const list = new Y.Array<number>()
      change(a, () => {
        a.getMap('stories').set(`list${rng.int(1e6)}`, list)
        list.push([1, 2, 3, 4])
      })
      return attack(change(a, () => list.delete(1, 2)))
    }
  }
}

export const unknownRoot = (rng: Rng): Attack => ({
  kind: 'unknown_root',
  frame: syncFrame(rng.chance(0.5) ? SYNC.update : SYNC.step2, unknownRootUpdate(rng)),
  codes: ['unknown_root'],
  mustReject: true,
})

export function textFrame(rng: Rng): Attack {
  const text = rng.pick([
    'hello',
    '{"type":"sync"}',
    '\u0000\u0001',
    'AAECAw==',
    '☃'.repeat(rng.int(100)),
  ])
  return { kind: 'text_frame', frame: text, codes: [], mustReject: false }
}

export const STRUCTURAL = ['duplicate_sections', 'forward_reference', 'dependency_cycle'] as const
export type Structural = (typeof STRUCTURAL)[number]

/**
 * Updates that parse, reference nothing the server lacks and touch only board roots, but that Yjs
 * cannot integrate: a client's structs split over two sections (Yjs keeps only the last), a struct
 * whose origin is a later struct of the same client, two clients' structs depending on each other.
 * Hand-encoded in the V1 update format, since Yjs never writes them.
 */
export function structuralUpdate(kind: Structural): Uint8Array {
  const e = encoding.createEncoder()
  const { a, b } = ATTACKER
  const id = (client: number, clock: number) => [client, clock]
  // An Item with ContentAny [value]: in the stories root under `key`, or after `origin`.
  const item = (at: { key: string } | { origin: number[] }, value: number) => {
    if ('key' in at) {
      encoding.writeUint8(e, 8 | 0x20)
      encoding.writeVarUint(e, 1)
      encoding.writeVarString(e, 'stories')
      encoding.writeVarString(e, at.key)
    } else {
      encoding.writeUint8(e, 8 | 0x80)
      for (const n of at.origin) encoding.writeVarUint(e, n)
    }
    encoding.writeVarUint(e, 1)
    encoding.writeAny(e, value)
  }
  const section = (structs: number, client: number, clock: number) => {
    encoding.writeVarUint(e, structs)
    encoding.writeVarUint(e, client)
    encoding.writeVarUint(e, clock)
  }
  switch (kind) {
    case 'duplicate_sections':
      encoding.writeVarUint(e, 2)
      section(1, a, 0)
      item({ key: 'first' }, 1)
      section(1, a, 1)
      item({ key: 'second' }, 2)
      break
    case 'forward_reference':
      encoding.writeVarUint(e, 1)
      section(2, a, 0)
      item({ origin: id(a, 1) }, 1)
      item({ key: 'later' }, 2)
      break
    case 'dependency_cycle':
      encoding.writeVarUint(e, 2)
      section(1, a, 0)
      item({ origin: id(b, 0) }, 1)
      section(1, b, 0)
      item({ origin: id(a, 0) }, 2)
      break
  }
  encoding.writeVarUint(e, 0) // no deletes
  return encoding.toUint8Array(e)
}

/** A structural update Yjs cannot integrate, of the kinds the check refuses. */
export function refusedStructural(rng: Rng): Attack {
  const kind = rng.pick(['duplicate_sections', 'forward_reference'] as const)
  return {
    kind: 'structural_update',
    frame: syncFrame(rng.chance(0.5) ? SYNC.update : SYNC.step2, structuralUpdate(kind)),
    codes: ['malformed_update'],
    mustReject: true,
  }
}
