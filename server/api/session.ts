// Facilitation: method templates and phases, timer, private writing and reveal, locks, and
// attention (spotlight, hidden cursors, bring everyone here). Facilitators and owners only; the
// state goes into the board's server-only `session` root, which every room enforces.
import { Hono } from 'hono'
import { z } from 'zod'
import {
  applyTimer,
  emptySession,
  readSession,
  SESSION_KEY,
  type SessionState,
} from '../../shared/model/facilitation.ts'
import { ROOT } from '../../shared/model/layout.ts'
import { parseInput } from '../../shared/ops/validate.ts'
import type { Templates } from '../facilitation/templates.ts'
import type { Audit } from '../auth/audit.ts'
import { requireBoard } from '../auth/guards.ts'
import type { AppEnv } from '../auth/identity.ts'
import { HttpError } from '../errors.ts'
import { revealDrafts } from '../facilitation/reveal.ts'
import type { Storage } from '../storage/types.ts'
import type { Rooms } from '../sync/rooms.ts'
import { readJson } from './json.ts'

export const MAX_LOCKED_ITEMS = 5000

const ms = z.number().int().min(0).max(24 * 3_600_000)
const Action = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start'), templateId: z.string() }),
  z.object({ action: z.literal('phase'), index: z.number().int().min(0) }),
  z
    .object({ action: z.literal('timer'), op: z.enum(['start', 'pause', 'reset', 'extend']), ms: ms.optional() })
    .refine((v) => v.op !== 'extend' || v.ms !== undefined, { message: 'extending needs ms', path: ['ms'] }),
  z.object({ action: z.literal('private'), on: z.boolean() }),
  z.object({ action: z.literal('reveal') }),
  z.object({ action: z.literal('lock'), on: z.boolean(), items: z.array(z.string().max(64)).max(1000).optional() }),
  z.object({ action: z.literal('spotlight'), patternId: z.string().max(64).nullable() }),
  z.object({ action: z.literal('cursors'), hidden: z.boolean() }),
  z.object({ action: z.literal('summon'), x: z.number().finite(), y: z.number().finite(), zoom: z.number().min(0.02).max(8) }),
  z.object({ action: z.literal('follow'), clientId: z.number().int().min(0).max(0xffffffff).nullable() }),
  z.object({ action: z.literal('end') }),
])
type Action = z.infer<typeof Action>

export type SessionRouteDeps = { storage: Storage; rooms: Rooms; audit: Audit; templates: Templates }

const phaseMs = (s: SessionState, i: number) => (s.phases[i]?.minutes ?? 0) * 60_000

export function sessionRoutes({ storage, rooms, audit, templates }: SessionRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/templates', (c) => c.json({ templates: templates.list }))

  // Anyone on the board: the session as the document has it, and the server's clock, so every
  // screen counts the shared timer down from the same time even when device clocks disagree.
  app.get('/boards/:id/session', async (c) => {
    const { board } = await requireBoard(c, storage, c.req.param('id'), 'viewBoard')
    const state = await rooms.read(board.id, readSession)
    return c.json({ session: state, now: Date.now() })
  })

  app.post('/boards/:id/session', async (c) => {
    const { board, identity } = await requireBoard(c, storage, c.req.param('id'), 'manageMembers')
    const input = parseInput(Action, await readJson(c))
    if (!input.ok) throw HttpError.from(input.error)
    const action: Action = input.value
    const current = (await rooms.read(board.id, readSession)) ?? emptySession()
    const now = Date.now()
    let next: SessionState | null = { ...current }
    let reveal = false

    switch (action.action) {
      case 'start': {
        const template = templates.byId(action.templateId)
        if (!template) throw new HttpError(404, 'not_found', 'no such template')
        const first = template.phases[0]!
        next = {
          ...emptySession(),
          // Attention set before the method starts (follow me, spotlight, hidden cursors) carries on.
          follow: current.follow,
          spotlight: current.spotlight,
          hideCursors: current.hideCursors,
          templateId: template.id,
          templateName: template.name,
          templateVersion: template.version,
          phases: template.phases,
          private: first.private,
          timer: applyTimer(null, { op: 'reset', ms: first.minutes * 60_000 }, now, 0),
        }
        await rooms.change(board.id, (doc) => {
          const areas = doc.getMap(ROOT.areas)
          areas.clear()
          template.areas.forEach((a, i) => areas.set(`${template.id}-${i}`, a))
        }, 'template areas')
        break
      }
      case 'phase': {
        if (action.index >= current.phases.length) throw new HttpError(400, 'invalid_input', 'index: no such phase')
        const phase = current.phases[action.index]!
        reveal = current.private && !phase.private
        next = { ...current, phaseIndex: action.index, private: phase.private, timer: applyTimer(null, { op: 'reset', ms: phaseMs(current, action.index) }, now, 0) }
        break
      }
      case 'timer':
        next = {
          ...current,
          timer: applyTimer(
            current.timer,
            action.op === 'extend' ? { op: 'extend', ms: action.ms ?? 0 } : action.op === 'reset' ? { op: 'reset', ms: action.ms } : { op: action.op },
            now,
            phaseMs(current, current.phaseIndex),
          ),
        }
        break
      case 'private':
        reveal = current.private && !action.on
        next = { ...current, private: action.on }
        break
      case 'reveal':
        reveal = true
        next = { ...current, private: false }
        break
      case 'lock': {
        const items = action.items
        const lockedItems = items ? (action.on ? [...new Set([...current.lockedItems, ...items])] : current.lockedItems.filter((i) => !items.includes(i))) : current.lockedItems
        // The whole session state travels to everyone on every change: it may not grow without end.
        if (lockedItems.length > MAX_LOCKED_ITEMS) throw new HttpError(400, 'invalid_input', `items: at most ${MAX_LOCKED_ITEMS} items can be locked; lock the board instead`)
        next = items ? { ...current, lockedItems } : { ...current, locked: action.on }
        break
      }
      case 'spotlight':
        next = { ...current, spotlight: action.patternId }
        break
      case 'cursors':
        next = { ...current, hideCursors: action.hidden }
        break
      case 'summon':
        next = { ...current, summon: { x: action.x, y: action.y, zoom: action.zoom, at: new Date(now).toISOString() } }
        break
      case 'follow':
        // Anonymous boards keep presence names neutral; the leader is named by role there.
        next = { ...current, follow: action.clientId === null ? null : { clientId: action.clientId, name: board.anonymous ? 'Facilitator' : identity.user.displayName.slice(0, 80) } }
        break
      case 'end':
        reveal = current.private
        next = null
        break
    }

    const state = next
    await rooms.change(board.id, (doc) => {
      const map = doc.getMap(ROOT.session)
      if (state) map.set(SESSION_KEY, state)
      else map.delete(SESSION_KEY)
    }, `session ${action.action}`)
    const shown = reveal ? await revealDrafts(storage, rooms, board.id, board.anonymous) : null
    const revealed = shown?.revealed ?? 0
    const counts: Record<string, number> = shown ? { revealed, restricted: shown.restricted, refused: shown.refused, skipped: shown.skipped } : { revealed }
    if (['lock', 'reveal', 'private', 'start', 'end'].includes(action.action) || revealed) {
      await audit({ boardId: board.id, actorId: identity.user.id, action: `session.${action.action}`, details: counts })
    }
    return c.json({ session: state, ...counts })
  })

  return app
}
