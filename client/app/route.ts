// Paths of the app. Pure module.
export type Route =
  | { name: 'home' }
  | { name: 'board'; boardId: string }
  /** The projector's view of a board: no tools, following the facilitator, phase and timer large. */
  | { name: 'present'; boardId: string }
  | { name: 'invite'; token: string }
  | { name: 'map' }
  | { name: 'notFound' }

const BOARD = /^\/b\/([A-Za-z0-9_-]{1,64})\/?$/
const PRESENT = /^\/b\/([A-Za-z0-9_-]{1,64})\/present\/?$/
/** Invite tokens are base64url; the server refuses anything over 100 characters. */
const INVITE = /^\/i\/([A-Za-z0-9_-]{1,100})\/?$/

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'home' }
  if (pathname === '/map' || pathname === '/map/') return { name: 'map' }
  const board = BOARD.exec(pathname)
  if (board?.[1]) return { name: 'board', boardId: board[1] }
  const present = PRESENT.exec(pathname)
  if (present?.[1]) return { name: 'present', boardId: present[1] }
  const invite = INVITE.exec(pathname)
  if (invite?.[1]) return { name: 'invite', token: invite[1] }
  return { name: 'notFound' }
}

export const boardPath = (boardId: string): string => `/b/${encodeURIComponent(boardId)}`
export const presentPath = (boardId: string): string => `${boardPath(boardId)}/present`
export const invitePath = (token: string): string => `/i/${encodeURIComponent(token)}`
