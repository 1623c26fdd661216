// The sync door's authorisation: the session cookie (browsers) or a `token` query parameter
// (integrators), then the caller's role on the board. No role, no byte of the board.
import { accessOf, can } from '../../shared/access/roles.ts'
import { parseRoom } from '../../shared/model/facilitation.ts'
import type { Authorize } from '../access.ts'
import type { Storage } from '../storage/types.ts'
import { SESSION_COOKIE, identify } from './identity.ts'

function cookieValue(header: string | null, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return decodeURIComponent(v.join('='))
  }
  return undefined
}

/** The session token a socket presents: `token` parameter, bearer header or session cookie. */
export function presentedToken(headers: Headers, url: URL): string | undefined {
  const bearer = headers.get('authorization')
  return (
    url.searchParams.get('token') ??
    (bearer?.startsWith('Bearer ') ? bearer.slice(7).trim() : undefined) ??
    cookieValue(headers.get('cookie'), SESSION_COOKIE)
  )
}

export function boardAuthorizer(storage: Storage): Authorize {
  return async ({ boardId, headers, url }) => {
    const token = presentedToken(headers, url)
    const identity = await identify(storage, token ?? undefined)
    if (!identity) return { access: 'none', reason: 'unauthenticated' }
    const room = parseRoom(boardId)
    if (!room) return { access: 'none', reason: 'forbidden' }
    const membership = await storage.memberships.get(room.boardId, identity.user.id)
    const role = membership?.role ?? null
    // A private draft room opens for its author only: not even facilitators may read it.
    if (room.draftOf !== null && (room.draftOf !== identity.user.id || !can(role, 'editBoard'))) {
      return { access: 'none', reason: 'forbidden' }
    }
    // Restricted stories' content: owners and facilitators only.
    if (room.restricted && !can(role, 'seeRestricted')) return { access: 'none', reason: 'forbidden' }
    const access = accessOf(role)
    if (access === 'none' || role === null) return { access: 'none', reason: 'forbidden' }
    const { user } = identity
    return { access, principal: { id: user.id, name: user.displayName, expiresAt: user.expiresAt, role } }
  }
}
