// The export endpoints as the client uses them: links for the quick formats, jobs with progress
// for PDF and PNG (rendered in a worker on the server), and import. Pure apart from fetch.
import type { Audience } from '../../shared/export/report.ts'
import { api, type ApiResult } from '../home/api.ts'

export type Scope = { kind: 'board' } | { kind: 'selection'; storyIds: string[] } | { kind: 'pattern'; patternId: string }
export type HeavyFormat = 'board.png' | 'board.pdf' | 'report.pdf'
export type Job = { id: string; status: 'queued' | 'running' | 'done' | 'failed'; progress: number; error: string | null; fileName: string }

const base = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}/export`

export function scopeQuery(scope: Scope): string {
  if (scope.kind === 'pattern') return `?pattern=${encodeURIComponent(scope.patternId)}`
  if (scope.kind === 'selection') return `?stories=${scope.storyIds.map(encodeURIComponent).join(',')}`
  return ''
}

/** A link that downloads a quick format straight away. */
export const exportUrl = (boardId: string, file: 'json' | 'stories.csv' | 'patterns.csv' | 'board.svg' | 'report.md', query = ''): string =>
  `${base(boardId)}/${file}${query}`

export function startJob(boardId: string, format: HeavyFormat, scope: Scope, audience: Audience): Promise<ApiResult<{ job: Job }>> {
  const body: Record<string, unknown> = { format, audience }
  if (format !== 'report.pdf') {
    if (scope.kind === 'pattern') body.pattern = scope.patternId
    if (scope.kind === 'selection') body.stories = scope.storyIds
  }
  return api(`${base(boardId)}/jobs`, { method: 'POST', body: JSON.stringify(body) })
}

export const jobStatus = (boardId: string, jobId: string) => api<{ job: Job }>(`${base(boardId)}/jobs/${encodeURIComponent(jobId)}`)
export const jobFileUrl = (boardId: string, jobId: string) => `${base(boardId)}/jobs/${encodeURIComponent(jobId)}/file`

export const importBoard = (json: unknown) =>
  api<{ board: { id: string; title: string } }>('/api/boards/import', { method: 'POST', body: JSON.stringify(json) })

/** Starts a download of a same-origin URL (the session cookie goes with it). */
export function download(url: string, fileName?: string): void {
  const a = document.createElement('a')
  a.href = url
  if (fileName) a.download = fileName
  else a.download = ''
  document.body.append(a)
  a.click()
  a.remove()
}
