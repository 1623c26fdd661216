// Decides, before a single struct touches the room's document, whether a client's update can be
// applied completely: it parses, every new struct belongs to a client id the connection owns,
// nothing it references is missing (no pending structs or deletes), and it only grows known roots.
// Known failures of Yjs servers this closes: partial application of malformed updates, pending
// structs that are re-sent to every new client, and client-id reuse that silently drops edits.
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { ROOT } from '../../shared/model/layout.ts'
import { fail, ok, type Result } from '../../shared/result.ts'

const ROOT_NAMES: ReadonlySet<string> = new Set(Object.values(ROOT))
/** A legitimate update never adds more clock range than this; a hostile one may claim 2^53. */
const MAX_NEW_CLOCK_RANGE = 64 * 1024 * 1024

export type UpdateCheck = {
  /** Client ids that created new structs in this update. */
  authors: number[]
  /** False when everything in the update is already known (a harmless repeat). */
  hasNewContent: boolean
}

type Range = { start: number; end: number }

export type RestrictedGuard = {
  ids: ReadonlySet<string>
  writable: ReadonlySet<string>
  /** The story key and value that mark a story restricted. */
  marker: { key: string; value: unknown }
}

const STORY_ROOTS: ReadonlySet<string> = new Set([ROOT.stories, ROOT.members])

