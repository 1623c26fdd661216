// The storage interface every adapter implements, proven alike by one contract suite
// (contract.ts). Documents are stored as an append-only log of V2 updates plus a compacted
// snapshot; relational records (boards now; people, links, audit later) sit beside them.
import type { Role } from '../../shared/access/roles.ts'
import type { CycleElement, Scale } from '../../shared/model/cycle.ts'

export type BoardRecord = {
  id: string
  title: string
  scale: Scale
  element: CycleElement
  /** Anonymous contribution mode: new stories store no author and presence shows a neutral name. */
  anonymous: boolean
  createdAt: string
  updatedAt: string
}

export type StoredDoc = {
  /** Compacted state (V2), or null before the first compaction. */
  snapshot: Uint8Array | null
  /** V2 updates appended after the snapshot, in order. */
  updates: Uint8Array[]
  /** Sequence number of the last update (0 when none was ever stored). */
  lastSeq: number
}

export type DocStats = { snapshotBytes: number; logBytes: number; logCount: number }

export interface DocStore {
  load(boardId: string): Promise<StoredDoc>
  /**
   * What a reader that has everything up to `afterSeq` is missing: the updates after it, plus
   * the snapshot when compaction has removed some of them. `lastSeq` is the new watermark.
   */
  loadSince(boardId: string, afterSeq: number): Promise<StoredDoc>
  /** Durable when the promise resolves; returns the sequence number of the last one. */
  append(boardId: string, updatesV2: Uint8Array[]): Promise<number>
  /** Replaces the snapshot and drops log entries up to and including `uptoSeq`, atomically. */
  compact(boardId: string, snapshotV2: Uint8Array, uptoSeq: number): Promise<void>
  stats(boardId: string): Promise<DocStats>
  /** Document names that start with `prefix` (a board's private draft rooms). */
  roomsWithPrefix(prefix: string): Promise<string[]>
  /**
   * Deletes a room's document with all its stored history (log and snapshot), atomically: a
   * revealed draft room must not outlive its reveal. Rooms that are not boards have no saved
   * versions (versions reference a board record). The name may be used again afterwards.
   */
  delete(room: string): Promise<void>
  /**
   * The room's Yjs client ids that were first written by a connection holding a key, with the
   * key's hash (docs/api.md, sync: ownership of client ids survives restarts). Never a person.
   */
  clientKeys(room: string): Promise<Array<[client: number, keyHash: string]>>
  /** Records the key of client ids; an id keeps the first key recorded for it. */
  recordClientKeys(room: string, keys: Array<[client: number, keyHash: string]>): Promise<void>
}

export type BoardChanges = Partial<Pick<BoardRecord, 'title' | 'scale' | 'element' | 'anonymous'>>

export interface BoardStore {
  create(board: BoardRecord): Promise<BoardRecord>
  get(id: string): Promise<BoardRecord | null>
  list(): Promise<BoardRecord[]>
  /** Boards the user has a role on, with that role. */
  listFor(userId: string): Promise<Array<BoardRecord & { role: Role }>>
  /** Boards the user owns, created at or after `since` when given (the boards budget). */
  countOwnedBy(userId: string, since?: string): Promise<number>
  update(id: string, changes: BoardChanges): Promise<BoardRecord | null>
}

/** An account (email and password) or a guest (came through an invite; no email, expires). */
export type UserRecord = {
  id: string
  kind: 'account' | 'guest'
  email: string | null
  passwordHash: string | null
  displayName: string
  organisation: string
  isAdmin: boolean
  /** Guests end at their invite's expiry. */
  expiresAt: string | null
  createdAt: string
}

export interface UserStore {
  /** Creates the user; the first account on an instance is made admin in the same transaction. */
  create(user: Omit<UserRecord, 'isAdmin'>): Promise<UserRecord>
  get(id: string): Promise<UserRecord | null>
  byEmail(email: string): Promise<UserRecord | null>
  update(id: string, changes: Partial<Pick<UserRecord, 'displayName' | 'organisation' | 'passwordHash'>>): Promise<UserRecord | null>
  delete(id: string): Promise<void>
}

export type SessionRecord = {
  /** sha256 of the secret token: a leaked database does not leak live sessions. */
  tokenHash: string
  userId: string
  expiresAt: string
  createdAt: string
}

