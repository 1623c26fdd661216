// Presence from awareness: the shape of what this client publishes, and a tolerant reader of what
// others publish (awareness is untrusted input). Pure module: no DOM, no React.

export type UserInfo = { name: string; colour: string }
/**
 * A live drag: stories `ids` are being moved by (dx, dy) canvas units; committed once on drop.
 * `pattern`: the drag moves that pattern's area too (its title bar was dragged; `ids` are its stories).
 */
export type DragPresence = { ids: string[]; dx: number; dy: number; pattern?: string }

/**
 * The awareness fields this client sets. `pointer` is the canvas cursor in canvas coordinates;
 * `cursor` is left to y-tiptap's caret plugin ({anchor, head} relative positions), which reads and
 * writes that field name unconditionally.
 */
export type LocalPresence = {
  user: UserInfo
  pointer: { x: number; y: number } | null
  editing: string | null
  drag: DragPresence | null
  selection: string[]
  /** Follow me: the canvas box this person sees, set only while the session names them leader. */
  view?: { x: number; y: number; w: number; h: number } | null
}

export type Peer = {
  clientId: number
  name: string
  colour: string
  pointer: { x: number; y: number } | null
  editing: string | null
  drag: DragPresence | null
  selection: string[]
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
const COLOUR = /^#[0-9a-f]{6}$/i
const MAX_IDS = 10_000

function readDrag(v: unknown): DragPresence | null {
  if (!isObj(v) || !Array.isArray(v.ids) || !num(v.dx) || !num(v.dy)) return null
  const ids = v.ids.filter((id): id is string => typeof id === 'string').slice(0, MAX_IDS)
  return typeof v.pattern === 'string' ? { ids, dx: v.dx, dy: v.dy, pattern: v.pattern } : { ids, dx: v.dx, dy: v.dy }
}

export function readPeer(clientId: number, state: unknown): Peer | null {
  if (!isObj(state) || !isObj(state.user)) return null
  const name = typeof state.user.name === 'string' && state.user.name.trim() ? state.user.name.slice(0, 60) : `Guest ${clientId % 1000}`
  const colour = typeof state.user.colour === 'string' && COLOUR.test(state.user.colour) ? state.user.colour : '#6c757d'
  const c = state.pointer
  return {
    clientId,
    name,
    colour,
    pointer: isObj(c) && num(c.x) && num(c.y) ? { x: c.x, y: c.y } : null,
    editing: typeof state.editing === 'string' ? state.editing : null,
    drag: readDrag(state.drag),
    selection: Array.isArray(state.selection) ? state.selection.filter((s): s is string => typeof s === 'string').slice(0, MAX_IDS) : [],
  }
}

/** Everyone else on the board, in a stable order. */
export function peersFrom(states: Map<number, unknown>, selfId: number): Peer[] {
  const peers: Peer[] = []
  for (const [id, state] of states) {
    if (id === selfId) continue
    const peer = readPeer(id, state)
    if (peer) peers.push(peer)
  }
  return peers.sort((a, b) => a.clientId - b.clientId)
}

/** storyId → offset of the live drag other people are doing right now. */
export function remoteDrags(peers: readonly Peer[]): Map<string, { dx: number; dy: number }> {
  const out = new Map<string, { dx: number; dy: number }>()
  for (const p of peers) if (p.drag) for (const id of p.drag.ids) out.set(id, { dx: p.drag.dx, dy: p.drag.dy })
  return out
}

/** patternId → offset of a pattern someone else is moving right now. */
export function remotePatternDrags(peers: readonly Peer[]): Map<string, { dx: number; dy: number }> {
  const out = new Map<string, { dx: number; dy: number }>()
  for (const p of peers) if (p.drag?.pattern) out.set(p.drag.pattern, { dx: p.drag.dx, dy: p.drag.dy })
  return out
}

export const PEER_COLOURS = ['#e63946', '#2a9d8f', '#e76f51', '#457b9d', '#8338ec', '#3a86ff', '#fb5607', '#06a77d', '#d62828', '#6a4c93'] as const