/** `owner(client)` answers whether the client id is free, this connection's, or someone else's. */
export function checkUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  owner: (client: number) => 'mine' | 'free' | 'other',
  options: {
    forbiddenKeys?: ReadonlySet<string>
    /** Roots only the server writes: a client update that adds to or deletes from them is refused. */
    serverOnlyRoots?: ReadonlySet<string>
    /** Locked items: nothing under these keys of these roots may change (a facilitator's lock). */
    lockedKeys?: { roots: ReadonlySet<string>; keys: ReadonlySet<string> }
    /** Roots where no new entry may start (stories during private writing: they go to drafts). */
    noNewEntriesIn?: ReadonlySet<string>
    /** Withdrawn story ids: nothing may be written under them again, in `stories` or `members`. */
    withdrawn?: ReadonlySet<string>
    /**
     * Restricted placeholders of the shared document: only `writable` keys of their story maps may
     * change, and no client may write the restricted marker (the server moves content instead).
     */
    restricted?: RestrictedGuard
    /** This key of an existing story is written by the server only (a board's shared document). */
    sensitivityByServer?: { key: string }
  } = {},
): Result<UpdateCheck> {
  let decoded: ReturnType<typeof Y.decodeUpdate>
  try {
    decoded = Y.decodeUpdate(update)
  } catch (e) {
    return fail('malformed_update', `update does not parse: ${(e as Error).message}`)
  }
  const store = doc.store
  const ranges = new Map<number, Range>()
  const authors = new Set<number>()
  let newRange = 0

  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) return fail('missing_dependency', 'update has a gap (skip struct)')
    const { client, clock } = struct.id
    const known = Y.getState(store, client)
    const range = ranges.get(client)
    if (range) {
      if (clock !== range.end) return fail('malformed_update', 'structs of one client are not contiguous')
      range.end = clock + struct.length
    } else {
      if (clock > known) return fail('missing_dependency', `update starts past the known state of ${client}`)
      ranges.set(client, { start: clock, end: clock + struct.length })
    }
    if (clock + struct.length > known) {
      newRange += clock + struct.length - Math.max(clock, known)
      if (owner(client) === 'other') return fail('foreign_client_id', `client id ${client} belongs to another connection`)
      authors.add(client)
    }
  }
  if (newRange > MAX_NEW_CLOCK_RANGE) return fail('update_too_large', 'update claims an implausible clock range')
  // Yjs reads an update into one list per client, and a second section of a client replaces the
  // first: its structs would be lost and the rest left pending. One section per client, then.
  if (decoding.readVarUint(decoding.createDecoder(update)) !== ranges.size) {
    return fail('malformed_update', 'a client appears in more than one section')
  }

  const exists = (id: Y.ID): boolean => {
    if (id.clock < Y.getState(store, id.client)) return true
    const r = ranges.get(id.client)
    return r !== undefined && id.clock >= r.start && id.clock < r.end
  }

  const byClient = new Map<number, Array<Y.Item | Y.GC>>()
  for (const struct of decoded.structs) {
    const list = byClient.get(struct.id.client) ?? []
    list.push(struct)
    byClient.set(struct.id.client, list)
  }

  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue
    if (struct.content instanceof Y.ContentDoc) return fail('unsupported_content', 'subdocuments are not part of a board')
    const isNew = struct.id.clock + struct.length > Y.getState(store, struct.id.client)
    if (isNew && struct.parentSub !== null && options.forbiddenKeys?.has(struct.parentSub)) {
      return fail('forbidden_key', `this board does not store "${struct.parentSub}"`)
    }
    if (isNew && typeof struct.parent === 'string' && struct.parentSub !== null && options.noNewEntriesIn?.has(struct.parent)) {
      if (!doc.getMap(struct.parent).has(struct.parentSub)) {
        return fail('private_phase', 'during private writing new stories go to your drafts, not the board')
      }
    }
    if (struct.origin && !exists(struct.origin)) return fail('missing_dependency', 'left origin is unknown')
    if (struct.rightOrigin && !exists(struct.rightOrigin)) return fail('missing_dependency', 'right origin is unknown')
    const parent = struct.parent as unknown
    // Yjs integrates a client's structs in clock order and throws on a reference to itself or later.
    const later = (id: Y.ID | null) => id !== null && id.client === struct.id.client && id.clock >= struct.id.clock
    if (later(struct.origin) || later(struct.rightOrigin) || (parent instanceof Y.ID && later(parent))) {
      return fail('malformed_update', 'a struct refers to itself or to a later struct of its client')
    }
    if (typeof parent === 'string') {
      if (!ROOT_NAMES.has(parent)) return fail('unknown_root', `"${parent.slice(0, 40)}" is not a board root`)
    } else if (parent instanceof Y.ID) {
      if (!exists(parent)) return fail('missing_dependency', 'parent is unknown')
      if (!parentIsType(doc, byClient, parent)) return fail('malformed_update', 'parent is not a type')
    }
  }

  if (hasDependencyCycle(doc, decoded.structs, byClient)) {
    return fail('malformed_update', 'structs of the update wait on each other in a cycle')
  }

  for (const [client, deletes] of decoded.ds.clients) {
    const end = Math.max(Y.getState(store, client), ranges.get(client)?.end ?? 0)
    for (const d of deletes) {
      if (d.len <= 0 || d.clock + d.len > end) return fail('missing_dependency', 'delete refers to unknown content')
    }
  }

  const serverRoots = options.serverOnlyRoots
  const locked = options.lockedKeys
  const withdrawn = options.withdrawn
  const restricted = options.restricted
  const refuse = (place: Place | null): Result<never> | null => {
    if (!place) return null
    if (serverRoots?.has(place.root)) return fail('server_only', `"${place.root}" is written by the server only`)
    if (locked && place.key !== null && locked.roots.has(place.root) && locked.keys.has(place.key)) {
      return fail('locked', 'this item is locked by a facilitator')
    }
    if (withdrawn && place.key !== null && STORY_ROOTS.has(place.root) && withdrawn.has(place.key)) {
      return fail('withdrawn', 'this story was withdrawn: it cannot come back')
    }
    return null
  }
  /** New content inside a restricted placeholder, or a client marking a story restricted. */
  const refuseRestricted = (place: Place | null, struct: Y.Item): Result<never> | null => {
    if (!restricted || !place || place.root !== ROOT.stories || place.key === null) return null
    if (place.depth === 1 && place.field === restricted.marker.key && struct.content instanceof Y.ContentAny) {
      if (struct.content.arr.some((v) => v === restricted.marker.value)) {
        return fail('restricted_by_server', 'a story becomes restricted through the sensitivity operation, not by a write')
      }
    }
    if (restricted.ids.has(place.key) && (place.depth !== 1 || !restricted.writable.has(place.field ?? ''))) {
      return fail('restricted_content', 'a restricted story keeps its content in the restricted document only')
    }
    return null
  }
  /** A story's sensitivity is chosen when it is created; later changes go through the server. */
  const refuseSensitivity = (place: Place): Result<never> | null => {
    const guarded = options.sensitivityByServer
    if (!guarded || place.root !== ROOT.stories || place.key === null || place.depth !== 1) return null
    if (place.field !== guarded.key || !doc.getMap(ROOT.stories).has(place.key)) return null
    return fail('sensitivity_by_server', 'a story’s sensitivity changes through the sensitivity operation, not by a write')
  }
  if (serverRoots?.size || locked?.keys.size || withdrawn?.size || restricted) {
    const places = new PlaceFinder(doc, byClient)
    for (const struct of decoded.structs) {
      if (!(struct instanceof Y.Item) || struct.id.clock + struct.length <= Y.getState(store, struct.id.client)) continue
      const place = places.ofStruct(struct)
      // Content inside something deleted (a story withdrawn, restricted or deleted while a stale
      // copy typed in it) has no place to check; Yjs integrates it as deleted. It is accepted, so
      // the writer's copy keeps syncing, and the room stores and sends only what the document
      // became, which holds no byte of it (server-canonical history: room.ts).
      if (!place) continue
      const refusal = refuse(place) ?? refuseRestricted(place, struct) ?? (place.dead ? null : refuseSensitivity(place))
      if (refusal) return refusal
    }
    const deleted: NonNullable<ReturnType<typeof places.ofDocItem>>[] = []
    for (const [client, deletes] of decoded.ds.clients) {
      for (const d of deletes) {
        const known = Math.min(d.clock + d.len, Y.getState(store, client))
        for (let c = d.clock; c < known; ) {
          const item = Y.getItem(store, Y.createID(client, c))
          c = item.id.clock + item.length
          // Already deleted here: nothing changes. A client's handshake carries its whole delete
          // set (an offline copy's included), and refusing that would refuse every reload.
          if (item.deleted) continue
          const place = item instanceof Y.Item ? places.ofDocItem(item) : null
          if (place) deleted.push(place)
        }
      }
    }
    // Deleting a story deletes everything in it too: those deletes are the story's, not its fields'.
    const wholeStories = new Set(deleted.filter((p) => p.root === ROOT.stories && p.key !== null && p.depth === 0).map((p) => p.key))
    for (const place of deleted) {
      // Deleting a placeholder whole is deleting the story; deleting its kept keys is not allowed.
      const keepsPlaceholder =
        restricted && place.root === ROOT.stories && place.key !== null && restricted.ids.has(place.key) &&
        !wholeStories.has(place.key) && place.depth === 1 && !restricted.writable.has(place.field ?? '')
      const refusal =
        refuse(place) ??
        (keepsPlaceholder ? fail('restricted_content', 'a restricted placeholder keeps its marker') : null) ??
        (place.key !== null && wholeStories.has(place.key) ? null : refuseSensitivity(place))
      if (refusal) return refusal
    }
  }

  let hasNewContent = authors.size > 0
  if (!hasNewContent) {
    // Deletes of known content are new content too, unless every range is already deleted.
    for (const [client, deletes] of decoded.ds.clients) {
      for (const d of deletes) {
        for (let c = d.clock; c < d.clock + d.len && !hasNewContent; ) {
          const item = Y.getItem(store, Y.createID(client, c))
          if (!item.deleted) hasNewContent = true
          c = item.id.clock + item.length
        }
      }
    }
  }
  return ok({ authors: [...authors], hasNewContent })
}