export interface SessionStore {
  create(session: SessionRecord): Promise<void>
  get(tokenHash: string): Promise<SessionRecord | null>
  delete(tokenHash: string): Promise<void>
  deleteForUser(userId: string): Promise<void>
}

export type MembershipRecord = {
  boardId: string
  userId: string
  role: Role
  organisation: string
  /** The invite link it came through, so revoking the link ends it. */
  inviteId: string | null
  createdAt: string
}

export type MemberView = MembershipRecord & { displayName: string; kind: UserRecord['kind']; email: string | null }

export interface MembershipStore {
  get(boardId: string, userId: string): Promise<MembershipRecord | null>
  /** Inserts or replaces the membership. */
  put(membership: MembershipRecord): Promise<void>
  remove(boardId: string, userId: string): Promise<boolean>
  list(boardId: string): Promise<MemberView[]>
  byInvite(inviteId: string): Promise<MembershipRecord[]>
  countOwners(boardId: string): Promise<number>
}

export type InviteRecord = {
  id: string
  tokenHash: string
  boardId: string
  role: Role
  createdBy: string
  expiresAt: string
  maxUses: number | null
  uses: number
  revokedAt: string | null
  /** Paused: no new joins while set; reversible (revoking is not). */
  disabledAt: string | null
  createdAt: string
}

export interface InviteStore {
  create(invite: InviteRecord): Promise<void>
  get(id: string): Promise<InviteRecord | null>
  byTokenHash(tokenHash: string): Promise<InviteRecord | null>
  list(boardId: string): Promise<InviteRecord[]>
  /** Counts one use if the invite is live and under its limit; false when it is not. */
  use(id: string, now: string): Promise<boolean>
  revoke(id: string, at: string): Promise<void>
  /** Pauses (`at`) or resumes (null) new joins; false when nothing changed (or no such invite). */
  setDisabled(id: string, at: string | null): Promise<boolean>
}

export type AuditEntry = {
  id: number
  at: string
  boardId: string | null
  actorId: string | null
  action: string
  /** Ids, roles and counts only: never story text, names typed into stories, or tokens. */
  details: Record<string, string | number | boolean | null>
}

export interface AuditStore {
  write(entry: Omit<AuditEntry, 'id'>): Promise<void>
  list(filter: { boardId?: string; limit?: number }): Promise<AuditEntry[]>
  /**
   * Clears the actor of every entry about a board (written on it, or naming it in its details: the
   * other board of a cross-board action) whose action is not in `keep`: the board turned anonymous.
   */
  forgetActors(boardId: string, keep: readonly string[]): Promise<void>
}

export type VoteSessionRecord = {
  id: string
  boardId: string
  status: 'open' | 'closed'
  votesPerPerson: number
  maxPerPattern: number | null
  openedAt: string
  closedAt: string | null
}

export type VoteRow = { userId: string; patternId: string; organisation: string; count: number }

export interface VoteStore {
  open(session: VoteSessionRecord): Promise<void>
  get(id: string): Promise<VoteSessionRecord | null>
  /** The board's open session, if any. */
  current(boardId: string): Promise<VoteSessionRecord | null>
  close(id: string, at: string): Promise<void>
  mine(sessionId: string, userId: string): Promise<Record<string, number>>
  /**
   * Changes one person's votes atomically: `decide` sees their current votes and returns the new
   * ones, or null to change nothing. Concurrent calls for one person run one after the other.
   */
  change(
    sessionId: string,
    userId: string,
    organisation: string,
    decide: (mine: Record<string, number>) => Record<string, number> | null,
  ): Promise<Record<string, number> | null>
  all(sessionId: string): Promise<VoteRow[]>
  /** Erases who voted for what, keeping nothing but what the caller already computed. */
  forget(sessionId: string): Promise<void>
}

export type LinkRecord = {
  id: string
  /** Vertical: the lower scale; horizontal: either peer (stored in id order). */
  lowerBoard: string
  higherBoard: string
  kind: 'vertical' | 'horizontal'
  /** Pending until someone with rights on the other board accepts. */
  status: 'active' | 'pending'
  /**
   * The board whose manager accepts a pending link: the other one than it was requested from.
   * Null for a link made active at once, and for pending links stored before this was recorded.
   */
  awaitingBoard: string | null
  createdBy: string
  createdAt: string
}

