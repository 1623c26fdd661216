// What the server rewrites of a board's stored history when board/2 ran on load: only states that
// may hold a quote copied onto a card, migrated through a garbage-collected document.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ROOT } from '../../shared/model/layout.ts'
import { migrateBoard, MIGRATIONS } from '../../shared/model/migrations.ts'
import { mayHoldCopiedQuotes, migrateState } from './storedMigration.ts'

const QUOTE = 'CANARY-sm-0d3b my benefits stopped'

function oldState(withQuote: boolean): Uint8Array {
  const doc = new Y.Doc()
  migrateBoard(doc, MIGRATIONS.slice(0, 1))
  if (withQuote) {
    const evidence = { stories: 1, supports: 1, counterExamples: 0, working: 1, confidential: 0, restricted: 0, tellerRoles: 0, outcomes: {}, quotes: [QUOTE] }
    doc.getMap(ROOT.references).set('share-1', { id: 'share-1', name: 'Benefits', summary: '', evidence, live: true, updatedAt: '' })
  }
  return Y.encodeStateAsUpdateV2(doc)
}

const holds = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text))

describe('stored migration', () => {
  it('[E18] rewrites a state holding a copied quote without it, and leaves others as they are', () => {
    const quoted = oldState(true)
    expect(mayHoldCopiedQuotes([null, quoted])).toBe(true)
    const rewritten = migrateState(quoted)!
    expect(holds(quoted, QUOTE)).toBe(true)
    expect(holds(rewritten, QUOTE)).toBe(false)
    const doc = new Y.Doc()
    Y.applyUpdateV2(doc, rewritten)
    expect(doc.getMap(ROOT.references).get('share-1')).toMatchObject({ name: 'Benefits', evidence: { stories: 1 } })
    // Nothing to remove: not rewritten (no scrub, no new version bytes for boards that never held one).
    const plain = oldState(false)
    expect(mayHoldCopiedQuotes([plain])).toBe(false)
    expect(migrateState(plain)).toBeNull()
    // Already migrated: nothing to do.
    expect(migrateState(rewritten)).toBeNull()
  })
})