/**
 * Where a struct sits: its root, the key of the root's entry that contains it, how deep below that
 * entry (0: the entry itself, 1: a key of the entry's map), and that key (`field`) from depth 1 on.
 */
type Place = {
  root: string
  key: string | null
  depth: number
  field: string | null
  /**
   * A type this sits in is deleted: Yjs would integrate new content here as deleted, so the
   * document drops it while the client's raw bytes still carry it (a withdrawn or restricted
   * story's text typed by a stale copy, or an edit that raced a delete).
   */
  dead: boolean
}

/** The place of something inside the item whose place is `p` (deleted or not). */
const below = (p: Place | null, sub: string | null, parentDeleted = false): Place | null =>
  p && { ...p, depth: p.depth + 1, field: p.depth === 0 ? sub : p.field, dead: p.dead || parentDeleted }

/** Finds the place of a struct, in the document or through the update's own structs. */
class PlaceFinder {
  constructor(
    private readonly doc: Y.Doc,
    private readonly byClient: Map<number, Array<Y.Item | Y.GC>>,
  ) {}

  ofDocItem(item: Y.Item): Place | null {
    const chain: Y.Item[] = [item]
    let type = item.parent as Y.AbstractType<unknown> | null
    for (let depth = 0; type && type._item && depth < 1000; depth++) {
      chain.push(type._item)
      type = type._item.parent as Y.AbstractType<unknown> | null
    }
    if (!type) return null
    const top = chain[chain.length - 1]!
    const depth = chain.length - 1
    return {
      root: Y.findRootTypeKey(type),
      key: top.parentSub,
      depth,
      field: depth > 0 ? chain[depth - 1]!.parentSub : null,
      // The item itself may be deleted (a neighbour, an overwritten map value): its ancestors may not.
      dead: chain.slice(1).some((i) => i.deleted),
    }
  }

