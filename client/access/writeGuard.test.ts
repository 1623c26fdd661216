import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createStory } from '../../shared/ops/story.ts'
import { storiesMap } from '../../shared/model/layout.ts'
import { guardWrites } from './writeGuard.ts'

describe('write guard', () => {
  it('drops local writes while not allowed, and says so', () => {
    const doc = new Y.Doc()
    let allowed = false
    let refused = 0
    const stop = guardWrites(
      doc,
      () => allowed,
      () => refused++,
    )
    createStory(doc, { pos: { x: 0, y: 0 } }, { kind: 'local' })
    expect(storiesMap(doc).size).toBe(0)
    expect(refused).toBe(1)
    allowed = true
    createStory(doc, { pos: { x: 0, y: 0 } }, { kind: 'local' })
    expect(storiesMap(doc).size).toBe(1)
    stop()
    allowed = false
    createStory(doc, { pos: { x: 10, y: 0 } }, { kind: 'local' })
    expect(storiesMap(doc).size).toBe(2)
  })

  it('still applies updates from the server', () => {
    const server = new Y.Doc()
    createStory(server, { pos: { x: 0, y: 0 }, text: 'from elsewhere' }, { kind: 'local' })
    const doc = new Y.Doc()
    guardWrites(
      doc,
      () => false,
      () => undefined,
    )
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server), 'provider')
    expect(storiesMap(doc).size).toBe(1)
  })
})
