// Dot voting: facilitators open and close a vote on patterns; members vote and unvote within
// their allowance. Individual votes stay on the server, so totals are hidden until the close
// writes them into the board; whatever a client sends, nobody changes another person's votes or
// goes over the limit. On anonymous boards who voted for what is erased at the close.
import { Hono } from 'hono'
import { z } from 'zod'
import { newId } from '../../shared/model/ids.ts'
import { patternsMap, voteMap } from '../../shared/model/layout.ts'
import { PatternId } from '../../shared/model/pattern.ts'
import { checkVotes, VOTE_KEYS, VoteSettings, type VoteSession } from '../../shared/model/vote.ts'
import { parseInput } from '../../shared/ops/validate.ts'
import type { Audit } from '../auth/audit.ts'
import { requireBoard } from '../auth/guards.ts'
import type { AppEnv } from '../auth/identity.ts'
import { HttpError } from '../errors.ts'
import type { Storage, VoteSessionRecord } from '../storage/types.ts'
import type { Rooms } from '../sync/rooms.ts'
import { readJson } from './json.ts'

const Cast = z.object({ patternId: PatternId, delta: z.union([z.literal(1), z.literal(-1)]) })

export type VoteRouteDeps = { storage: Storage; rooms: Rooms; audit: Audit }

const sessionView = (s: VoteSessionRecord): VoteSession => ({
  id: s.id,
  status: s.status,
  votesPerPerson: s.votesPerPerson,
  maxPerPattern: s.maxPerPattern,
  openedAt: s.openedAt,
  closedAt: s.closedAt,
  totals: null,
  byOrganisation: null,
  voters: null,
})

export function voteRoutes({ storage, rooms, audit }: VoteRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const used = (mine: Record<string, number>) => Object.values(mine).reduce((a, b) => a + b, 0)

  app.get('/:id/vote', async (c) => {
    const { board, identity } = await requireBoard(c, storage, c.req.param('id'), 'viewBoard')
    const session = await storage.votes.current(board.id)
    if (!session) return c.json({ session: null, mine: {}, remaining: 0 })
    const mine = await storage.votes.mine(session.id, identity.user.id)
    return c.json({ session: sessionView(session), mine, remaining: session.votesPerPerson - used(mine) })
  })

  app.post('/:id/vote/open', async (c) => {
    const { board, identity } = await requireBoard(c, storage, c.req.param('id'), 'manageMembers')
    const input = parseInput(VoteSettings, await readJson(c))
    if (!input.ok) throw HttpError.from(input.error)
    if (await storage.votes.current(board.id)) throw new HttpError(409, 'vote_open', 'a vote is already open; close it first')
    const session: VoteSessionRecord = {
      id: newId(),
      boardId: board.id,
      status: 'open',
      votesPerPerson: input.value.votesPerPerson,
      maxPerPattern: input.value.maxPerPattern,
      openedAt: new Date().toISOString(),
      closedAt: null,
    }
    await storage.votes.open(session)
    await rooms.change(board.id, (doc) => voteMap(doc).set(VOTE_KEYS.session, sessionView(session)), 'vote opened')
    await audit({ boardId: board.id, actorId: identity.user.id, action: 'vote.opened', details: { sessionId: session.id } })
    return c.json({ session: sessionView(session) }, 201)
  })

  app.post('/:id/vote/cast', async (c) => {
    const { board, identity } = await requireBoard(c, storage, c.req.param('id'), 'editBoard')
    const input = parseInput(Cast, await readJson(c))
    if (!input.ok) throw HttpError.from(input.error)
    const session = await storage.votes.current(board.id)
    if (!session) throw new HttpError(409, 'no_vote', 'no vote is open')
    const { patternId, delta } = input.value
    const exists = await rooms.read(board.id, (doc) => patternsMap(doc).has(patternId))
    if (!exists) throw new HttpError(404, 'not_found', 'no such pattern on this board')
    let refusal: { code: string; message: string } | null = null
    const membership = await storage.memberships.get(board.id, identity.user.id)
    const next = await storage.votes.change(session.id, identity.user.id, membership?.organisation ?? '', (mine) => {
      const proposed = { ...mine, [patternId]: (mine[patternId] ?? 0) + delta }
      const check = checkVotes(session, proposed)
      if (!check.ok) {
        refusal = check
        return null
      }
      return proposed
    })
    if (!next) {
      const r = refusal as { code: string; message: string } | null
      throw new HttpError(409, r?.code ?? 'vote_closed', r?.message ?? 'the vote has closed')
    }
    return c.json({ mine: next, remaining: session.votesPerPerson - used(next) })
  })

  app.post('/:id/vote/close', async (c) => {
    const { board, identity } = await requireBoard(c, storage, c.req.param('id'), 'manageMembers')
    const session = await storage.votes.current(board.id)
    if (!session) throw new HttpError(409, 'no_vote', 'no vote is open')
    const closedAt = new Date().toISOString()
    await storage.votes.close(session.id, closedAt)
    const rows = await storage.votes.all(session.id)
    const totals: Record<string, number> = {}
    const byOrganisation: Record<string, Record<string, number>> = {}
    for (const r of rows) {
      totals[r.patternId] = (totals[r.patternId] ?? 0) + r.count
      const org = (byOrganisation[r.organisation || 'Unspecified'] ??= {})
      org[r.patternId] = (org[r.patternId] ?? 0) + r.count
    }
    const result: VoteSession = {
      ...sessionView({ ...session, status: 'closed', closedAt }),
      totals,
      byOrganisation,
      voters: new Set(rows.map((r) => r.userId)).size,
    }
    await rooms.change(board.id, (doc) => voteMap(doc).set(VOTE_KEYS.session, result), 'vote closed')
    if (board.anonymous) await storage.votes.forget(session.id)
    await audit({ boardId: board.id, actorId: identity.user.id, action: 'vote.closed', details: { sessionId: session.id, voters: result.voters } })
    return c.json({ session: result })
  })

  return app
}