  /**
   * Null when the struct's place cannot be found: a reference to content garbage-collected here
   * (it sat in a deleted type). Yjs would integrate the struct as deleted.
   */
  ofStruct(struct: Y.Item, depth = 0): Place | null {
    if (depth > 1000) return null
    const parent = struct.parent as unknown
    if (typeof parent === 'string') return { root: parent, key: struct.parentSub, depth: 0, field: null, dead: false }
    if (parent instanceof Y.ID) return this.inside(parent, struct.parentSub, depth)
    const neighbour = struct.origin ?? struct.rightOrigin
    return neighbour ? this.ofId(neighbour, depth) : null
  }

  /** The place of the item with this id (in the document or in the update). */
  private ofId(id: Y.ID, depth: number): Place | null {
    if (id.clock < Y.getState(this.doc.store, id.client)) {
      const item = Y.getItem(this.doc.store, id)
      return item instanceof Y.Item ? this.ofDocItem(item) : null
    }
    const s = findIn(this.byClient, id)
    return s instanceof Y.Item ? this.ofStruct(s, depth + 1) : null
  }

  /** The place of a struct whose parent is the type of the item with this id. */
  private inside(parent: Y.ID, sub: string | null, depth: number): Place | null {
    const inDoc = parent.clock < Y.getState(this.doc.store, parent.client)
    const item = inDoc ? Y.getItem(this.doc.store, parent) : null
    return below(this.ofId(parent, depth), sub, item instanceof Y.Item && item.deleted)
  }
}

function findIn(byClient: Map<number, Array<Y.Item | Y.GC>>, id: Y.ID): Y.Item | Y.GC | undefined {
  const list = byClient.get(id.client) ?? []
  let lo = 0
  let hi = list.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const s = list[mid]!
    if (id.clock < s.id.clock) hi = mid - 1
    else if (id.clock >= s.id.clock + s.length) lo = mid + 1
    else return s
  }
  return undefined
}

/**
 * Yjs integrates a struct once everything it references is integrated; structs of one update that
 * wait on each other across clients never integrate and stay pending. Depth-first search over the
 * new structs' references into the update itself (plus each struct's predecessor of its client).
 */
function hasDependencyCycle(
  doc: Y.Doc,
  structs: Array<Y.Item | Y.GC | Y.Skip>,
  byClient: Map<number, Array<Y.Item | Y.GC>>,
): boolean {
  const index = new Map<Y.Item | Y.GC, number>()
  structs.forEach((s, i) => {
    if (!(s instanceof Y.Skip)) index.set(s, i)
  })
  const previous = new Map<Y.Item | Y.GC, Y.Item | Y.GC>()
  for (const list of byClient.values()) for (let k = 1; k < list.length; k++) previous.set(list[k]!, list[k - 1]!)
  const inUpdate = (id: Y.ID | null): number | null => {
    if (id === null || id.clock < Y.getState(doc.store, id.client)) return null
    const s = findIn(byClient, id)
    return s ? (index.get(s) ?? null) : null
  }
  const edges = (i: number): number[] => {
    const s = structs[i]
    if (!(s instanceof Y.Item) && !(s instanceof Y.GC)) return []
    const out: number[] = []
    const before = previous.get(s)
    if (before) out.push(index.get(before)!)
    if (s instanceof Y.Item) {
      for (const ref of [s.origin, s.rightOrigin, s.parent instanceof Y.ID ? s.parent : null]) {
        const j = inUpdate(ref)
        if (j !== null && j !== i) out.push(j)
      }
    }
    return out
  }
  const state = new Uint8Array(structs.length) // 0 new, 1 on the stack, 2 done
  for (let root = 0; root < structs.length; root++) {
    if (state[root] !== 0) continue
    const stack: Array<[number, number[]]> = [[root, edges(root)]]
    state[root] = 1
    while (stack.length) {
      const top = stack[stack.length - 1]!
      const next = top[1].pop()
      if (next === undefined) {
        state[top[0]] = 2
        stack.pop()
      } else if (state[next] === 1) return true
      else if (state[next] === 0) {
        state[next] = 1
        stack.push([next, edges(next)])
      }
    }
  }
  return false
}

function parentIsType(doc: Y.Doc, byClient: Map<number, Array<Y.Item | Y.GC>>, id: Y.ID): boolean {
  // A deleted type's item holds ContentDeleted once garbage-collected: a child of it (an edit that
  // raced the delete) is integrated as deleted, so it is legitimate too.
  const isType = (s: unknown) =>
    s instanceof Y.GC || (s instanceof Y.Item && (s.content instanceof Y.ContentType || s.content instanceof Y.ContentDeleted))
  if (id.clock < Y.getState(doc.store, id.client)) return isType(Y.getItem(doc.store, id))
  return isType(findIn(byClient, id))
}
