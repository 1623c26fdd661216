// Paths of the app. Pure module.
export type Route =
  | { name: 'home' }
  | { name: 'board'; boardId: string }
  | { name: 'invite'; token: string }
  | { name: 'map' }
  | { name: 'notFound' }

const BOARD = /^\/b\/([A-Za-z0-9_-]{1,64})\/?$/
/** Invite tokens are base64url; the server refuses anything over 100 characters. */
const INVITE = /^\/i\/([A-Za-z0-9_-]{1,100})\/?$/

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'home' }
  if (pathname === '/map' || pathname === '/map/') return { name: 'map' }
  const board = BOARD.exec(pathname)
  if (board?.[1]) return { name: 'board', boardId: board[1] }
  const invite = INVITE.exec(pathname)
  if (invite?.[1]) return { name: 'invite', token: invite[1] }
  return { name: 'notFound' }
}

export const boardPath = (boardId: string): string => `/b/${encodeURIComponent(boardId)}`
export const invitePath = (token: string): string => `/i/${encodeURIComponent(token)}`
