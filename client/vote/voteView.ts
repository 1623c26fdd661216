// What the dot-voting controls show: the phase (from the board document, so every peer flips at
// once), this person's votes and what they have left (from the server), totals only after the
// close, and refusals in plain words. Pure module: no DOM, no React, no network.
import { can, type Role } from '../../shared/access/roles.ts'
import type { VoteSession } from '../../shared/model/vote.ts'

/** The answer of GET /vote and POST /vote/cast, tagged with the session it belongs to. */
export type VoteServerState = { sessionId: string | null; mine: Readonly<Record<string, number>>; remaining: number }

export type VotePhase = 'none' | 'open' | 'closed'

export type VoteView = {
  phase: VotePhase
  sessionId: string | null
  canManage: boolean
  canVote: boolean
  votesPerPerson: number
  maxPerPattern: number | null
  /** null until the server has answered for this session. */
  remaining: number | null
  mine: (patternId: string) => number
  /** Totals are in the document only after the close; null before. */
  total: (patternId: string) => number | null
  voters: number | null
  /** Why another vote cannot go on this pattern now (its "+ Vote" is disabled), or null. */
  addBlocked: (patternId: string) => string | null
}

const NONE: Readonly<Record<string, number>> = {}

export function voteView(session: VoteSession | null, server: VoteServerState | null, role: Role | null): VoteView {
  const phase: VotePhase = session ? session.status : 'none'
  const open = phase === 'open' && session !== null
  // A server answer about another (older) session says nothing about this one: a new vote starts empty.
  const current = open && server ? (server.sessionId === session.id ? server : { sessionId: session.id, mine: NONE, remaining: session.votesPerPerson }) : null
  const mine = current?.mine ?? NONE
  const totals = phase === 'closed' ? (session?.totals ?? NONE) : null
  return {
    phase,
    sessionId: session?.id ?? null,
    canManage: can(role, 'manageMembers'),
    canVote: can(role, 'editBoard'),
    votesPerPerson: session?.votesPerPerson ?? 0,
    maxPerPattern: session?.maxPerPattern ?? null,
    remaining: open ? (current?.remaining ?? null) : null,
    mine: (id) => (open ? (mine[id] ?? 0) : 0),
    total: (id) => (totals ? (totals[id] ?? 0) : null),
    voters: phase === 'closed' ? (session?.voters ?? null) : null,
    addBlocked: (id) => {
      if (!open || !current) return null
      if (current.remaining <= 0) return `You have used all ${session.votesPerPerson} of your votes. Take one back from another pattern to vote here.`
      const max = session.maxPerPattern
      if (max !== null && (mine[id] ?? 0) >= max) return `At most ${max} of your votes can go on one pattern.`
      return null
    },
  }
}

/** The server's refusal of a vote action, in words a participant can act on. */
export function refusalMessage(code: string, fallback: string, view: Pick<VoteView, 'votesPerPerson' | 'maxPerPattern'>): string {
  switch (code) {
    case 'over_limit':
      return `You have used all ${view.votesPerPerson} of your votes. Take one back from another pattern to vote here.`
    case 'over_pattern_limit':
      return `At most ${view.maxPerPattern ?? view.votesPerPerson} of your votes can go on one pattern.`
    case 'negative':
      return 'You have no vote on this pattern to take back.'
    case 'no_vote':
    case 'vote_closed':
      return 'No vote is open: it may have just closed.'
    case 'vote_open':
      return 'A vote is already open. Close it before starting another.'
    case 'forbidden':
      return 'Your role on this board does not allow this.'
    case 'not_found':
      return 'That pattern is no longer on the board.'
    default:
      return fallback
  }
}

export function votesLeftText(v: VoteView): string {
  if (v.phase !== 'open') return ''
  if (!v.canVote) return 'Observers do not vote'
  if (v.remaining === null) return 'Counting your votes…'
  return `${v.remaining} of ${v.votesPerPerson} ${v.votesPerPerson === 1 ? 'vote' : 'votes'} left`
}

/** Settings typed into the open-vote form, as the request body (null: not valid yet). */
export function voteSettingsFrom(perPerson: string, maxPerPattern: string): { votesPerPerson: number; maxPerPattern: number | null } | null {
  const n = Number(perPerson)
  const max = maxPerPattern.trim() === '' ? null : Number(maxPerPattern)
  if (!Number.isInteger(n) || n < 1 || n > 50) return null
  if (max !== null && (!Number.isInteger(max) || max < 1 || max > 50)) return null
  return { votesPerPerson: n, maxPerPattern: max }
}
