// Exports, import and history of a board. Observers and up may export (restricted stories are
// withheld from every format); heavy formats (PDF, PNG) render in a worker thread as jobs the
// client polls for progress; GET on their file names waits for the job, for scripts. Import makes
// a new board the caller owns; a version restores as a new board too. Every export is audited.
import { Hono, type Context } from 'hono'
import * as Y from 'yjs'
import { z } from 'zod'
import { patternsCsv, storiesCsv } from '../../shared/export/csv.ts'
import type { BoardExport } from '../../shared/export/format.ts'
import { droppedQuotes, importBoard, parseExport } from '../../shared/export/importBoard.ts'
import { Audience, buildReport, reportMarkdown } from '../../shared/export/report.ts'
import { PictureScope, renderSvg } from '../../shared/export/svg.ts'
import { BoardTitle } from '../../shared/model/board.ts'
import { emptySession, readSession, SESSION_KEY } from '../../shared/model/facilitation.ts'
import { newId } from '../../shared/model/ids.ts'
import { ROOT } from '../../shared/model/layout.ts'
import { migrateBoard } from '../../shared/model/migrations.ts'
import { readBoard } from '../../shared/model/readBoard.ts'
import { PatternId } from '../../shared/model/pattern.ts'
import { StoryId } from '../../shared/model/story.ts'
import { updateBoardMeta } from '../../shared/ops/board.ts'
import { parseInput } from '../../shared/ops/validate.ts'
import type { Audit } from '../auth/audit.ts'
import { requireAccount, requireBoard, type BoardAccess } from '../auth/guards.ts'
import type { AppEnv } from '../auth/identity.ts'
import { RateLimiter } from '../auth/rateLimit.ts'
import type { BoardBudget } from './boardBudget.ts'
import { HttpError } from '../errors.ts'
import { fileBase, readBoardData } from '../exports/boardData.ts'
import { saveVersion } from '../exports/history.ts'
import type { ExportJobs } from '../exports/jobs.ts'
import type { RenderJob } from '../exports/render.ts'
import type { BoardRecord, ConditionRecord, ShareRecord, Storage, UserRecord } from '../storage/types.ts'
import type { Rooms } from '../sync/rooms.ts'
import { readJson } from './json.ts'

/** Largest board export accepted by `POST /api/boards/import` (about 60,000 stories). */
export const IMPORT_MAX_BYTES = 32 * 1024 * 1024

/**
 * Each import and each named version stores a whole board, kept until deleted: per person, at most
 * this many in `STORE_WINDOW_MS`, so one account cannot fill the disk.
 */
export const IMPORTS_PER_WINDOW = 20
export const NAMED_VERSIONS_PER_WINDOW = 30
/** A large import holds a few hundred MB while it is read and built: only so many at once. */
export const IMPORTS_AT_ONCE = 2
const STORE_WINDOW_MS = 10 * 60_000

export type ExportRouteDeps = { storage: Storage; rooms: Rooms; audit: Audit; jobs: ExportJobs; budget: BoardBudget }

const HEAVY = ['board.png', 'board.pdf', 'report.pdf'] as const
const JobInput = z.object({
  format: z.enum(HEAVY),
  audience: Audience.default('concise'),
  pattern: PatternId.optional(),
  stories: z.array(StoryId).min(1).max(10_000).optional(),
})
const NamedVersion = z.object({ name: z.string().trim().min(1, 'name the version').max(120) })
const RestoreInput = z.object({ title: BoardTitle.optional() })

function scopeOf(pattern: string | undefined, stories: string[] | undefined): PictureScope {
  if (pattern && stories) throw new HttpError(400, 'invalid_input', 'choose a pattern or stories, not both')
  const parsed = PictureScope.safeParse(
    pattern ? { kind: 'pattern', patternId: pattern } : stories ? { kind: 'stories', storyIds: stories } : { kind: 'board' },
  )
  if (!parsed.success) throw new HttpError(400, 'invalid_input', 'pattern or stories: not a valid id')
  return parsed.data
}

const queryStories = (c: Context): string[] | undefined => c.req.query('stories')?.split(',').filter(Boolean)

function audienceOf(raw: string | undefined): Audience {
  const parsed = Audience.safeParse(raw ?? 'concise')
  if (!parsed.success) throw new HttpError(400, 'invalid_input', 'audience: concise, descriptive or technical')
  return parsed.data
}

