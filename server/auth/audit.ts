// Audit entries: who did what to which board. Details hold ids, roles and counts, never story
// text, names typed into stories or tokens.
import type { AuditEntry, Storage } from '../storage/types.ts'

export type Audit = (entry: Omit<AuditEntry, 'id' | 'at'>) => Promise<void>

/**
 * Who may see and change a board: creating it, its settings, its members, invites and links.
 * These keep their actor everywhere: who is a member is known anyway (the members list).
 */
export const ACCESS_ACTIONS: ReadonlySet<string> = new Set([
  'board.created',
  'board.imported',
  'board.settings_changed',
  'member.added',
  'member.role_changed',
  'member.removed',
  'invite.created',
  'invite.used',
  'invite.revoked',
  'link.created',
  'link.accepted',
  'link.removed',
])

/** Entries about people's own accounts, on no board: they keep their actor. */
const ACCOUNT_ACTIONS: ReadonlySet<string> = new Set(['account.created', 'signin', 'signin.failed', 'signout'])

/**
 * Whether an entry of this action keeps its actor on an anonymous board. Everything that is not
 * about access (content, versions, exports, cross-board actions, facilitation) stores none, so a
 * new kind of entry is anonymous until it is listed here.
 */
export const keepsActor = (action: string): boolean => ACCESS_ACTIONS.has(action) || ACCOUNT_ACTIONS.has(action)

type Entry = Omit<AuditEntry, 'id' | 'at'>
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null)

/**
 * The boards an entry is about: its own, plus the other board of a cross-board action (a raise,
 * a share, a restore, a withdrawal that reached it). Found from the server's records, so no call
 * site has to remember; the source and target are added to the details of cross-board entries so
 * a later entry (a removed share) still finds them.
 */
async function boardsOf(storage: Storage, entry: Entry): Promise<{ boards: string[]; details: Entry['details'] }> {
  const d = entry.details
  const boards = [entry.boardId, text(d.fromBoard), text(d.newBoardId), text(d.sourceBoard), text(d.targetBoard)]
  let link: { sourceBoard: string; targetBoard: string } | null = null
  const conditionId = text(d.conditionId)
  const shareId = text(d.shareId)
  if (conditionId) link = await storage.conditions.get(conditionId)
  else if (shareId) {
    link = await storage.shares.get(shareId)
    if (!link && entry.boardId) {
      // Removed already (unshared): the entry written when it was shared names both boards.
      const earlier = (await storage.audit.list({ boardId: entry.boardId, limit: 1000 })).find((e) => e.details.shareId === shareId && text(e.details.sourceBoard))
      if (earlier) link = { sourceBoard: String(earlier.details.sourceBoard), targetBoard: String(earlier.details.targetBoard) }
    }
  }
  const details = link ? { ...d, sourceBoard: link.sourceBoard, targetBoard: link.targetBoard } : d
  if (link) boards.push(link.sourceBoard, link.targetBoard)
  return { boards: [...new Set(boards.filter((b): b is string => b !== null))], details }
}

/**
 * The one audit writer. On an anonymous board (or about one: either board of a cross-board
 * action) an entry about content stores no actor; access entries keep theirs.
 */
export const auditTo =
  (storage: Storage): Audit =>
  async (entry) => {
    const { boards, details } = await boardsOf(storage, entry)
    let actorId = entry.actorId
    if (actorId !== null && !keepsActor(entry.action)) {
      for (const id of boards) if ((await storage.boards.get(id))?.anonymous) actorId = null
    }
    await storage.audit.write({ ...entry, actorId, details, at: new Date().toISOString() })
  }

/**
 * A board turned anonymous: what was stored before forgets who did what to its content too (its
 * entries and those about it on other boards, and who saved its versions). Access entries stay.
 */
export async function forgetContentActors(storage: Storage, boardId: string): Promise<void> {
  await storage.audit.forgetActors(boardId, [...ACCESS_ACTIONS, ...ACCOUNT_ACTIONS])
  await storage.versions.forgetAuthors(boardId)
  await storage.scrub?.()
}

/** An entry as an owner reads it: entries written before the board turned anonymous lose their actor too. */
export const shownActor = (entry: AuditEntry, anonymousBoard: boolean): string | null =>
  anonymousBoard && !keepsActor(entry.action) ? null : entry.actorId
