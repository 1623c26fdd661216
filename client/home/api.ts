// The board HTTP API. Errors arrive as {error:{code,message}}; they become values, not throws.
import type { Scale } from '../../shared/model/cycle.ts'

export type BoardSummary = { id: string; title: string; scale: Scale; element: string; createdAt: number | string; updatedAt: number | string }
export type ApiError = { code: string; message: string; status: number }
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/** Double-submit CSRF: the server sets a readable `lw_csrf` cookie; writes echo it in a header. */
const csrfToken = (): string => /(?:^|;\s*)lw_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? ''

export async function api<T>(path: string, init?: RequestInit): Promise<ApiResult<T>> {
  let res: Response
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' }
  if (init?.method && init.method !== 'GET') headers['x-csrf-token'] = decodeURIComponent(csrfToken())
  try {
    res = await fetch(path, { credentials: 'same-origin', ...init, headers })
  } catch {
    return { ok: false, error: { code: 'network', message: 'Cannot reach the server. Check your connection and try again.', status: 0 } }
  }
  const body: unknown = await res.json().catch(() => null)
  if (res.ok) return { ok: true, value: body as T }
  const err = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error
  return {
    ok: false,
    error: {
      code: typeof err?.code === 'string' ? err.code : `http_${res.status}`,
      message: typeof err?.message === 'string' ? err.message : `The server answered ${res.status} ${res.statusText}.`,
      status: res.status,
    },
  }
}

export const listBoards = () => api<{ boards: BoardSummary[] }>('/api/boards')
/** A board answer may be the board itself or `{board}`; both are accepted. */
const unwrap = (r: ApiResult<BoardSummary | { board: BoardSummary }>): ApiResult<BoardSummary> =>
  r.ok && 'board' in r.value ? { ok: true, value: r.value.board } : (r as ApiResult<BoardSummary>)

export const getBoard = async (id: string) => unwrap(await api(`/api/boards/${encodeURIComponent(id)}`))
export const createBoard = async (title: string, scale: Scale) =>
  unwrap(await api('/api/boards', { method: 'POST', body: JSON.stringify({ title, scale }) }))
