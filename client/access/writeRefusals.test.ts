import { describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import { writePermissionDenied } from 'y-protocols/auth'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { MESSAGE, WRITE_REFUSED } from '../../shared/protocol/messages.ts'
import {
  NOTICE_AFTER_RELOAD_MS,
  RELOAD_GUARD_MS,
  recoverFromRefusedWrites,
  refusalReason,
  shouldReload,
  refusalNotice,
} from './writeRefusals.ts'

class MemoryStorage implements Storage {
  private items = new Map<string, string>()
  get length() {
    return this.items.size
  }
  clear() {
    this.items.clear()
  }
  getItem(k: string) {
    return this.items.get(k) ?? null
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null
  }
  removeItem(k: string) {
    this.items.delete(k)
  }
  setItem(k: string, v: string) {
    this.items.set(k, v)
  }
}

/** Just what the recovery touches of a provider: its handler table and its doc. */
function fakeProvider() {
  const doc = new Y.Doc()
  const provider = { doc, messageHandlers: [] as WebsocketProvider['messageHandlers'] }
  const deliver = (reason: string) => {
    const e = encoding.createEncoder()
    writePermissionDenied(e, reason)
    provider.messageHandlers[MESSAGE.auth]!(
      encoding.createEncoder(),
      decoding.createDecoder(encoding.toUint8Array(e)),
      provider as unknown as WebsocketProvider,
      false,
      MESSAGE.auth,
    )
  }
  return { provider: provider as unknown as WebsocketProvider, deliver }
}

describe('refused writes', () => {
  it('names the reason in plain words, with a fallback for codes it does not know', () => {
    expect(refusalReason('locked')).toMatch(/locked/)
    expect(refusalReason('missing_dependency')).toMatch(/did not accept/)
  })

  it('a refusal clears this copy, reloads once, and the message is shown after the reload while fresh', async () => {
    const storage = new MemoryStorage()
    const { provider, deliver } = fakeProvider()
    const notices: string[] = []
    let cleared = 0
    let reloads = 0
    let now = 1_000_000
    const stop = recoverFromRefusedWrites(provider, {
      boardId: 'b1',
      storage,
      notify: (m) => notices.push(m),
      clearCopy: async () => {
        cleared++
      },
      reload: () => reloads++,
      now: () => now,
    })
    deliver(`${WRITE_REFUSED}locked`)
    deliver(`${WRITE_REFUSED}locked`)
    await new Promise((r) => setTimeout(r, 0))
    expect([cleared, reloads]).toEqual([1, 1])
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatch(/locked.*dropped/)
    // Other auth messages are left alone.
    deliver('some other denial')
    expect(notices).toHaveLength(1)
    stop()

    // "After the reload": the message shows once.
    expect(refusalNotice(storage, 'b1', now + 500)).toMatch(/locked/)
    expect(refusalNotice(storage, 'b1', now + NOTICE_AFTER_RELOAD_MS)).toBeNull()
    expect(refusalNotice(storage, 'other-board', now)).toBeNull()

    // A refusal straight after that reload does not reload again (no loop)...
    const again = fakeProvider()
    recoverFromRefusedWrites(again.provider, {
      boardId: 'b1',
      storage,
      notify: (m) => notices.push(m),
      clearCopy: async () => {
        cleared++
      },
      reload: () => reloads++,
      now: () => now,
    })
    now += 1000
    again.deliver(`${WRITE_REFUSED}locked`)
    await new Promise((r) => setTimeout(r, 0))
    expect([cleared, reloads]).toEqual([1, 1])
    expect(notices.at(-1)).toMatch(/Reload the page/)
    // ...but a later one does.
    now += RELOAD_GUARD_MS + 1
    const later = fakeProvider()
    recoverFromRefusedWrites(later.provider, {
      boardId: 'b1',
      storage,
      notify: () => undefined,
      clearCopy: async () => undefined,
      reload: () => reloads++,
      now: () => now,
    })
    later.deliver(`${WRITE_REFUSED}private_phase`)
    await new Promise((r) => setTimeout(r, 0))
    expect(reloads).toBe(2)
  })

  it('shouldReload guards by time', () => {
    expect(shouldReload(null, 0)).toBe(true)
    expect(shouldReload({ at: 0, message: '' }, RELOAD_GUARD_MS)).toBe(false)
    expect(shouldReload({ at: 0, message: '' }, RELOAD_GUARD_MS + 1)).toBe(true)
  })
})
