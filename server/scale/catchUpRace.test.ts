// Catch-up reads racing another instance's compaction, made deterministic. `load` and `loadSince`
// read the snapshot row and then the update rows in two statements. Under PostgreSQL's default
// READ COMMITTED each statement sees its own snapshot, so a compaction that commits between the
// two (snapshot up to N written, rows up to N deleted) is half seen: the old snapshot (or none)
// plus the rows after N. Rows up to N are lost to that reader, and the returned `lastSeq` says it
// has them, so no later catch-up reads them again; if that room compacts, the loss is stored.
// Here a Kysely plugin holds the reader between its two statements while the compaction commits.
import { Kysely, PostgresDialect, type KyselyPlugin, type QueryId, type RootOperationNode } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readBoard } from '../../shared/model/readBoard.ts'
import { createStory } from '../../shared/ops/story.ts'
import { createDocStore } from '../storage/kyselyStorage.ts'
import { openPostgresStorage } from '../storage/postgres.ts'
import type { Database } from '../storage/schema.ts'
import type { DocStore, Storage, StoredDoc } from '../storage/types.ts'
import { createTestDatabase } from '../testing/postgresDb.ts'

const local = { kind: 'local' } as const

/** Runs `during` right after the reader's snapshot select returns, before its next statement. */
class PauseAfterSnapshotRead implements KyselyPlugin {
  private readonly snapshotReads = new WeakSet<QueryId>()
  during: (() => Promise<void>) | null = null

  transformQuery(args: { queryId: QueryId; node: RootOperationNode }): RootOperationNode {
    if (args.node.kind === 'SelectQueryNode' && JSON.stringify(args.node).includes('"doc_snapshots"')) {
      this.snapshotReads.add(args.queryId)
    }
    return args.node
  }

  async transformResult<R>(args: { queryId: QueryId; result: R }): Promise<R> {
    const during = this.during
    if (during && this.snapshotReads.has(args.queryId)) {
      this.during = null
      await during()
    }
    return args.result
  }
}

const applyStored = (doc: Y.Doc, stored: StoredDoc) => {
  if (stored.snapshot) Y.applyUpdateV2(doc, stored.snapshot)
  for (const u of stored.updates) Y.applyUpdateV2(doc, u)
}

describe('[X3] catch-up reads while another instance compacts (PostgreSQL)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>
  let storage: Storage
  let readerDb: Kysely<Database>
  let reader: DocStore
  const pause = new PauseAfterSnapshotRead()

  beforeAll(async () => {
    db = await createTestDatabase('lw_race')
    storage = await openPostgresStorage({ url: db.url, poolSize: 2 })
    readerDb = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: db.url, max: 2 }) }),
      plugins: [pause],
    })
    reader = createDocStore(readerDb, 'postgres')
  })
  afterAll(async () => {
    await readerDb?.destroy()
    await storage?.close()
    await db?.drop()
  })

  /**
   * The writing instance's doc gets three stories, one append each; `race` runs inside the
   * reader's read: compaction of everything so far, then a fourth story appended.
   */
  async function setUp(boardId: string) {
    const writer = new Y.Doc()
    const append = async (text: string) => {
      const before = Y.encodeStateVector(writer)
      createStory(writer, { pos: { x: 0, y: 0 }, text }, local)
      return storage.docs.append(boardId, [Y.encodeStateAsUpdateV2(writer, before)])
    }
    const seqs = [await append('one'), await append('two'), await append('three')]
    const race = async () => {
      await storage.docs.compact(boardId, Y.encodeStateAsUpdateV2(writer), seqs[2]!)
      await append('four')
    }
    return { writer, seqs, race }
  }

  it('loadSince: a room that has seq 1 and catches up during the compaction gets stories 2 to 4', async () => {
    const { writer, seqs, race } = await setUp('race-since')
    // The room holds the first append only (as if it loaded before the other two).
    const room = new Y.Doc()
    Y.applyUpdateV2(room, (await storage.docs.load('race-since')).updates[0]!)
    expect(readBoard(room).stories).toHaveLength(1)

    pause.during = race
    const missed = await reader.loadSince('race-since', seqs[0]!)
    applyStored(room, missed)

    // What a room does next: catch up again from the lastSeq it was given.
    applyStored(room, await storage.docs.loadSince('race-since', missed.lastSeq))
    expect(readBoard(room).stories).toHaveLength(4)
    expect(Y.encodeStateVector(room)).toEqual(Y.encodeStateVector(writer))
  })

  it('load: an instance that loads the board during the compaction gets all four stories', async () => {
    const { writer, race } = await setUp('race-load')
    pause.during = race
    const room = new Y.Doc()
    const loaded = await reader.load('race-load')
    applyStored(room, loaded)
    applyStored(room, await storage.docs.loadSince('race-load', loaded.lastSeq))
    expect(readBoard(room).stories).toHaveLength(4)
    expect(Y.encodeStateVector(room)).toEqual(Y.encodeStateVector(writer))
  })
})
