// Which links make sense between two cycles, which linked cycles a pattern can be raised to, and
// what the server's refusals mean in the field's words. Pure module: no DOM, no React.
import { can, type Role } from '../../shared/access/roles.ts'
import { isHigher } from '../../shared/model/condition.ts'
import { SCALE_LABELS, type Scale } from '../../shared/model/cycle.ts'
import type { CycleLink, LinkDirection, LinkKind } from './cyclesApi.ts'

export const LINK_KIND_HELP: Record<LinkKind, string> = {
  vertical: 'Between scales: the higher cycle learns from the patterns of the lower one and enables it.',
  horizontal: 'Between peers at the same scale, who learn from each other.',
}

/** Where a link is listed: by direction, or `asked` for a request to a board nobody here can see. */
export type LinkGroup = LinkDirection | 'asked'

export const DIRECTION_HEADINGS: Record<LinkGroup, string> = {
  up: 'Higher cycles: this cycle learns upward to them, they enable it',
  down: 'Lower cycles: they raise what they learn here, this cycle enables them',
  peer: 'Peer cycles at the same scale',
  asked: 'Asked to link: boards you have no role on',
}

/** The kind of link two cycles can have: vertical across scales, horizontal within one. */
export const linkKindFor = (a: Scale, b: Scale): LinkKind => (a === b ? 'horizontal' : 'vertical')

/** Why a kind cannot join these two scales, or null when it can. */
export function kindProblem(kind: LinkKind, self: Scale, other: Scale): string | null {
  if (kind === 'vertical' && self === other) return 'Both cycles are at the same scale: link them as peers (horizontal).'
  if (kind === 'horizontal' && self !== other) return `${SCALE_LABELS[other]} is a different scale from ${SCALE_LABELS[self]}: link them vertically.`
  return null
}

/** How the other cycle stands to this one, for a vertical link not yet made. */
export function relationText(self: Scale, other: Scale): string {
  if (isHigher(other, self)) return `${SCALE_LABELS[other]} is a higher scale: this cycle will learn upward to it and be enabled by it.`
  if (isHigher(self, other)) return `${SCALE_LABELS[other]} is a lower scale: it will raise what it learns to this cycle.`
  return `${SCALE_LABELS[other]} is the same scale: a peer.`
}

/** Boards of mine that this board could still be linked to. */
export function linkCandidates<B extends { id: string }>(boards: readonly B[], selfId: string, links: readonly CycleLink[]): B[] {
  const linked = new Set(links.flatMap((l) => (l.other ? [l.other.id] : [])))
  return boards.filter((b) => b.id !== selfId && !linked.has(b.id))
}

export type RaiseTarget = { boardId: string; title: string; scale: Scale }

/** Where a pattern of this board may be raised: active vertical links leading up. */
export function raiseTargets(links: readonly CycleLink[]): RaiseTarget[] {
  return links.flatMap((l) =>
    l.direction === 'up' && l.status === 'active' && l.kind === 'vertical' ? targetOf(l) : [],
  )
}

/**
 * The raise targets this person may raise to (a contributor or more there; the server checks the
 * same) and those they may not, so the dialog offers only what their role allows.
 */
export function targetsByRole(targets: readonly RaiseTarget[], roles: ReadonlyMap<string, Role>): { allowed: RaiseTarget[]; refused: RaiseTarget[] } {
  const allowed: RaiseTarget[] = []
  const refused: RaiseTarget[] = []
  for (const t of targets) (can(roles.get(t.boardId) ?? null, 'editBoard') ? allowed : refused).push(t)
  return { allowed, refused }
}

/** Where a pattern of this board may be shared: active horizontal links to peers I can see. */
export function shareTargets(links: readonly CycleLink[]): RaiseTarget[] {
  return links.flatMap((l) =>
    l.direction === 'peer' && l.status === 'active' && l.kind === 'horizontal' ? targetOf(l) : [],
  )
}

const targetOf = (l: CycleLink): RaiseTarget[] =>
  l.other && l.other.title !== null && l.other.scale !== null ? [{ boardId: l.other.id, title: l.other.title, scale: l.other.scale }] : []

export function groupLinks(links: readonly CycleLink[]): Record<LinkGroup, CycleLink[]> {
  const out: Record<LinkGroup, CycleLink[]> = { up: [], down: [], peer: [], asked: [] }
  for (const l of links) out[l.direction ?? 'asked'].push(l)
  return out
}

/**
 * A pending link can be accepted by a manager of the board it waits for (never of the board that
 * asked); links stored before that was recorded: by a manager who did not ask for it.
 */
export const canAccept = (link: CycleLink, here: { boardId: string; meId: string | null; manages: boolean }): boolean =>
  link.status === 'pending' && here.manages && (link.awaitingBoard ? link.awaitingBoard === here.boardId : link.createdBy !== here.meId)

/** The server's refusals, said for the person who met them. */
export function explainError(code: string, message: string, what: { target?: string; source?: string } = {}): string {
  const target = what.target ?? 'that cycle'
  switch (code) {
    case 'not_linked':
      return `This board has no active link up to ${target}. Link it (or wait until the link is accepted) in Connected cycles, then raise again.`
    case 'forbidden':
      return `You do not have the role this needs. To raise to ${target} you must be a contributor (or more) on both boards; to manage links, a facilitator.`
    case 'no_source_access':
      return `${sentence(message)} You have no role on ${what.source ?? 'the raising board'}, so only what this card carries is visible to you.`
    case 'already_linked':
      return 'These cycles are already linked.'
    case 'same_scale':
      return 'Both cycles are at the same scale: choose a horizontal (peer) link.'
    case 'different_scale':
      return 'A horizontal link joins peers at the same scale: choose a vertical link.'
    case 'network':
      return message
    default:
      return message || `The server refused (${code}).`
  }
}

/** The server's refusals of a share or an unshare. */
export function explainShareError(code: string, message: string, peer = 'that peer cycle'): string {
  switch (code) {
    case 'not_linked':
      return `This board has no active peer link to ${peer}. Link them as peers (horizontal) in Connected cycles, then share again.`
    case 'forbidden':
      return `You do not have the role this needs. To share with ${peer} you must be a contributor (or more) on both boards; to take a shared card away, a contributor on the sharing board or a facilitator on the peer board.`
    case 'not_found':
      return 'This pattern or share is no longer there.'
    default:
      return explainError(code, message)
  }
}

const sentence = (s: string): string => {
  const t = s.trim()
  return t ? `${t[0]!.toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}` : ''
}
