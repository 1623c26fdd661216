// Raising a pattern as an enabler or barrier onto a linked cycle one scale up, and answering back
// down. Both boards' documents are written by the server, after it checks the caller's role on
// both and the link. The card carries counts and what the raising group wrote, never a story's
// words: its quotes are resolved from the source board when read (GET …/quotes, cycles/quotes.ts).
import { requireEitherBoard } from './recordAccess.ts'
import { Hono } from 'hono'
import { z } from 'zod'
import { can } from '../../shared/access/roles.ts'
import {
  ConditionKind,
  isHigher,
  readRaised,
  type ConditionCard,
  type ConditionStatus,
  type RaisedMark,
} from '../../shared/model/condition.ts'
import { carriedPattern } from '../../shared/model/carried.ts'
import { newId } from '../../shared/model/ids.ts'
import { ROOT } from '../../shared/model/layout.ts'
import { PatternId } from '../../shared/model/pattern.ts'
import { parseInput } from '../../shared/ops/validate.ts'
import type { Audit } from '../auth/audit.ts'
import { requireBoard, requireIdentity } from '../auth/guards.ts'
import type { AppEnv } from '../auth/identity.ts'
import { HttpError } from '../errors.ts'
import type { BoardRecord, ConditionRecord, Storage } from '../storage/types.ts'
import { NEUTRAL_NAME } from '../sync/room.ts'
import type { Rooms } from '../sync/rooms.ts'
import { answerDown } from '../cycles/answersDown.ts'
import { chainEvidence, chainSources, conditionChain } from '../cycles/chain.ts'
import { provenance } from '../cycles/provenance.ts'
import { BoardIdParam } from './boards.ts'
import { readJson } from './json.ts'


const Raise = z.object({ targetBoardId: BoardIdParam, kind: ConditionKind, note: z.string().trim().max(1000).default('') })
const Respond = z
  .object({
    status: z.enum(['acknowledged', 'in_progress', 'resolved', 'declined']).optional(),
    reason: z.string().trim().max(1000).optional(),
    response: z.string().trim().min(1).max(2000).optional(),
  })
  .refine((v) => v.status !== undefined || v.response !== undefined, 'give a status or a response')
  .refine((v) => v.status !== 'declined' || (v.reason?.length ?? 0) > 0, { message: 'declining needs a reason', path: ['reason'] })

export type ConditionRouteDeps = { storage: Storage; rooms: Rooms; audit: Audit }