const attachment = (name: string) => ({ 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' })

export function exportRoutes({ storage, rooms, audit, jobs, budget }: ExportRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const importsPerPerson = new RateLimiter(IMPORTS_PER_WINDOW, STORE_WINDOW_MS)
  const versionsPerPerson = new RateLimiter(NAMED_VERSIONS_PER_WINDOW, STORE_WINDOW_MS)
  const limited = (limiter: RateLimiter, userId: string, what: string) => {
    if (!limiter.hit(userId).allowed) throw new HttpError(429, 'rate_limited', `too many ${what} in a short time; wait a few minutes`)
  }

  const exported = (a: BoardAccess, format: string, extra: Record<string, string | number> = {}) =>
    audit({ boardId: a.board.id, actorId: a.identity.user.id, action: 'board.exported', details: { format, role: a.role, ...extra } })

  /** Picture of the chosen scope, or 404 when the pattern or stories are not on the board. */
  const picture = (data: BoardExport, scope: PictureScope) => {
    const pic = renderSvg(data, scope)
    if (!pic) throw new HttpError(404, 'not_found', scope.kind === 'pattern' ? 'no such pattern on this board' : 'none of these stories is on this board')
    return pic
  }

  const mayStart = (a: BoardAccess) => {
    if (!jobs.canStart(a.identity.user.id)) throw new HttpError(429, 'too_many_exports', 'wait for your other exports to finish')
  }

  async function startJob(a: BoardAccess, input: z.infer<typeof JobInput>) {
    mayStart(a)
    const { data, quotes, chains } = await readBoardData(storage, rooms, a.board)
    const base = fileBase(a.board.title)
    let job: RenderJob
    let fileName: string
    if (input.format === 'report.pdf') {
      job = { kind: 'report.pdf', report: buildReport(data, quotes, input.audience, chains) }
      fileName = `${base}-report-${input.audience}.pdf`
    } else {
      const scope = scopeOf(input.pattern, input.stories)
      if (input.format === 'board.png') {
        const pic = picture(data, scope)
        job = { kind: 'board.png', svg: pic.svg, width: pic.width, height: pic.height }
      } else {
        picture(data, scope)
        const only = scope.kind === 'pattern' ? new Set([scope.patternId]) : null
        const ids = scope.kind === 'stories' ? new Set(scope.storyIds) : null
        const stories = ids ? data.stories.filter((s) => ids.has(s.id)) : only ? data.stories.filter((s) => data.patterns.some((p) => only.has(p.id) && p.members.some((m) => m.storyId === s.id))) : data.stories
        const keep = new Set(stories.map((s) => s.id))
        const patterns = only
          ? data.patterns.filter((p) => only.has(p.id))
          : ids
            ? data.patterns.filter((p) => p.members.some((m) => keep.has(m.storyId))).map((p) => ({ ...p, members: p.members.filter((m) => keep.has(m.storyId)) }))
            : data.patterns
        // What was raised to the board belongs to the whole board's PDF, not to a pattern's or a selection's.
        job = { kind: 'board.pdf', data: { ...data, stories, patterns, conditions: scope.kind === 'board' ? data.conditions : [] } }
      }
      fileName = `${base}${scope.kind === 'board' ? '' : `-${scope.kind}`}.${input.format === 'board.png' ? 'png' : 'pdf'}`
    }
    // Again, with no await before the start: parallel requests all passed the first check while
    // this one read the board.
    mayStart(a)
    const started = jobs.start(job, { boardId: a.board.id, userId: a.identity.user.id, fileName })
    await exported(a, input.format, input.format === 'report.pdf' ? { audience: input.audience } : { scope: input.pattern ? 'pattern' : input.stories ? 'stories' : 'board' })
    return started
  }

  app.get('/:id/export/json', async (c) => {
    const a = await requireBoard(c, storage, c.req.param('id'), 'exportBoard')
    const { data } = await readBoardData(storage, rooms, a.board)
    await exported(a, 'json')
    return c.body(JSON.stringify(data, null, 2), 200, { 'content-type': 'application/json; charset=utf-8', ...attachment(`${fileBase(a.board.title)}.learning-wall.json`) })
  })

  for (const which of ['stories', 'patterns'] as const) {
    app.get(`/:id/export/${which}.csv`, async (c) => {
      const a = await requireBoard(c, storage, c.req.param('id'), 'exportBoard')
      const { data } = await readBoardData(storage, rooms, a.board)
      await exported(a, `${which}.csv`)
      // A byte-order mark so spreadsheet programs read the file as UTF-8.
      const body = `\ufeff${which === 'stories' ? storiesCsv(data) : patternsCsv(data)}`
      return c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8', ...attachment(`${fileBase(a.board.title)}-${which}.csv`) })
    })
  }

  app.get('/:id/export/report.md', async (c) => {
    const a = await requireBoard(c, storage, c.req.param('id'), 'exportBoard')
    const audience = audienceOf(c.req.query('audience'))
    const { data, quotes, chains } = await readBoardData(storage, rooms, a.board)
    await exported(a, 'report.md', { audience })
    return c.body(reportMarkdown(buildReport(data, quotes, audience, chains)), 200, {
      'content-type': 'text/markdown; charset=utf-8',
      ...attachment(`${fileBase(a.board.title)}-report-${audience}.md`),
    })
  })

  app.get('/:id/export/board.svg', async (c) => {
    const a = await requireBoard(c, storage, c.req.param('id'), 'exportBoard')
    const scope = scopeOf(c.req.query('pattern'), queryStories(c))
    const { data } = await readBoardData(storage, rooms, a.board)
    const pic = picture(data, scope)
    await exported(a, 'board.svg', { scope: scope.kind })
    return c.body(pic.svg, 200, {
      'content-type': 'image/svg+xml; charset=utf-8',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      ...attachment(`${fileBase(a.board.title)}.svg`),
    })
  })

  // Heavy formats as jobs: start, poll, fetch.
  app.post('/:id/export/jobs', async (c) => {
    const a = await requireBoard(c, storage, c.req.param('id'), 'exportBoard')
    const input = parseInput(JobInput, await readJson(c))
    if (!input.ok) throw HttpError.from(input.error)
    return c.json({ job: await startJob(a, input.value) }, 202)
  })

  app.get('/:id/export/jobs/:jobId', async (c) => {
    const a = await requireBoard(c, storage, c.req.param('id'), 'exportBoard')
    const job = jobs.get(c.req.param('jobId'), a.board.id, a.identity.user.id)
    if (!job) throw new HttpError(404, 'not_found', 'no such export job')
    return c.json({ job })
  })

  app.get('/:id/export/jobs/:jobId/file', async (c) => {
    const a = await requireBoard(c, storage, c.req.param('id'), 'exportBoard')
    const job = jobs.get(c.req.param('jobId'), a.board.id, a.identity.user.id)
    if (!job) throw new HttpError(404, 'not_found', 'no such export job')
    const bytes = jobs.file(job.id, a.board.id, a.identity.user.id)
    if (job.status === 'failed') throw new HttpError(500, 'export_failed', job.error ?? 'the export failed')
    if (!bytes) throw new HttpError(409, 'not_ready', 'the export is still running')
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'content-type': job.contentType, ...attachment(job.fileName) })
  })

  // The same heavy formats in one request (scripts): rendered in the worker, answered when done.
  for (const format of HEAVY) {
    app.get(`/:id/export/${format}`, async (c) => {
      const a = await requireBoard(c, storage, c.req.param('id'), 'exportBoard')
      const input = parseInput(JobInput, {
        format,
        audience: audienceOf(c.req.query('audience')),
        pattern: c.req.query('pattern'),
        stories: queryStories(c),
      })
      if (!input.ok) throw HttpError.from(input.error)
      const started = await startJob(a, input.value)
      const job = await jobs.settled(started.id)
      const bytes = jobs.file(started.id, a.board.id, a.identity.user.id)
      if (!job || job.status !== 'done' || !bytes) throw new HttpError(500, 'export_failed', job?.error ?? 'the export failed')
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'content-type': job.contentType, ...attachment(job.fileName) })
    })
  }

  let importing = 0
  app.post('/import', async (c) => {
    const { user } = requireAccount(c)
    // Before the body is read: parallel imports would each hold theirs in memory.
    if (importing >= IMPORTS_AT_ONCE) throw new HttpError(429, 'busy', 'other imports are running; try again in a moment')
    // Attempts count before the body is read: a stream of invalid files costs the server as much.
    limited(importsPerPerson, user.id, 'imports')
    await budget.check(user.id)
    importing++
    try {
      const body = await readJson(c)
      const parsed = parseExport(body)
      if (!parsed.ok) throw HttpError.from(parsed.error)
      // Quotes a file carries (copied into a /1 file's cards, or resolved when a /2 file was made)
      // are never written into the new board: no record of a raise or share grants it any.
      const dropped = droppedQuotes(body)
      const data = parsed.value
      const board = await createBoardFrom(storage, user, data.board, (doc, voteSessionId) => importBoard(doc, data, { kind: 'server', reason: 'import' }, { voteSessionId }), data.votes.session ? newId() : null)
      if (data.votes.session) await importVotes(storage, board.record.id, board.voteSessionId!, data)
      await audit({ boardId: board.record.id, actorId: user.id, action: 'board.imported', details: { stories: data.stories.length, patterns: data.patterns.length, format: data.format, droppedQuotes: dropped } })
      return c.json({ board: board.record, role: 'owner', droppedQuotes: dropped }, 201)
    } finally {
      importing--
    }
  })

  app.get('/:id/versions', async (c) => {
    const a = await requireBoard(c, storage, c.req.param('id'), 'viewBoard')
    // Anonymous boards name nobody, not even for versions saved before the board became anonymous.
    const versions = (await storage.versions.list(a.board.id)).map((v) => (a.board.anonymous ? { ...v, createdBy: null } : v))
    const names = new Map<string, string>()
    for (const v of versions) {
      if (v.createdBy && !names.has(v.createdBy)) names.set(v.createdBy, (await storage.users.get(v.createdBy))?.displayName ?? 'someone')
    }
    return c.json({ versions: versions.map((v) => ({ ...v, createdByName: v.createdBy ? names.get(v.createdBy) : null })) })
  })

  app.post('/:id/versions', async (c) => {
    const a = await requireBoard(c, storage, c.req.param('id'), 'saveVersion')
    const input = parseInput(NamedVersion, await readJson(c))
    if (!input.ok) throw HttpError.from(input.error)
    limited(versionsPerPerson, a.identity.user.id, 'saved versions')
    const version = await saveVersion(storage, rooms, a.board.id, { kind: 'named', name: input.value.name, createdBy: a.board.anonymous ? null : a.identity.user.id })
    await audit({ boardId: a.board.id, actorId: a.identity.user.id, action: 'version.saved', details: { versionId: version.id } })
    return c.json({ version }, 201)
  })

  app.post('/:id/versions/:versionId/restore', async (c) => {
    const a = await requireBoard(c, storage, c.req.param('id'), 'restoreVersion')
    if (a.identity.user.kind !== 'account') throw new HttpError(403, 'forbidden', 'guests cannot create boards; create an account')
    const input = parseInput(RestoreInput, await readJson(c))
    if (!input.ok) throw HttpError.from(input.error)
    await budget.check(a.identity.user.id)
    const found = await storage.versions.load(a.board.id, c.req.param('versionId'))
    if (!found) throw new HttpError(404, 'not_found', 'no such version of this board')
    const old = new Y.Doc()
    Y.applyUpdateV2(old, found.stateV2)
    const meta = readBoard(old).meta
    // The server's records of the cards raised onto or shared with the board, for the new board's
    // own copies (new ids), so their quotes resolve there under the same live rules.
    const records = await cardRecords(storage, a.board.id, old)
    const when = found.version.name ?? found.version.createdAt.slice(0, 16).replace('T', ' ')
    const title = input.value.title ?? `${meta?.title ?? a.board.title} (${when})`.slice(0, 200)
    const board = await createBoardFrom(
      storage,
      a.identity.user,
      { title, scale: meta?.scale ?? a.board.scale, element: meta?.element ?? a.board.element, anonymous: a.board.anonymous },
      (doc) => {
        Y.applyUpdateV2(doc, found.stateV2)
        const migrated = migrateBoard(doc)
        if (!migrated.ok) return migrated
        rekeyCards(doc, records)
        doc.transact(() => {
          // A restored board starts without the old vote session (its ballots stay with the
          // original) and with the method and phase but none of the live session state (private
          // writing, timer, locks, attention), as an import does.
          doc.getMap('vote').clear()
          const state = readSession(doc)
          if (state) {
            const { templateId, templateVersion, phases, phaseIndex } = state
            doc.getMap('session').set(SESSION_KEY, { ...emptySession(), templateId, templateVersion, phases, phaseIndex })
          }
        })
        return updateBoardMeta(doc, { title }, { kind: 'server', reason: 'restore version' })
      },
      null,
    )
    await copyCardRecords(storage, board.record.id, records)
    await audit({ boardId: a.board.id, actorId: a.identity.user.id, action: 'version.restored', details: { versionId: found.version.id, newBoardId: board.record.id } })
    await audit({ boardId: board.record.id, actorId: a.identity.user.id, action: 'board.created', details: { fromBoard: a.board.id, versionId: found.version.id } })
    return c.json({ board: board.record, role: 'owner' }, 201)
  })

  return app
}

