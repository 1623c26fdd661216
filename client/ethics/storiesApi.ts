// The server's story operations (research ethics): restricted stories, sensitivity changes that
// move content, and withdrawal. Errors are values, as everywhere in the client's HTTP layer.
import type { Sensitivity } from '../../shared/model/story.ts'
import { api } from '../home/api.ts'

const storyPath = (boardId: string, storyId: string) => `/api/boards/${encodeURIComponent(boardId)}/stories/${encodeURIComponent(storyId)}`

export const setSensitivity = (boardId: string, storyId: string, sensitivity: Sensitivity) =>
  api<{ storyId: string; from: Sensitivity; to: Sensitivity }>(`${storyPath(boardId, storyId)}/sensitivity`, {
    method: 'PUT',
    body: JSON.stringify({ sensitivity }),
  })

export const withdrawStory = (boardId: string, storyId: string) =>
  api<{ storyId: string; withdrawn: true; boards: number; versions: number }>(`${storyPath(boardId, storyId)}/withdraw`, { method: 'POST' })

/** A restricted story written straight to the server: no byte of it enters the shared document. */
export const createRestrictedStory = (boardId: string, story: { pos: { x: number; y: number }; colour?: string; text: string; fields: Record<string, unknown> }) =>
  api<{ id: string }>(`/api/boards/${encodeURIComponent(boardId)}/stories`, { method: 'POST', body: JSON.stringify(story) })

/** The ids of the stories this person created on the board, as the server recorded them. */
export const myStories = (boardId: string) => api<{ storyIds: string[] }>(`/api/boards/${encodeURIComponent(boardId)}/stories/mine`)