export interface LinkStore {
  create(link: LinkRecord): Promise<void>
  get(id: string): Promise<LinkRecord | null>
  between(a: string, b: string): Promise<LinkRecord | null>
  forBoards(boardIds: string[]): Promise<LinkRecord[]>
  /** Makes a link active, joining the boards in the given order (their scales when accepted). */
  activate(id: string, order: { lowerBoard: string; higherBoard: string }): Promise<void>
  remove(id: string): Promise<void>
}

export type ConditionRecord = {
  id: string
  sourceBoard: string
  sourcePattern: string
  targetBoard: string
  kind: 'enabler' | 'barrier'
  status: 'raised' | 'acknowledged' | 'in_progress' | 'resolved' | 'declined'
  declineReason: string | null
  /** Null when raised from an anonymous board. */
  createdBy: string | null
  createdAt: string
  updatedAt: string
}

export interface ConditionStore {
  /** Inserts unless this pattern was already raised to this board; returns the stored one. */
  createOnce(c: ConditionRecord): Promise<{ condition: ConditionRecord; created: boolean }>
  get(id: string): Promise<ConditionRecord | null>
  update(id: string, changes: Pick<ConditionRecord, 'status' | 'declineReason'>): Promise<void>
  forBoards(boardIds: string[]): Promise<ConditionRecord[]>
}

export type ShareRecord = {
  id: string
  sourceBoard: string
  sourcePattern: string
  targetBoard: string
  /** Null for a share from an anonymous board: nothing stored names who shared it. */
  createdBy: string | null
  createdAt: string
}

export interface ShareStore {
  createOnce(share: ShareRecord): Promise<{ share: ShareRecord; created: boolean }>
  fromBoard(boardId: string): Promise<ShareRecord[]>
  get(id: string): Promise<ShareRecord | null>
  remove(id: string): Promise<void>
}

/**
 * A saved version of a board's document: automatic (on compaction, at most one per interval of
 * activity) or named by a person ("end of workshop"). Restoring one creates a new board.
 */
export type VersionRecord = {
  id: string
  boardId: string
  kind: 'auto' | 'named'
  /** Null for automatic versions. */
  name: string | null
  /** Size of the stored state, so a list never loads the states themselves. */
  bytes: number
  createdBy: string | null
  createdAt: string
}

export interface VersionStore {
  /** Stores a compacted V2 state as a version of the board. */
  save(version: Omit<VersionRecord, 'bytes'>, stateV2: Uint8Array): Promise<VersionRecord>
  /** The board's versions, newest first, without their states. */
  list(boardId: string, limit?: number): Promise<VersionRecord[]>
  load(boardId: string, id: string): Promise<{ version: VersionRecord; stateV2: Uint8Array } | null>
  /**
   * Rewrites a version's stored state in place (e.g. to purge a withdrawn story's text from
   * history); false when there is no such version.
   */
  replaceState(boardId: string, id: string, stateV2: Uint8Array): Promise<boolean>
  delete(boardId: string, id: string): Promise<boolean>
  /** Clears who saved each of the board's versions (the board turned anonymous). */
  forgetAuthors(boardId: string): Promise<void>
}

/**
 * Who created each story, as the server saw it (a socket's person, a reveal, the stories API):
 * the only source of a story's author for withdrawal rights. The document's `author` key is
 * writable by clients and is never trusted. Nothing is recorded on anonymous boards.
 */
export interface StoryAuthorStore {
  /** Records `userId` as the author of each story that has none yet (the first creator wins). */
  record(boardId: string, userId: string, storyIds: string[], at: string): Promise<void>
  authorOf(boardId: string, storyId: string): Promise<string | null>
  /** The ids of the stories this person created on the board. */
  storiesBy(boardId: string, userId: string): Promise<string[]>
}

export interface Storage {
  readonly kind: 'sqlite' | 'postgres'
  readonly docs: DocStore
  readonly boards: BoardStore
  readonly users: UserStore
  readonly sessions: SessionStore
  readonly memberships: MembershipStore
  readonly invites: InviteStore
  readonly audit: AuditStore
  readonly votes: VoteStore
  readonly links: LinkStore
  readonly conditions: ConditionStore
  readonly shares: ShareStore
  readonly versions: VersionStore
  readonly storyAuthors: StoryAuthorStore
  /**
   * Makes deleted rows unrecoverable from the database files (after a withdrawal): SQLite zeroes
   * freed space (secure_delete) and this checkpoints and truncates the write-ahead log.
   */
  scrub?(): Promise<void>
  close(): Promise<void>
}
