// The facilitation HTTP API (docs/api.md "Facilitation"): the method templates and the session
// actions a facilitator sends. Errors are values (ApiResult); CSRF is added by `api`.
import type { SessionState, Template } from '../../shared/model/facilitation.ts'
import { api } from '../home/api.ts'

export type SessionAction =
  | { action: 'start'; templateId: string }
  | { action: 'phase'; index: number }
  | { action: 'timer'; op: 'start' | 'pause' | 'reset'; ms?: number }
  | { action: 'timer'; op: 'extend'; ms: number }
  | { action: 'private'; on: boolean }
  | { action: 'reveal' }
  | { action: 'lock'; on: boolean; items?: string[] }
  | { action: 'spotlight'; patternId: string | null }
  | { action: 'cursors'; hidden: boolean }
  | { action: 'summon'; x: number; y: number; zoom: number }
  | { action: 'follow'; clientId: number | null }
  | { action: 'end' }

export type SessionAnswer = {
  session: SessionState | null
  revealed: number
  /** At a reveal: drafts the board did not take (invalid, withdrawn, already there). */
  refused?: number
  /** At a reveal: people whose drafts stayed private (no longer contributors). */
  skipped?: number
}

export const listTemplates = () => api<{ templates: Template[] }>('/api/templates')

export const sendSession = (boardId: string, action: SessionAction) =>
  api<SessionAnswer>(`/api/boards/${encodeURIComponent(boardId)}/session`, { method: 'POST', body: JSON.stringify(action) })

/** The session as the server's document has it, and the server's clock (ms since the epoch). */
export const getSession = (boardId: string) => api<{ session: SessionState | null; now: number }>(`/api/boards/${encodeURIComponent(boardId)}/session`)
