// This person's side of dot voting: the session from the document and their own votes from the server (GET /vote), kept right by refetching when the document's vote session
// changes and by polling while a vote is open. Casts go one at a time, in click order.
// One client per board session; no React here.
import type * as Y from 'yjs'
import { voteMap } from '../../shared/model/layout.ts'
import { readVoteSession, type VoteSession } from '../../shared/model/vote.ts'
import { api } from '../home/api.ts'
import { createStore, type Store } from '../store/createStore.ts'
import { refusalMessage, voteView, type VoteServerState } from './voteView.ts'

export type VoteClientState = {
  docSession: VoteSession | null
  server: VoteServerState | null
  /** The last refusal or failure, in words; cleared by the next success. */
  error: string | null
  busy: boolean
}

export type VoteClient = Store<VoteClientState> & {
  refresh(): Promise<void>
  /** null when done, else the refusal in words. */
  cast(patternId: string, delta: 1 | -1): Promise<string | null>
  open(settings: { votesPerPerson: number; maxPerPattern: number | null }): Promise<string | null>
  close(): Promise<string | null>
  destroy(): void
}

type VoteAnswer = { session: VoteSession | null; mine: Record<string, number>; remaining: number }

export const VOTE_POLL_MS = 10_000

export function createVoteClient(boardId: string, doc: Y.Doc): VoteClient {
  const base = `/api/boards/${encodeURIComponent(boardId)}`
  const store = createStore<VoteClientState>({ docSession: readVoteSession(doc), server: null, error: null, busy: false })
  let alive = true
  let version = 0
  let queue: Promise<unknown> = Promise.resolve()

  const words = (code: string, message: string) => refusalMessage(code, message, voteView(store.getState().docSession, null, null))
  const fail = (code: string, message: string): string => {
    const text = words(code, message)
    if (alive) store.setState({ error: text })
    return text
  }

  async function refresh() {
    const seen = version
    const r = await api<VoteAnswer>(`${base}/vote`)
    if (!alive || !r.ok || seen !== version) return
    store.setState({ server: { sessionId: r.value.session?.id ?? null, mine: r.value.mine ?? {}, remaining: r.value.remaining ?? 0 } })
  }

  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task)
    queue = run.catch(() => undefined)
    return run
  }

  const onVoteMap = () => {
    const before = store.getState().docSession
    const docSession = readVoteSession(doc)
    // A refusal belongs to the vote it was about: a new phase or a new vote starts clean.
    const changed = before?.id !== docSession?.id || before?.status !== docSession?.status
    store.setState(changed ? { docSession, error: null } : { docSession })
    void refresh()
  }
  voteMap(doc).observe(onVoteMap)
  const timer = setInterval(() => {
    if (store.getState().docSession?.status === 'open' && document.visibilityState === 'visible') void refresh()
  }, VOTE_POLL_MS)
  void refresh()

  return {
    ...store,
    refresh,
    cast: (patternId, delta) =>
      serial(async () => {
        const sessionId = store.getState().docSession?.id ?? null
        const r = await api<{ mine: Record<string, number>; remaining: number }>(`${base}/vote/cast`, { method: 'POST', body: JSON.stringify({ patternId, delta }) })
        version++
        if (!r.ok) return fail(r.error.code, r.error.message)
        if (alive) store.setState({ server: { sessionId, mine: r.value.mine, remaining: r.value.remaining }, error: null })
        return null
      }),
    open: (settings) =>
      serial(async () => {
        store.setState({ busy: true })
        const r = await api<{ session: VoteSession }>(`${base}/vote/open`, { method: 'POST', body: JSON.stringify(settings) })
        if (alive) store.setState({ busy: false })
        if (!r.ok) return fail(r.error.code, r.error.message)
        store.setState({ error: null })
        void refresh()
        return null
      }),
    close: () =>
      serial(async () => {
        store.setState({ busy: true })
        const r = await api<{ session: VoteSession }>(`${base}/vote/close`, { method: 'POST', body: '{}' })
        if (alive) store.setState({ busy: false })
        if (!r.ok) return fail(r.error.code, r.error.message)
        store.setState({ error: null })
        return null
      }),
    destroy() {
      alive = false
      clearInterval(timer)
      voteMap(doc).unobserve(onVoteMap)
    },
  }
}
