// Paths of the app. Pure module.
export type Route = { name: 'home' } | { name: 'board'; boardId: string } | { name: 'notFound' }

const BOARD = /^\/b\/([A-Za-z0-9_-]{1,64})\/?$/

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'home' }
  const m = BOARD.exec(pathname)
  return m?.[1] ? { name: 'board', boardId: m[1] } : { name: 'notFound' }
}

export const boardPath = (boardId: string): string => `/b/${encodeURIComponent(boardId)}`
