// What an empty board says, so a first visit knows how to begin. Pure module.
import type { Role } from '../../shared/access/roles.ts'
import { can } from '../../shared/access/roles.ts'
import { runsSessions } from '../facilitation/sessionRules.ts'

/** The lines of the empty board's hint for this role (null: nothing to say, the board has content). */
export function emptyBoardHint(empty: boolean, role: Role | null): string[] | null {
  if (!empty) return null
  if (!can(role, 'editBoard')) return ['Nothing on this board yet.', 'Stories appear here as people write them.']
  const lines = ['This board is empty.', 'Double-click anywhere, or press N, to write a story. Each story is one thing that happened, for whom, and what changed.']
  if (runsSessions(role)) lines.push('Running a workshop? “Run a session…” above starts a template: a team reflection, or a place workshop with its tables.')
  return lines
}
