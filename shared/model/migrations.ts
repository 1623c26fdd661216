// Schema version and migrations of the board document. Ids run board/1, board/2, … with no gaps;
// the server migrates a board when it loads it. Pure module: Yjs only.
import type * as Y from 'yjs'
import { metaMap, ROOT, type Origin } from './layout.ts'
import { META_KEYS } from './board.ts'
import { fail, ok, type Result } from '../result.ts'

export type Migration = {
  id: `board/${number}`
  description: string
  /** Runs inside one transaction. Must be idempotent on a doc that another peer already migrated. */
  up(doc: Y.Doc): void
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 'board/1',
    description: 'board model v1: meta defaults (title, scale, element)',
    up(doc) {
      const meta = metaMap(doc)
      if (typeof meta.get(META_KEYS.title) !== 'string') meta.set(META_KEYS.title, 'Untitled board')
      if (typeof meta.get(META_KEYS.scale) !== 'string') meta.set(META_KEYS.scale, 'team')
      if (typeof meta.get(META_KEYS.element) !== 'string') meta.set(META_KEYS.element, 'understand')
    },
  },
  {
    id: 'board/2',
    description: 'evidence by reference: cards raised onto or shared with this board keep no quotes',
    up(doc) {
      // Quotes used to be copied into `evidence.quotes`; they are now resolved by the server when a
      // card is read. The server also rewrites the board's stored history and versions once this
      // ran (server/sync/storedMigration.ts), so no copied quote stays behind.
      for (const root of [ROOT.conditions, ROOT.references]) {
        const cards = doc.getMap<unknown>(root)
        for (const [id, card] of [...cards.entries()]) {
          const evidence = (card as { evidence?: unknown } | null)?.evidence
          if (!evidence || typeof evidence !== 'object' || !('quotes' in evidence)) continue
          const { quotes: _quotes, ...kept } = evidence as Record<string, unknown>
          cards.set(id, { ...(card as object), evidence: kept })
        }
      }
    },
  },
]

/** Throws when the list is not board/1 … board/n in order: a programming error, not input. */
export function checkMigrations(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.id !== `board/${i + 1}`) {
      throw new Error(`migration ${i} has id ${m.id}, expected board/${i + 1}`)
    }
  })
}

export const SCHEMA_VERSION = MIGRATIONS.length

export function schemaVersionOf(doc: Y.Doc): number {
  const v = metaMap(doc).get(META_KEYS.schemaVersion)
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0
}

export type MigrationReport = { from: number; to: number; applied: string[] }

export function migrateBoard(doc: Y.Doc, migrations: readonly Migration[] = MIGRATIONS): Result<MigrationReport> {
  checkMigrations(migrations)
  const from = schemaVersionOf(doc)
  if (from > migrations.length) {
    return fail('schema_too_new', `board is at schema ${from}; this version knows up to ${migrations.length}`)
  }
  const applied: string[] = []
  for (const m of migrations.slice(from)) {
    const origin: Origin = { kind: 'migration', id: m.id }
    doc.transact(() => {
      m.up(doc)
      metaMap(doc).set(META_KEYS.schemaVersion, Number(m.id.slice('board/'.length)))
    }, origin)
    applied.push(m.id)
  }
  return ok({ from, to: schemaVersionOf(doc), applied })
}
