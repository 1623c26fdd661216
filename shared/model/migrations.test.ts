import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { encoded, sync, unwrap } from '../testing/board.ts'
import { metaMap, ROOT } from './layout.ts'
import { readConditions, readReferences } from './condition.ts'
import {
  checkMigrations,
  migrateBoard,
  MIGRATIONS,
  SCHEMA_VERSION,
  schemaVersionOf,
  type Migration,
} from './migrations.ts'
import { readBoard } from './readBoard.ts'

describe('migrateBoard', () => {
  it('[M11] migrates a fresh doc to SCHEMA_VERSION with a valid meta', () => {
    const doc = new Y.Doc()
    const report = unwrap(migrateBoard(doc))
    expect(report).toEqual({ from: 0, to: SCHEMA_VERSION, applied: MIGRATIONS.map((m) => m.id) })
    expect(schemaVersionOf(doc)).toBe(SCHEMA_VERSION)
    expect(readBoard(doc).meta).toEqual({
      title: 'Untitled board',
      scale: 'team',
      element: 'understand',
      schemaVersion: SCHEMA_VERSION,
    })
  })

  it('[M11] a second run applies nothing and writes nothing', () => {
    const doc = new Y.Doc()
    unwrap(migrateBoard(doc))
    const before = encoded(doc)
    expect(unwrap(migrateBoard(doc))).toEqual({
      from: SCHEMA_VERSION,
      to: SCHEMA_VERSION,
      applied: [],
    })
    expect(encoded(doc)).toEqual(before)
  })

  it('keeps meta a board already has', () => {
    const doc = new Y.Doc()
    metaMap(doc).set('title', 'Housing')
    metaMap(doc).set('scale', 'place')
    unwrap(migrateBoard(doc))
    expect(readBoard(doc).meta).toMatchObject({
      title: 'Housing',
      scale: 'place',
      element: 'understand',
    })
  })

  it('tags each step with a migration origin', () => {
    const doc = new Y.Doc()
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    unwrap(migrateBoard(doc))
    expect(origins).toEqual(MIGRATIONS.map((m) => ({ kind: 'migration', id: m.id })))
  })

  it('[M11] refuses a board newer than the code with schema_too_new, changing nothing', () => {
    const doc = new Y.Doc()
    metaMap(doc).set('schemaVersion', SCHEMA_VERSION + 1)
    const before = encoded(doc)
    expect(migrateBoard(doc)).toMatchObject({ ok: false, error: { code: 'schema_too_new' } })
    expect(encoded(doc)).toEqual(before)
  })

  it('[M11] runs only the missing step of a longer list on a board/1 doc', () => {
    const ran: string[] = []
    const step = (id: Migration['id'], up: (doc: Y.Doc) => void): Migration => ({
      id,
      description: id,
      up: (doc) => {
        ran.push(id)
        up(doc)
      },
    })
    const list = [
      step('board/1', (doc) => MIGRATIONS[0]!.up(doc)),
      step('board/2', (doc) => metaMap(doc).set('element', 'embed')),
    ]
    const doc = new Y.Doc()
    unwrap(migrateBoard(doc, list.slice(0, 1)))
    ran.length = 0
    expect(unwrap(migrateBoard(doc, list))).toEqual({ from: 1, to: 2, applied: ['board/2'] })
    expect(ran).toEqual(['board/2'])
    expect(readBoard(doc).meta).toMatchObject({ element: 'embed', schemaVersion: 2 })
  })

  it('[M11][M12] two peers migrating the same fresh board concurrently converge', () => {
    const [a, b] = [new Y.Doc(), new Y.Doc()]
    unwrap(migrateBoard(a))
    unwrap(migrateBoard(b))
    sync(a, b)
    expect(readBoard(a)).toEqual(readBoard(b))
    expect(schemaVersionOf(a)).toBe(SCHEMA_VERSION)
  })
})