type Built = { ok: true } | { ok: false; error: { code: string; message: string; path?: string } }

/** A new board the user owns, its document built by `fill`; nothing is stored if `fill` fails. */
async function createBoardFrom(
  storage: Storage,
  user: UserRecord,
  meta: Pick<BoardRecord, 'title' | 'scale' | 'element' | 'anonymous'>,
  fill: (doc: Y.Doc, voteSessionId: string | null) => Built,
  voteSessionId: string | null,
): Promise<{ record: BoardRecord; voteSessionId: string | null }> {
  const id = newId(12)
  const doc = new Y.Doc()
  const migrated = migrateBoard(doc)
  if (!migrated.ok) throw HttpError.from(migrated.error, 500)
  const filled = fill(doc, voteSessionId)
  if (!filled.ok) throw HttpError.from(filled.error)
  const state = Y.encodeStateAsUpdateV2(doc)
  doc.destroy()
  const now = new Date().toISOString()
  await storage.docs.append(id, [state])
  const record = await storage.boards.create({ id, title: meta.title, scale: meta.scale, element: meta.element, anonymous: meta.anonymous, createdAt: now, updatedAt: now })
  await storage.memberships.put({ boardId: id, userId: user.id, role: 'owner', organisation: user.organisation, inviteId: null, createdAt: now })
  return { record, voteSessionId }
}

