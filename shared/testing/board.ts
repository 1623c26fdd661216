// Fixtures for tests of the board model: a migrated doc, stories and patterns with known ids.
// Test-only helpers; like the rest of shared/, no DOM, network or Node.
import * as Y from 'yjs'
import type { Origin } from '../model/layout.ts'
import { migrateBoard } from '../model/migrations.ts'
import { readBoard } from '../model/readBoard.ts'
import { createPattern } from '../ops/pattern.ts'
import { createStory, type CreateStoryInput } from '../ops/story.ts'
import type { Result } from '../result.ts'

export const ORIGIN: Origin = { kind: 'local', userId: 'tester' }

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`)
  return result.value
}

/** A board at the current schema version, as the server hands it out. */
export function newBoard(): Y.Doc {
  const doc = new Y.Doc()
  unwrap(migrateBoard(doc))
  return doc
}

export function addStory(doc: Y.Doc, id: string, input: Partial<CreateStoryInput> = {}): string {
  return unwrap(createStory(doc, { id, pos: { x: 0, y: 0 }, ...input }, ORIGIN)).id
}

export function addPattern(
  doc: Y.Doc,
  id: string,
  storyIds: string[] = [],
  at = { x: 0, y: 0 },
): string {
  return unwrap(createPattern(doc, { id, area: { ...at, w: 400, h: 300 }, storyIds }, ORIGIN)).id
}

/** The full encoded state: equal bytes mean nothing in the document changed. */
export const encoded = (doc: Y.Doc): Uint8Array => Y.encodeStateAsUpdate(doc)

export const storyOf = (doc: Y.Doc, id: string) => readBoard(doc).stories.find((s) => s.id === id)
export const patternOf = (doc: Y.Doc, id: string) =>
  readBoard(doc).patterns.find((p) => p.id === id)
export const storyOrder = (doc: Y.Doc): string[] => readBoard(doc).stories.map((s) => s.id)

/** Send everything each doc has that the others lack, both ways. */
export function sync(...docs: Y.Doc[]): void {
  for (const from of docs) {
    for (const to of docs) {
      if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
    }
  }
}
