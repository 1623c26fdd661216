// When the server refuses one of this copy's writes (board or item locked, private writing, a role
// lowered under us), this copy holds a change the board never will, and by Yjs's clocks every
// later change of this copy depends on it, so the server would refuse those too. The honest
// recovery: say what happened, keep this copy's stories for the person (keptWork.ts: offered back
// after the reload where the board lacks them), drop this copy (its offline store included) and
// load the board's.
// The message survives the reload in sessionStorage; a second refusal straight after a reload
// does not reload again, so a copy that keeps being refused cannot loop.
import { readAuthMessage } from 'y-protocols/auth'
import type { WebsocketProvider } from 'y-websocket'
import { MESSAGE, WRITE_REFUSED } from '../../shared/protocol/messages.ts'

const REASONS: Record<string, string> = {
  locked: 'The board is locked: only facilitators can change it now.',
  locked_item: 'That item is locked by the facilitator.',
  private_phase: 'During private writing new stories go to your private drafts.',
  read_only: 'You can view this board but not change it.',
  withdrawn: 'A story you changed was withdrawn by the person who told it, so it cannot be changed.',
  restricted_content: 'A story you changed is now restricted: its text is kept away from the board.',
  schema_too_new: 'This board was saved by a newer version of Learning Wall: it is read-only here.',
  invalid_meta: 'This board’s settings need an owner’s attention: it is read-only until they are set again.',
  sensitivity_by_server: 'A story’s sensitivity is changed in its details panel, not by editing.',
}

/** Why a write was refused, in the person's words, by the server's refusal code. */
export function refusalReason(code: string): string {
  return REASONS[code] ?? 'The board did not accept your last change.'
}

/** Reload only if the last reload for a refusal is older than this. */
export const RELOAD_GUARD_MS = 15_000

export type RefusalMemo = { at: number; message: string }

export function shouldReload(last: RefusalMemo | null, now: number): boolean {
  return last === null || now - last.at > RELOAD_GUARD_MS
}

const memoKey = (boardId: string) => `learning-wall:refused:${boardId}`

function readMemo(storage: Storage, boardId: string): RefusalMemo | null {
  try {
    const parsed = JSON.parse(storage.getItem(memoKey(boardId)) ?? 'null') as RefusalMemo | null
    return parsed && typeof parsed.at === 'number' && typeof parsed.message === 'string'
      ? parsed
      : null
  } catch {
    return null
  }
}

/** How long after a reload for a refusal the message is still shown (the board may mount twice). */
export const NOTICE_AFTER_RELOAD_MS = 10_000

/** The message left by a reload after a refusal, while it is fresh. */
export function refusalNotice(storage: Storage, boardId: string, now: number): string | null {
  const memo = readMemo(storage, boardId)
  return memo && now - memo.at < NOTICE_AFTER_RELOAD_MS ? memo.message : null
}

type Recovery = {
  boardId: string
  storage: Storage
  notify: (message: string) => void
  /** Keeps what this copy holds for the person, before it is forgotten; true if anything was kept. */
  keep?: () => boolean
  /** Forgets this copy, offline store included. */
  clearCopy: () => Promise<void>
  reload: () => void
  now?: () => number
}

/** Listens for refusals on the provider; returns the function that stops listening. */
export function recoverFromRefusedWrites(provider: WebsocketProvider, r: Recovery): () => void {
  const previous = provider.messageHandlers[MESSAGE.auth]
  let recovering = false
  provider.messageHandlers[MESSAGE.auth] = (_encoder, decoder, p) =>
    readAuthMessage(decoder, p.doc, (_doc, reason) => {
      if (!reason.startsWith(WRITE_REFUSED) || recovering) return
      const why = refusalReason(reason.slice(WRITE_REFUSED.length))
      const now = (r.now ?? Date.now)()
      if (!shouldReload(readMemo(r.storage, r.boardId), now)) {
        r.notify(`${why} Reload the page to continue editing.`)
        return
      }
      recovering = true
      const kept = r.keep?.() ?? false
      const message = kept
        ? `${why} The board reloaded; anything of yours it did not take is offered back to you.`
        : `${why} Your unsaved change was dropped and the board reloaded.`
      r.storage.setItem(memoKey(r.boardId), JSON.stringify({ at: now, message }))
      r.notify(message)
      void r.clearCopy().finally(r.reload)
    })
  return () => {
    if (previous) provider.messageHandlers[MESSAGE.auth] = previous
  }
}