/** The imported vote: its session record and the numbered voters' ballots, closed as it was. */
async function importVotes(storage: Storage, boardId: string, sessionId: string, data: BoardExport): Promise<void> {
  const s = data.votes.session!
  await storage.votes.open({ id: sessionId, boardId, status: 'open', votesPerPerson: s.votesPerPerson, maxPerPattern: s.maxPerPattern, openedAt: s.openedAt, closedAt: null })
  const byVoter = new Map<string, { organisation: string; votes: Record<string, number> }>()
  for (const b of data.votes.ballots) {
    const v = byVoter.get(b.voter) ?? { organisation: b.organisation, votes: {} }
    v.votes[b.patternId] = (v.votes[b.patternId] ?? 0) + b.count
    byVoter.set(b.voter, v)
  }
  for (const [voter, v] of byVoter) await storage.votes.change(sessionId, voter, v.organisation, () => v.votes)
  if (s.status === 'closed') await storage.votes.close(sessionId, s.closedAt ?? new Date().toISOString())
}

type CardRecords = { conditions: Array<{ record: ConditionRecord; newId: string }>; shares: Array<{ record: ShareRecord; newId: string }> }

/** The records behind the cards a version holds: only those whose target is the version's board. */
async function cardRecords(storage: Storage, boardId: string, doc: Y.Doc): Promise<CardRecords> {
  const out: CardRecords = { conditions: [], shares: [] }
  for (const id of doc.getMap(ROOT.conditions).keys()) {
    const record = await storage.conditions.get(id)
    if (record?.targetBoard === boardId) out.conditions.push({ record, newId: newId() })
  }
  for (const id of doc.getMap(ROOT.references).keys()) {
    const record = await storage.shares.get(id)
    if (record?.targetBoard === boardId) out.shares.push({ record, newId: newId() })
  }
  return out
}

/** The restored document's cards under their new records' ids (a card's id is its record's). */
function rekeyCards(doc: Y.Doc, records: CardRecords): void {
  doc.transact(() => {
    for (const [root, list] of [[ROOT.conditions, records.conditions], [ROOT.references, records.shares]] as const) {
      const cards = doc.getMap<unknown>(root)
      for (const { record, newId: id } of list) {
        const card = cards.get(record.id)
        cards.delete(record.id)
        if (card && typeof card === 'object') cards.set(id, { ...card, id })
      }
    }
  })
}

async function copyCardRecords(storage: Storage, boardId: string, records: CardRecords): Promise<void> {
  const now = new Date().toISOString()
  for (const { record, newId: id } of records.conditions) {
    await storage.conditions.createOnce({ ...record, id, targetBoard: boardId, createdAt: record.createdAt, updatedAt: now })
  }
  for (const { record, newId: id } of records.shares) {
    await storage.shares.createOnce({ ...record, id, targetBoard: boardId })
  }
}
