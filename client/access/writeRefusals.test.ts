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
import { MemoryStorage } from '../testing/memoryStorage.ts'

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

  it('[E24] names the server’s ethics refusals in plain words', () => {
    expect(refusalReason('withdrawn')).toMatch(/withdrawn/)
    expect(refusalReason('restricted_content')).toMatch(/restricted/)
    expect(refusalReason('schema_too_new')).toMatch(/newer version/)
    expect(refusalReason('sensitivity_by_server')).toMatch(/sensitivity.*details panel/)
  })

  it('[E24] keeps this copy’s work before dropping it, and says it will be offered back', async () => {
    const storage = new MemoryStorage()
    const notices: string[] = []
    const order: string[] = []
    const page = fakeProvider()
    recoverFromRefusedWrites(page.provider, {
      boardId: 'b1',
      storage,
      notify: (m) => notices.push(m),
      keep: () => (order.push('keep'), true),
      clearCopy: async () => void order.push('clear'),
      reload: () => order.push('reload'),
      now: () => 1_000_000,
    })
    page.deliver(`${WRITE_REFUSED}withdrawn`)
    await new Promise((r) => setTimeout(r, 0))
    expect(order).toEqual(['keep', 'clear', 'reload'])
    expect(notices[0]).toMatch(/withdrawn.*offered back/)
    expect(refusalNotice(storage, 'b1', 1_000_001)).toMatch(/offered back/)
  })

  it('a refusal clears this copy, reloads once, and the message is shown after the reload while fresh', async () => {
    const storage = new MemoryStorage()
    const notices: string[] = []
    const counts = { cleared: 0, reloads: 0 }
    let now = 1_000_000
    /** A page load: a provider with the recovery attached, as createSession does. */
    const load = () => {
      const page = fakeProvider()
      const stop = recoverFromRefusedWrites(page.provider, {
        boardId: 'b1',
        storage,
        notify: (m) => notices.push(m),
        clearCopy: async () => {
          counts.cleared++
        },
        reload: () => counts.reloads++,
        now: () => now,
      })
      const deliver = async (reason: string) => {
        page.deliver(reason)
        await new Promise((r) => setTimeout(r, 0))
      }
      return { deliver, stop }
    }

    const first = load()
    await first.deliver(`${WRITE_REFUSED}locked`)
    await first.deliver(`${WRITE_REFUSED}locked`)
    expect(counts).toEqual({ cleared: 1, reloads: 1 })
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatch(/locked.*dropped/)
    // Other auth messages are left alone.
    await first.deliver('some other denial')
    expect(notices).toHaveLength(1)
    first.stop()

    // After the reload the message shows while fresh, and only for that board.
    expect(refusalNotice(storage, 'b1', now + 500)).toMatch(/locked/)
    expect(refusalNotice(storage, 'b1', now + NOTICE_AFTER_RELOAD_MS)).toBeNull()
    expect(refusalNotice(storage, 'other-board', now)).toBeNull()

    // A refusal straight after that reload does not reload again (no loop)...
    now += 1000
    await load().deliver(`${WRITE_REFUSED}locked`)
    expect(counts).toEqual({ cleared: 1, reloads: 1 })
    expect(notices.at(-1)).toMatch(/Reload the page/)
    // ...but a later one does.
    now += RELOAD_GUARD_MS + 1
    await load().deliver(`${WRITE_REFUSED}private_phase`)
    expect(counts).toEqual({ cleared: 2, reloads: 2 })
    expect(notices.at(-1)).toMatch(/private drafts/)
  })

  it('shouldReload guards by time', () => {
    expect(shouldReload(null, 0)).toBe(true)
    expect(shouldReload({ at: 0, message: '' }, RELOAD_GUARD_MS)).toBe(false)
    expect(shouldReload({ at: 0, message: '' }, RELOAD_GUARD_MS + 1)).toBe(true)
  })
})
