// The connected-cycles HTTP API (docs/api.md "Connected learning cycles"): links, the map, raise,
// respond, provenance, sharing with peers, and the board settings the header edits. Errors are
// values (ApiResult).
import type { Role } from '../../shared/access/roles.ts'
import type { CarriedMeasure, CarriedQuote, ConditionKind, ConditionStatus } from '../../shared/model/condition.ts'
import type { Scale } from '../../shared/model/cycle.ts'
import { api, type BoardSummary } from '../home/api.ts'

export type LinkKind = 'vertical' | 'horizontal'
export type LinkStatus = 'pending' | 'active'
export type LinkDirection = 'up' | 'down' | 'peer'

export type CycleLink = {
  id: string
  kind: LinkKind
  status: LinkStatus
  /** Null for a pending link to a board its creator has no role on: the server tells nothing of it. */
  direction: LinkDirection | null
  /** The board whose facilitator accepts a pending link (null when made active at once). */
  awaitingBoard?: string | null
  createdBy: string
  other: { id: string; title: string | null; scale: Scale | null; visible: boolean } | null
}

/** Open enablers and barriers; answered (resolved or declined) and, received, the median hours to answer. */
export type OpenCounts = { enablers: number; barriers: number; answered?: number; medianAnswerHours?: number | null }
/**
 * `role: null`: a cycle in one of my chains (through active links) that I have no role on; its
 * title is a neutral one when `titleHidden` (person-scale boards).
 */
export type MapCycle = { id: string; title: string; titleHidden?: boolean; scale: Scale; element: string; role: Role | null; raised: OpenCounts; received: OpenCounts }
export type MapLink = { id: string; kind: LinkKind; status: LinkStatus; lower: string; higher: string }
export type CycleMap = { cycles: MapCycle[]; links: MapLink[] }

export type BoardWithRole = BoardSummary & { role?: Role }
export type RaiseInput = { targetBoardId: string; kind: ConditionKind; note: string }
export type RaiseAnswer = { condition: { id: string; status: ConditionStatus }; created: boolean }
export type RespondInput = { status?: Exclude<ConditionStatus, 'raised'>; reason?: string; response?: string }
export type Evidence = { boardId: string; patternId: string; path: string }

const board = (id: string) => `/api/boards/${encodeURIComponent(id)}`
const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) })

export const getBoardWithRole = (id: string) => api<BoardWithRole>(board(id))
export const listMyBoards = () => api<{ boards: BoardWithRole[] }>('/api/boards')

export const listLinks = (id: string) => api<{ links: CycleLink[] }>(`${board(id)}/links`)
export const createLink = (id: string, otherBoardId: string, kind: LinkKind) =>
  api<{ link: { id: string; status: LinkStatus } }>(`${board(id)}/links`, json('POST', { otherBoardId, kind }))
export const acceptLink = (id: string, linkId: string) => api<{ link: { id: string; status: LinkStatus } }>(`${board(id)}/links/${encodeURIComponent(linkId)}/accept`, json('POST', {}))
export const removeLink = (id: string, linkId: string) => api<{ ok: boolean }>(`${board(id)}/links/${encodeURIComponent(linkId)}`, { method: 'DELETE' })

export const getCycleMap = () => api<CycleMap>('/api/cycles/map')

export const raisePattern = (id: string, patternId: string, input: RaiseInput) =>
  api<RaiseAnswer>(`${board(id)}/patterns/${encodeURIComponent(patternId)}/raise`, json('POST', input))
export const respondToCondition = (conditionId: string, input: RespondInput) =>
  api<{ condition: { id: string; status: ConditionStatus } }>(`/api/conditions/${encodeURIComponent(conditionId)}`, json('PATCH', input))
export const conditionEvidence = (conditionId: string) => api<Evidence>(`/api/conditions/${encodeURIComponent(conditionId)}/evidence`)
/** Quotes are never in the document: the server resolves them from the source board when asked. */
export type Quotes = { quotes: CarriedQuote[]; measures?: CarriedMeasure[] }
export const conditionQuotes = (conditionId: string) => api<Quotes>(`/api/conditions/${encodeURIComponent(conditionId)}/quotes`)
export const shareQuotes = (shareId: string) => api<Quotes>(`/api/shares/${encodeURIComponent(shareId)}/quotes`)

/** Peers: where this board's patterns are shared (a horizontal link), and sharing them. */
export type PatternShare = { id: string; patternId: string; target: { id: string; title: string; scale: Scale } | null; createdAt: string }
export const listShares = (id: string) => api<{ shares: PatternShare[] }>(`${board(id)}/shares`)
export const sharePattern = (id: string, patternId: string, targetBoardId: string) =>
  api<{ share: { id: string }; created: boolean }>(`${board(id)}/patterns/${encodeURIComponent(patternId)}/share`, json('POST', { targetBoardId }))
export const unsharePattern = (shareId: string) => api<{ ok: boolean }>(`/api/shares/${encodeURIComponent(shareId)}`, { method: 'DELETE' })
