// Board history over HTTP: versions (automatic and named), save a named one, restore one as a new board.
import { api } from '../home/api.ts'

export type Version = {
  id: string
  kind: 'auto' | 'named'
  name: string | null
  bytes: number
  createdAt: string
  createdByName: string | null
}

const base = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}/versions`

export const listVersions = (boardId: string) => api<{ versions: Version[] }>(base(boardId))
export const saveVersion = (boardId: string, name: string) =>
  api<{ version: Version }>(base(boardId), { method: 'POST', body: JSON.stringify({ name }) })
export const restoreVersion = (boardId: string, versionId: string) =>
  api<{ board: { id: string; title: string } }>(`${base(boardId)}/${encodeURIComponent(versionId)}/restore`, { method: 'POST', body: '{}' })

export const versionLabel = (v: Version): string => (v.kind === 'named' && v.name ? v.name : 'Automatic version')
