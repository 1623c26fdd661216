// One storage contract suite: every adapter runs it, so SQLite and PostgreSQL provably behave
// alike. Call it from the adapter's own test file.
import { describe, expect, it, beforeEach, afterEach } from 'vitest'
import * as Y from 'yjs'
import type { BoardRecord, Storage } from './types.ts'

const board = (id: string, title = 'Debt advice team'): BoardRecord => ({
  id,
  title,
  scale: 'team',
  element: 'understand',
  anonymous: false,
  createdAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
})

function updatesOf(n: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('updateV2', (u: Uint8Array) => updates.push(u))
  for (let i = 0; i < n; i++) doc.getMap('stories').set(`s${i}`, i)
  return { doc, updates }
}

function rebuild(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdateV2(doc, stored.snapshot)
  for (const u of stored.updates) Y.applyUpdateV2(doc, u)
  return doc
}

export function storageContract(name: string, open: () => Promise<Storage>): void {
  describe(`storage contract: ${name}`, () => {
    let storage: Storage
    let id: string
    beforeEach(async () => {
      storage = await open()
      id = `b${Math.random().toString(36).slice(2, 12)}`
    })
    afterEach(async () => storage.close())

    it('[ST1] an unknown board loads as empty', async () => {
      const stored = await storage.docs.load(id)
      expect(stored).toEqual({ snapshot: null, updates: [], lastSeq: 0 })
    })

    it('[ST2] appended updates load back in order, with increasing sequence numbers', async () => {
      const { doc, updates } = updatesOf(5)
      const s1 = await storage.docs.append(id, updates.slice(0, 2))
      const s2 = await storage.docs.append(id, updates.slice(2))
      expect(s2).toBeGreaterThan(s1)
      const stored = await storage.docs.load(id)
      expect(stored.updates.map((u) => Array.from(u))).toEqual(updates.map((u) => Array.from(u)))
      expect(stored.lastSeq).toBe(s2)
      expect(rebuild(stored).getMap('stories').toJSON()).toEqual(doc.getMap('stories').toJSON())
    })

    it('[ST3] compaction replaces the log up to a sequence number with a snapshot', async () => {
      const { doc, updates } = updatesOf(6)
      const upto = await storage.docs.append(id, updates.slice(0, 4))
      const snapshotDoc = new Y.Doc()
      for (const u of updates.slice(0, 4)) Y.applyUpdateV2(snapshotDoc, u)
      const last = await storage.docs.append(id, updates.slice(4))
      await storage.docs.compact(id, Y.encodeStateAsUpdateV2(snapshotDoc), upto)
      const stored = await storage.docs.load(id)
      expect(stored.updates).toHaveLength(2)
      expect(stored.lastSeq).toBe(last)
      expect(rebuild(stored).getMap('stories').toJSON()).toEqual(doc.getMap('stories').toJSON())
      const stats = await storage.docs.stats(id)
      expect(stats.logCount).toBe(2)
      expect(stats.snapshotBytes).toBeGreaterThan(0)
    })

    it('[ST4] compacting twice keeps only the newest snapshot', async () => {
      const { updates } = updatesOf(3)
      const a = await storage.docs.append(id, [updates[0]!])
      await storage.docs.compact(id, updates[0]!, a)
      const b = await storage.docs.append(id, updates.slice(1))
      const all = new Y.Doc()
      for (const u of updates) Y.applyUpdateV2(all, u)
      await storage.docs.compact(id, Y.encodeStateAsUpdateV2(all), b)
      const stored = await storage.docs.load(id)
      expect(stored.updates).toHaveLength(0)
      expect(stored.lastSeq).toBe(b)
      expect(rebuild(stored).getMap('stories').size).toBe(3)
    })

    it('[ST9] a stale compaction never replaces a newer snapshot', async () => {
      const { updates } = updatesOf(3)
      const a = await storage.docs.append(id, [updates[0]!])
      const b = await storage.docs.append(id, updates.slice(1))
      const all = new Y.Doc()
      for (const u of updates) Y.applyUpdateV2(all, u)
      await storage.docs.compact(id, Y.encodeStateAsUpdateV2(all), b)
      await storage.docs.compact(id, updates[0]!, a)
      const stored = await storage.docs.load(id)
      expect(rebuild(stored).getMap('stories').size).toBe(3)
    })

    it('[ST14] loadSince returns what a reader at a watermark lacks, with the snapshot once compacted', async () => {
      const { doc, updates } = updatesOf(6)
      const a = await storage.docs.append(id, updates.slice(0, 2))
      const b = await storage.docs.append(id, updates.slice(2, 4))
      const since = await storage.docs.loadSince(id, a)
      expect(since.snapshot).toBeNull()
      expect(since.updates).toHaveLength(2)
      expect(since.lastSeq).toBe(b)
      const partial = new Y.Doc()
      for (const u of updates.slice(0, 4)) Y.applyUpdateV2(partial, u)
      await storage.docs.compact(id, Y.encodeStateAsUpdateV2(partial), b)
      const c = await storage.docs.append(id, updates.slice(4))
      const behind = await storage.docs.loadSince(id, a)
      expect(behind.snapshot).not.toBeNull()
      expect(behind.lastSeq).toBe(c)
      const caughtUp = new Y.Doc()
      for (const u of updates.slice(0, 2)) Y.applyUpdateV2(caughtUp, u)
      Y.applyUpdateV2(caughtUp, behind.snapshot!)
      for (const u of behind.updates) Y.applyUpdateV2(caughtUp, u)
      expect(caughtUp.getMap('stories').toJSON()).toEqual(doc.getMap('stories').toJSON())
      const current = await storage.docs.loadSince(id, c)
      expect(current).toEqual({ snapshot: null, updates: [], lastSeq: c })
    })

    it('[ST5] boards of different ids never see each other\'s updates', async () => {
      const other = `${id}x`
      const { updates } = updatesOf(2)
      await storage.docs.append(id, [updates[0]!])
      await storage.docs.append(other, [updates[1]!])
      expect((await storage.docs.load(id)).updates).toHaveLength(1)
      expect((await storage.docs.load(other)).updates).toHaveLength(1)
    })

    it('[ST6] board records are created, read, listed and updated', async () => {
      await storage.boards.create(board(id))
      expect(await storage.boards.get(id)).toMatchObject({ id, title: 'Debt advice team', scale: 'team' })
      expect(await storage.boards.get(`${id}-none`)).toBeNull()
      const updated = await storage.boards.update(id, { title: 'Renamed', scale: 'place' })
      expect(updated).toMatchObject({ title: 'Renamed', scale: 'place' })
      expect((await storage.boards.list()).some((b) => b.id === id)).toBe(true)
      expect(await storage.boards.update(`${id}-none`, { title: 'x' })).toBeNull()
    })

    it('[ST7] creating a board twice with one id is refused', async () => {
      await storage.boards.create(board(id))
      await expect(storage.boards.create(board(id))).rejects.toThrow()
    })

    it('[ST10] later accounts and guests are not admin; emails are unique', async () => {
      const now = new Date().toISOString()
      const mk = (kind: 'account' | 'guest', email: string | null) => ({
        id: `u${Math.random().toString(36).slice(2, 12)}`,
        kind,
        email,
        passwordHash: null,
        displayName: 'Person',
        organisation: 'Org',
        expiresAt: null,
        createdAt: now,
      })
      const accountsBefore = await storage.users.byEmail(`${id}@example.org`)
      expect(accountsBefore).toBeNull()
      await storage.users.create(mk('account', `${id}@example.org`))
      const second = await storage.users.create(mk('account', `${id}2@example.org`))
      const guest = await storage.users.create(mk('guest', null))
      expect(second.isAdmin).toBe(false)
      expect(guest.isAdmin).toBe(false)
      await expect(storage.users.create(mk('account', `${id}@example.org`))).rejects.toThrow()
      expect((await storage.users.byEmail(`${id}2@example.org`))?.id).toBe(second.id)
    })

    it('[ST11] memberships upsert, list with names, and follow their invite', async () => {
      const now = new Date().toISOString()
      await storage.boards.create(board(id))
      const user = await storage.users.create({
        id: `u${id}`, kind: 'account', email: `m${id}@example.org`, passwordHash: null,
        displayName: 'Member', organisation: 'Org', expiresAt: null, createdAt: now,
      })
      const m = { boardId: id, userId: user.id, role: 'observer' as const, organisation: 'Org', inviteId: 'inv1', createdAt: now }
      await storage.memberships.put(m)
      await storage.memberships.put({ ...m, role: 'facilitator' })
      expect(await storage.memberships.get(id, user.id)).toMatchObject({ role: 'facilitator', inviteId: 'inv1' })
      expect((await storage.memberships.list(id)).map((x) => x.displayName)).toEqual(['Member'])
      expect((await storage.memberships.byInvite('inv1')).map((x) => x.userId)).toContain(user.id)
      expect((await storage.boards.listFor(user.id)).map((b) => [b.id, b.role])).toEqual([[id, 'facilitator']])
      expect(await storage.memberships.remove(id, user.id)).toBe(true)
      expect(await storage.memberships.remove(id, user.id)).toBe(false)
    })

    it('[ST12] an invite with one use left is used once, even by racing callers; revoked and expired ones never', async () => {
      await storage.boards.create(board(id))
      const now = new Date()
      const invite = {
        id: `i${id}`, tokenHash: `h${id}`, boardId: id, role: 'contributor' as const, createdBy: 'x',
        expiresAt: new Date(now.getTime() + 60_000).toISOString(), maxUses: 1, uses: 0, revokedAt: null,
        disabledAt: null, createdAt: now.toISOString(),
      }
      await storage.invites.create(invite)
      const results = await Promise.all([1, 2, 3].map(() => storage.invites.use(invite.id, now.toISOString())))
      expect(results.filter(Boolean)).toHaveLength(1)
      await storage.invites.create({ ...invite, id: `j${id}`, tokenHash: `k${id}`, maxUses: null })
      expect(await storage.invites.use(`j${id}`, new Date(now.getTime() + 120_000).toISOString())).toBe(false)
      await storage.invites.revoke(`j${id}`, now.toISOString())
      expect(await storage.invites.use(`j${id}`, now.toISOString())).toBe(false)
      expect((await storage.invites.byTokenHash(`k${id}`))?.revokedAt).not.toBeNull()
    })

    it('an invite paused takes no use until it is resumed; pausing or resuming twice changes nothing', async () => {
      await storage.boards.create(board(id))
      const now = new Date()
      const at = now.toISOString()
      await storage.invites.create({
        id: `p${id}`, tokenHash: `q${id}`, boardId: id, role: 'contributor', createdBy: 'x',
        expiresAt: new Date(now.getTime() + 60_000).toISOString(), maxUses: null, uses: 0, revokedAt: null,
        disabledAt: null, createdAt: at,
      })
      expect(await storage.invites.use(`p${id}`, at)).toBe(true)
      expect(await storage.invites.setDisabled(`p${id}`, at)).toBe(true)
      expect(await storage.invites.setDisabled(`p${id}`, at)).toBe(false)
      expect((await storage.invites.get(`p${id}`))?.disabledAt).toBe(at)
      expect(await storage.invites.use(`p${id}`, at)).toBe(false)
      expect(await storage.invites.setDisabled(`p${id}`, null)).toBe(true)
      expect(await storage.invites.setDisabled(`p${id}`, null)).toBe(false)
      expect(await storage.invites.use(`p${id}`, at)).toBe(true)
      expect(await storage.invites.get(`p${id}`)).toMatchObject({ disabledAt: null, uses: 2 })
      expect(await storage.invites.setDisabled(`nope${id}`, at)).toBe(false)
    })

    it('[ST13] audit entries list newest first, filtered by board', async () => {
      const at = new Date().toISOString()
      await storage.audit.write({ at, boardId: id, actorId: 'a', action: 'one', details: { n: 1 } })
      await storage.audit.write({ at, boardId: id, actorId: 'a', action: 'two', details: { ok: true } })
      await storage.audit.write({ at, boardId: `${id}x`, actorId: 'a', action: 'other', details: {} })
      const entries = await storage.audit.list({ boardId: id })
      expect(entries.map((e) => e.action)).toEqual(['two', 'one'])
      expect(entries[1]!.details).toEqual({ n: 1 })
    })

    it('[ST15] versions save, list newest first without states, load, rewrite and delete', async () => {
      await storage.boards.create(board(id))
      const { doc } = updatesOf(3)
      const first = Y.encodeStateAsUpdateV2(doc)
      const auto = await storage.versions.save(
        { id: `v1${id}`, boardId: id, kind: 'auto', name: null, createdBy: null, createdAt: '2026-01-01T10:00:00.000Z' },
        first,
      )
      expect(auto.bytes).toBe(first.byteLength)
      doc.getMap('stories').set('late', 1)
      const second = Y.encodeStateAsUpdateV2(doc)
      await storage.versions.save(
        { id: `v2${id}`, boardId: id, kind: 'named', name: 'End of workshop', createdBy: 'u1', createdAt: '2026-01-01T11:00:00.000Z' },
        second,
      )
      const list = await storage.versions.list(id)
      expect(list.map((v) => [v.id, v.kind, v.name])).toEqual([
        [`v2${id}`, 'named', 'End of workshop'],
        [`v1${id}`, 'auto', null],
      ])
      expect(list[0]).not.toHaveProperty('stateV2')
      const loaded = await storage.versions.load(id, `v1${id}`)
      expect(rebuild({ snapshot: loaded!.stateV2, updates: [] }).getMap('stories').size).toBe(3)
      expect(await storage.versions.load(`${id}x`, `v1${id}`)).toBeNull()
      const purged = new Uint8Array([0, 0, 0])
      expect(await storage.versions.replaceState(id, `v2${id}`, purged)).toBe(true)
      expect(await storage.versions.replaceState(id, `none${id}`, purged)).toBe(false)
      const rewritten = await storage.versions.load(id, `v2${id}`)
      expect(Array.from(rewritten!.stateV2)).toEqual([0, 0, 0])
      expect(rewritten!.version.bytes).toBe(3)
      expect(await storage.versions.delete(id, `v1${id}`)).toBe(true)
      expect(await storage.versions.delete(id, `v1${id}`)).toBe(false)
      expect((await storage.versions.list(id)).map((v) => v.id)).toEqual([`v2${id}`])
    })

    it('[ST16] story authors: the first creator wins, listed per person and board', async () => {
      await storage.boards.create(board(id))
      await storage.boards.create(board(`${id}o`))
      const at = '2026-01-01T10:00:00.000Z'
      await storage.storyAuthors.record(id, 'ann', ['s1', 's2', 's1'], at)
      await storage.storyAuthors.record(id, 'bob', ['s2', 's3'], '2026-01-01T10:01:00.000Z')
      await storage.storyAuthors.record(`${id}o`, 'bob', ['s1'], at)
      await storage.storyAuthors.record(id, 'bob', [], at)
      expect(await storage.storyAuthors.authorOf(id, 's1')).toBe('ann')
      expect(await storage.storyAuthors.authorOf(id, 's2')).toBe('ann')
      expect(await storage.storyAuthors.authorOf(id, 's3')).toBe('bob')
      expect(await storage.storyAuthors.authorOf(id, 'none')).toBeNull()
      expect(await storage.storyAuthors.authorOf(`${id}o`, 's1')).toBe('bob')
      expect(await storage.storyAuthors.storiesBy(id, 'ann')).toEqual(['s1', 's2'])
      expect(await storage.storyAuthors.storiesBy(id, 'bob')).toEqual(['s3'])
      expect(await storage.storyAuthors.storiesBy(id, 'cat')).toEqual([])
      const many = Array.from({ length: 1200 }, (_, i) => `m${i}`)
      await storage.storyAuthors.record(id, 'cat', many, at)
      expect((await storage.storyAuthors.storiesBy(id, 'cat')).length).toBe(1200)
    })

    it('[ST18][E19] a condition raised from an anonymous board stores no creator; others keep theirs', async () => {
      await storage.boards.create(board(id))
      await storage.boards.create(board(`${id}h`))
      const at = '2026-01-01T10:00:00.000Z'
      const base = { sourceBoard: id, targetBoard: `${id}h`, kind: 'barrier' as const, status: 'raised' as const, declineReason: null, createdAt: at, updatedAt: at }
      const anonymous = await storage.conditions.createOnce({ ...base, id: `${id}c1`, sourcePattern: 'p1', createdBy: null })
      const named = await storage.conditions.createOnce({ ...base, id: `${id}c2`, sourcePattern: 'p2', createdBy: 'ann' })
      expect(anonymous.condition.createdBy).toBeNull()
      expect((await storage.conditions.get(`${id}c1`))?.createdBy).toBeNull()
      expect((await storage.conditions.get(`${id}c2`))?.createdBy).toBe('ann')
      expect(named.created).toBe(true)
      expect((await storage.conditions.forBoards([id])).map((c) => c.createdBy).sort()).toEqual(['ann', null])
    })

    it('[ST17] [E20] deleting a room removes its log and snapshot, and nothing of another room', async () => {
      const room = `${id}~draft~u${id}`
      const other = `${id}~draft~v${id}`
      const { doc, updates } = updatesOf(4)
      const upto = await storage.docs.append(room, updates.slice(0, 2))
      await storage.docs.compact(room, Y.encodeStateAsUpdateV2(doc), upto)
      await storage.docs.append(room, updates.slice(2))
      await storage.docs.append(other, [updates[0]!])
      expect(await storage.docs.roomsWithPrefix(`${id}~draft~`)).toEqual([room, other])

      await storage.docs.delete(room)
      expect(await storage.docs.load(room)).toEqual({ snapshot: null, updates: [], lastSeq: 0 })
      expect(await storage.docs.stats(room)).toEqual({ snapshotBytes: 0, logBytes: 0, logCount: 0 })
      expect(await storage.docs.roomsWithPrefix(`${id}~draft~`)).toEqual([other])
      expect((await storage.docs.load(other)).updates).toHaveLength(1)
      // The name can be used again, from nothing.
      const fresh = updatesOf(1)
      await storage.docs.append(room, fresh.updates)
      expect(rebuild(await storage.docs.load(room)).getMap('stories').toJSON()).toEqual({ s0: 0 })
      await storage.docs.delete(`${id}-never-stored`)
    })

    it('[ST18][E19] a condition raised from an anonymous board stores no creator; others keep theirs', async () => {
      await storage.boards.create(board(id))
      await storage.boards.create(board(`${id}h`))
      const at = '2026-01-01T10:00:00.000Z'
      const base = { sourceBoard: id, targetBoard: `${id}h`, kind: 'barrier' as const, status: 'raised' as const, declineReason: null, createdAt: at, updatedAt: at }
      const anonymous = await storage.conditions.createOnce({ ...base, id: `${id}c1`, sourcePattern: 'p1', createdBy: null })
      const named = await storage.conditions.createOnce({ ...base, id: `${id}c2`, sourcePattern: 'p2', createdBy: 'ann' })
      expect(anonymous.condition.createdBy).toBeNull()
      expect((await storage.conditions.get(`${id}c1`))?.createdBy).toBeNull()
      expect((await storage.conditions.get(`${id}c2`))?.createdBy).toBe('ann')
      expect(named.created).toBe(true)
      expect((await storage.conditions.forBoards([id])).map((c) => c.createdBy).sort()).toEqual(['ann', null])
    })

    it('[ST20][E22] a pattern shared from an anonymous board stores no sharer; others keep theirs', async () => {
      await storage.boards.create(board(id))
      await storage.boards.create(board(`${id}p`))
      const base = { sourceBoard: id, targetBoard: `${id}p`, createdAt: '2026-01-01T10:00:00.000Z' }
      expect((await storage.shares.createOnce({ ...base, id: `${id}s1`, sourcePattern: 'p1', createdBy: null })).share.createdBy).toBeNull()
      await storage.shares.createOnce({ ...base, id: `${id}s2`, sourcePattern: 'p2', createdBy: 'ann' })
      expect((await storage.shares.get(`${id}s1`))?.createdBy).toBeNull()
      expect((await storage.shares.fromBoard(id)).map((s) => s.createdBy).sort()).toEqual(['ann', null])
    })

    it('[ST21][E22] a board turning anonymous: its versions forget their authors, its entries and those about it their actors, except those kept', async () => {
      await storage.boards.create(board(id))
      await storage.boards.create(board(`${id}h`))
      const v = { boardId: id, kind: 'named' as const, name: 'Named', createdAt: '2026-01-01T10:00:00.000Z' }
      await storage.versions.save({ ...v, id: `v1${id}`, createdBy: 'ann' }, new Uint8Array([0, 0]))
      await storage.versions.save({ ...v, boardId: `${id}h`, id: `v2${id}`, createdBy: 'ann' }, new Uint8Array([0, 0]))
      const at = '2026-01-01T10:00:00.000Z'
      await storage.audit.write({ at, boardId: id, actorId: 'ann', action: 'version.saved', details: { versionId: `v1${id}` } })
      await storage.audit.write({ at, boardId: id, actorId: 'ann', action: 'invite.used', details: { inviteId: 'i' } })
      await storage.audit.write({ at, boardId: `${id}h`, actorId: 'ann', action: 'condition.raised', details: { conditionId: 'c', sourceBoard: id, targetBoard: `${id}h` } })
      await storage.audit.write({ at, boardId: `${id}h`, actorId: 'ann', action: 'version.saved', details: { versionId: `v2${id}` } })
      await storage.audit.write({ at, boardId: null, actorId: 'ann', action: 'signin', details: {} })

      await storage.versions.forgetAuthors(id)
      await storage.audit.forgetActors(id, ['invite.used'])
      expect((await storage.versions.list(id)).map((x) => x.createdBy)).toEqual([null])
      expect((await storage.versions.list(`${id}h`)).map((x) => x.createdBy)).toEqual(['ann'])
      const actors = async (b: string) => Object.fromEntries((await storage.audit.list({ boardId: b })).map((e) => [e.action, e.actorId]))
      expect(await actors(id)).toEqual({ 'version.saved': null, 'invite.used': 'ann' })
      expect(await actors(`${id}h`)).toEqual({ 'condition.raised': null, 'version.saved': 'ann' })
      expect((await storage.audit.list({})).some((e) => e.action === 'signin' && e.actorId === 'ann')).toBe(true)
    })

    it('[ST19] counts the boards a person owns, in all and created since a time', async () => {
      const mk = (email: string) => ({ id: `u${Math.random().toString(36).slice(2, 10)}`, kind: 'account' as const, email, passwordHash: 'x', displayName: 'P', organisation: 'O', expiresAt: null, createdAt: new Date().toISOString() })
      const owner = await storage.users.create(mk(`${id}-own@example.org`))
      const other = await storage.users.create(mk(`${id}-other@example.org`))
      const hourAgo = new Date(Date.now() - 3_600_000)
      const at = (d: Date) => d.toISOString()
      const made = [
        { ...board(`${id}a`), createdAt: at(new Date(hourAgo.getTime() - 60_000)) },
        { ...board(`${id}b`), createdAt: at(new Date()) },
        { ...board(`${id}c`), createdAt: at(new Date()) },
      ]
      for (const b of made) await storage.boards.create(b)
      const member = (boardId: string, userId: string, role: 'owner' | 'facilitator') =>
        storage.memberships.put({ boardId, userId, role, organisation: 'O', inviteId: null, createdAt: at(new Date()) })
      await member(`${id}a`, owner.id, 'owner')
      await member(`${id}b`, owner.id, 'owner')
      await member(`${id}c`, owner.id, 'facilitator')
      await member(`${id}c`, other.id, 'owner')
      expect(await storage.boards.countOwnedBy(owner.id)).toBe(2)
      expect(await storage.boards.countOwnedBy(owner.id, at(hourAgo))).toBe(1)
      expect(await storage.boards.countOwnedBy(other.id, at(hourAgo))).toBe(1)
      expect(await storage.boards.countOwnedBy('nobody')).toBe(0)
    })

    it('[ST8] binary data survives byte for byte, including zero bytes', async () => {
      const data = new Uint8Array([0, 255, 0, 1, 2, 0])
      await storage.docs.append(id, [data])
      expect(Array.from((await storage.docs.load(id)).updates[0]!)).toEqual(Array.from(data))
    })
  })
}
