// The sync door's authorisation: the session cookie (browsers) or a `token` query parameter
// (integrators), then the caller's role on the board. No role, no byte of the board.
import { accessOf } from '../../shared/access/roles.ts'
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

export function boardAuthorizer(storage: Storage): Authorize {
  return async ({ boardId, headers, url }) => {
    const bearer = headers.get('authorization')
    const token =
      url.searchParams.get('token') ??
      (bearer?.startsWith('Bearer ') ? bearer.slice(7).trim() : undefined) ??
      cookieValue(headers.get('cookie'), SESSION_COOKIE)
    const identity = await identify(storage, token ?? undefined)
    if (!identity) return { access: 'none', reason: 'unauthenticated' }
    const membership = await storage.memberships.get(boardId, identity.user.id)
    const access = accessOf(membership?.role ?? null)
    if (access === 'none') return { access, reason: 'forbidden' }
    const { user } = identity
    return { access, principal: { id: user.id, name: user.displayName, expiresAt: user.expiresAt } }
  }
}