describe('checkMigrations', () => {
  const m = (id: Migration['id']): Migration => ({ id, description: id, up: () => {} })

  it('[M11] accepts the shipped list and board/1 … board/n', () => {
    expect(() => checkMigrations(MIGRATIONS)).not.toThrow()
    expect(() => checkMigrations([m('board/1'), m('board/2'), m('board/3')])).not.toThrow()
  })

  it.each([
    ['a gap', [m('board/1'), m('board/3')]],
    ['a list not starting at board/1', [m('board/2')]],
    ['steps out of order', [m('board/2'), m('board/1')]],
    ['a repeated step', [m('board/1'), m('board/1')]],
  ])('[M11] throws on %s', (_what, list) => {
    expect(() => checkMigrations(list)).toThrow(/expected board\//)
  })

  it('[M11] migrateBoard refuses a list with a gap before touching the doc', () => {
    const doc = new Y.Doc()
    expect(() => migrateBoard(doc, [m('board/1'), m('board/3')])).toThrow()
    expect(metaMap(doc).size).toBe(0)
  })
})

describe('schemaVersionOf', () => {
  it.each([['2'], [-1], [1.5], [null], [Number.NaN]])('reads %j as 0', (value) => {
    const doc = new Y.Doc()
    metaMap(doc).set('schemaVersion', value)
    expect(schemaVersionOf(doc)).toBe(0)
  })
})

describe('board/2: evidence by reference', () => {
  const QUOTE = 'CANARY-mig-4c1e we waited six weeks'
  /** Whether the bytes hold the quote (UTF-8; the stored form of a string in a Yjs update). */
  const holds = (bytes: Uint8Array) => {
    const needle = new TextEncoder().encode(QUOTE)
    outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
      for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer
      return true
    }
    return false
  }
  const evidence = { stories: 2, supports: 1, counterExamples: 1, working: 2, confidential: 0, restricted: 0, tellerRoles: 1, outcomes: { worse: 1 }, quotes: [QUOTE] }
  const source = { boardId: 'team-board', title: 'Team', scale: 'team', patternId: 'pattern-1' }
  /** A board in the layout before board/2: cards carried copies of quotes. */
  const oldBoard = () => {
    const doc = new Y.Doc()
    unwrap(migrateBoard(doc, MIGRATIONS.slice(0, 1)))
    doc.getMap(ROOT.conditions).set('cond-1', {
      id: 'cond-1', kind: 'barrier', name: 'Waiting', summary: 'Decisions take long', note: 'Raised by the team', evidence, source,
      status: 'raised', declineReason: null, responses: [], raisedAt: '2026-11-20T10:00:00.000Z', raisedBy: 'Sam',
    })
    doc.getMap(ROOT.references).set('share-1', { id: 'share-1', name: 'Waiting', summary: '', evidence, source, live: true, updatedAt: '2026-11-20T10:00:00.000Z' })
    return doc
  }

  it('[E18] removes copied quotes from cards and keeps counts and what the group wrote; a compacted copy holds no quote', () => {
    const doc = oldBoard()
    expect(holds(Y.encodeStateAsUpdateV2(doc))).toBe(true)
    expect(unwrap(migrateBoard(doc)).applied).toContain('board/2')
    const card = doc.getMap(ROOT.conditions).get('cond-1') as { evidence: Record<string, unknown>; note: string }
    expect(card.evidence).not.toHaveProperty('quotes')
    expect(card.note).toBe('Raised by the team')
    expect(readConditions(doc)[0]!.evidence).toMatchObject({ stories: 2, supports: 1, counterExamples: 1, outcomes: { worse: 1 } })
    expect(readReferences(doc)[0]!.evidence).not.toHaveProperty('quotes')
    // The live document garbage-collects the old values: what the server stores after compaction.
    expect(holds(Y.encodeStateAsUpdateV2(doc))).toBe(false)
    // Idempotent: a second run changes nothing.
    const before = encoded(doc)
    unwrap(migrateBoard(doc))
    expect(encoded(doc)).toEqual(before)
  })
})
