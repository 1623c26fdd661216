// What this person may do on the open board: their role (from GET /api/boards/:id), whether the
// board is anonymous, and whether the server has ended their access (a 4401/4403/4404 close).
// `canEdit` is the one value every editing affordance reads. Pure module: no DOM, no React.
import { can, ROLES, type Role } from '../../shared/access/roles.ts'
import { CLOSE } from '../../shared/protocol/closeCodes.ts'

export type BoardAccess = {
  role: Role | null
  anonymous: boolean
  /** The role may have changed (a 4501 close): nothing is written until it is read again. */
  checking: boolean
  /** The close code that ended access, or null while access lasts. */
  endedBy: number | null
  canEdit: boolean
  /** Editing closed by the facilitated session (lockGate), so a refusal can say why. */
  gate?: 'locked' | 'locked-items' | 'private' | null
}

/** Closes after which this board cannot be opened again without a change on the server. */
export const ACCESS_ENDED_CODES: readonly number[] = [
  CLOSE.unauthenticated,
  CLOSE.forbidden,
  CLOSE.notFound,
]
export const endsAccess = (code: number): boolean => ACCESS_ENDED_CODES.includes(code)

const derive = (a: Omit<BoardAccess, 'canEdit'>): BoardAccess => ({
  ...a,
  canEdit: a.endedBy === null && !a.checking && can(a.role, 'editBoard'),
})

/** Reads the board answer tolerantly: an unknown role counts as no role (read nothing as write). */
export function accessFromBoard(body: unknown): BoardAccess {
  const b = (body ?? {}) as { role?: unknown; anonymous?: unknown }
  const role = ROLES.find((r) => r === b.role) ?? null
  // Unknown anonymity counts as anonymous: writing no author is always accepted.
  return derive({ role, anonymous: b.anonymous !== false, checking: false, endedBy: null })
}

export type AccessEvent =
  | { type: 'board'; body: unknown }
  | { type: 'closed'; code: number }
  /** The board could not be read again: 401, 403 or 404. */
  | { type: 'refused'; status: number }

export function reduceAccess(a: BoardAccess, e: AccessEvent): BoardAccess {
  if (a.endedBy !== null) return a
  switch (e.type) {
    case 'board':
      return accessFromBoard(e.body)
    case 'closed':
      if (e.code === CLOSE.roleChanged) return derive({ ...a, checking: true })
      return endsAccess(e.code) ? derive({ ...a, endedBy: e.code }) : a
    case 'refused': {
      const code =
        e.status === 401
          ? CLOSE.unauthenticated
          : e.status === 404
            ? CLOSE.notFound
            : e.status === 403
              ? CLOSE.forbidden
              : null
      return code === null ? a : derive({ ...a, endedBy: code })
    }
  }
}