export function conditionRoutes({ storage, rooms, audit }: ConditionRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  /** Writes the card and the mark from the relational record: idempotent, so a retry repairs. */
  async function writeBoth(c: ConditionRecord, card: Omit<ConditionCard, 'status' | 'declineReason' | 'responses'> | null, source: BoardRecord, target: BoardRecord) {
    await rooms.change(
      target.id,
      (doc) => {
        const map = doc.getMap(ROOT.conditions)
        const existing = map.get(c.id) as ConditionCard | undefined
        const base = existing ?? (card ? { ...card, responses: [] } : null)
        if (base) map.set(c.id, { ...base, status: c.status, declineReason: c.declineReason })
      },
      'condition',
    )
    await rooms.change(
      source.id,
      (doc) => {
        const target_ = { boardId: target.id, title: target.title, scale: target.scale }
        const marks = readRaised(doc, c.sourcePattern).filter((m) => m.conditionId !== c.id)
        const previous = readRaised(doc, c.sourcePattern).find((m) => m.conditionId === c.id)
        const mark: RaisedMark = {
          conditionId: c.id,
          kind: c.kind,
          target: target_,
          status: c.status,
          declineReason: c.declineReason,
          responses: previous?.responses ?? [],
          ...(previous?.further ? { further: previous.further } : {}),
        }
        doc.getMap(ROOT.raised).set(c.sourcePattern, [...marks, mark])
      },
      'condition',
    )
  }

  app.post('/boards/:id/patterns/:patternId/raise', async (c) => {
    const { board: source, identity, role } = await requireBoard(c, storage, c.req.param('id'), 'editBoard')
    const patternId = PatternId.safeParse(c.req.param('patternId'))
    if (!patternId.success) throw new HttpError(404, 'not_found', 'no such pattern')
    const input = parseInput(Raise, await readJson(c))
    if (!input.ok) throw HttpError.from(input.error)
    const target = await storage.boards.get(input.value.targetBoardId)
    const targetRole = target ? (await storage.memberships.get(target.id, identity.user.id))?.role ?? null : null
    if (!target || !can(targetRole, 'editBoard')) {
      throw new HttpError(403, 'forbidden', 'you need a role that can edit the board you raise to')
    }
    const link = await storage.links.between(source.id, target.id)
    if (!link || link.status !== 'active' || link.kind !== 'vertical' || link.higherBoard !== target.id || !isHigher(target.scale, source.scale)) {
      throw new HttpError(409, 'not_linked', 'raise only to a linked learning cycle at a higher scale')
    }
    const carried = await rooms.read(source.id, (doc) => carriedPattern(doc, patternId.data))
    if (!carried) throw new HttpError(404, 'not_found', 'no such pattern on this board')
    // The counts cover the chain below: the pattern's stories and those behind its cards from below.
    const content = { ...carried, evidence: chainEvidence(await chainSources({ storage, rooms }, source.id, patternId.data)) }
    const now = new Date().toISOString()
    const { condition, created } = await storage.conditions.createOnce({
      id: newId(),
      sourceBoard: source.id,
      sourcePattern: patternId.data,
      targetBoard: target.id,
      kind: input.value.kind,
      status: 'raised',
      declineReason: null,
      // An anonymous board links no person to what it raises, here or on the card.
      createdBy: source.anonymous ? null : identity.user.id,
      createdAt: now,
      updatedAt: now,
    })
    const card = {
      id: condition.id,
      kind: condition.kind,
      ...content,
      note: input.value.note,
      source: { boardId: source.id, title: source.title, scale: source.scale, patternId: patternId.data },
      raisedAt: condition.createdAt,
      ...(source.anonymous ? {} : { raisedBy: identity.user.displayName }),
    }
    await writeBoth(condition, card, source, target)
    // The boards whose evidence fed this pattern learn where it went.
    await answerDown({ storage, rooms }, condition)
    if (created) {
      for (const b of [source.id, target.id]) {
        await audit({ boardId: b, actorId: identity.user.id, action: 'condition.raised', details: { conditionId: condition.id, kind: condition.kind, sourceRole: role } })
      }
    }
    return c.json({ condition, created }, created ? 201 : 200)
  })

  app.patch('/conditions/:conditionId', async (c) => {
    const identity = requireIdentity(c)
    const condition = await storage.conditions.get(c.req.param('conditionId'))
    if (!condition) throw new HttpError(404, 'not_found', 'no such condition')
    const { board: target } = await requireBoard(c, storage, condition.targetBoard, 'editBoard')
    const source = await storage.boards.get(condition.sourceBoard)
    if (!source) throw new HttpError(404, 'not_found', 'the raising board is gone')
    const input = parseInput(Respond, await readJson(c))
    if (!input.ok) throw HttpError.from(input.error)
    const status: ConditionStatus = input.value.status ?? condition.status
    const next = { ...condition, status, declineReason: status === 'declined' ? (input.value.reason ?? null) : null }
    await storage.conditions.update(condition.id, next)
    await writeBoth(next, null, source, target)
    if (input.value.response) {
      // Written into both boards' documents: an anonymous board on either side names nobody.
      const authorName = source.anonymous || target.anonymous ? NEUTRAL_NAME : identity.user.displayName
      const response = { id: newId(), authorName, text: input.value.response, at: new Date().toISOString() }
      await rooms.change(target.id, (doc) => {
        const map = doc.getMap(ROOT.conditions)
        const card = map.get(condition.id) as ConditionCard | undefined
        if (card) map.set(condition.id, { ...card, responses: [...card.responses, response] })
      }, 'condition response')
      await rooms.change(source.id, (doc) => {
        const marks = readRaised(doc, condition.sourcePattern).map((m) =>
          m.conditionId === condition.id ? { ...m, responses: [...m.responses, response] } : m,
        )
        doc.getMap(ROOT.raised).set(condition.sourcePattern, marks)
      }, 'condition response')
    }
    // Every board whose evidence fed it learns the answer, however far down.
    await answerDown({ storage, rooms }, next)
    for (const b of [source.id, target.id]) {
      await audit({
        boardId: b,
        actorId: identity.user.id,
        action: 'condition.responded',
        details: { conditionId: condition.id, from: condition.status, to: status, response: input.value.response !== undefined },
      })
    }
    return c.json({ condition: next })
  })

  /**
   * The card's quotes and measures, resolved now from the chain below it (never stored on the card): for people
   * with a role on the board it was raised to or from. Only the server's record of the raise
   * grants this; ids in a document, an import file or a version do not.
   */
  app.get('/conditions/:conditionId/quotes', async (c) => {
    const identity = requireIdentity(c)
    const condition = await storage.conditions.get(c.req.param('conditionId'))
    if (!condition) throw new HttpError(404, 'not_found', 'no such condition')
    await requireEitherBoard(storage, identity.user.id, condition, 'condition')
    const { quotes, measures } = await conditionChain({ storage, rooms }, condition)
    return c.json({ conditionId: condition.id, quotes, measures })
  })

  /**
   * "Where this came from": the chain below the card, for people with a role on the board it was
   * raised to or from; at each node only what the reader's roles there allow (cycles/provenance.ts).
   */
  app.get('/conditions/:conditionId/chain', async (c) => {
    const identity = requireIdentity(c)
    const condition = await storage.conditions.get(c.req.param('conditionId'))
    if (!condition) throw new HttpError(404, 'not_found', 'no such condition')
    await requireEitherBoard(storage, identity.user.id, condition, 'condition')
    const roleOf = async (boardId: string) => (await storage.memberships.get(boardId, identity.user.id)) !== null
    return c.json({ conditionId: condition.id, chain: await provenance({ storage, rooms, roleOf }, condition) })
  })

  /** "Show evidence": the source board and pattern, only for people with access there. */
  app.get('/conditions/:conditionId/evidence', async (c) => {
    const identity = requireIdentity(c)
    const condition = await storage.conditions.get(c.req.param('conditionId'))
    if (!condition) throw new HttpError(404, 'not_found', 'no such condition')
    const onTarget = await storage.memberships.get(condition.targetBoard, identity.user.id)
    const onSource = await storage.memberships.get(condition.sourceBoard, identity.user.id)
    if (!onTarget && !onSource) throw new HttpError(403, 'forbidden', 'you do not have access to this condition')
    if (!onSource) {
      throw new HttpError(
        403,
        'no_source_access',
        'the stories behind this stay on the board that raised it; you see what was carried across',
      )
    }
    return c.json({ boardId: condition.sourceBoard, patternId: condition.sourcePattern, path: `/b/${condition.sourceBoard}?pattern=${condition.sourcePattern}` })
  })

  return app
}
