// What each role means for the person holding it, in one sentence. Pure data.
import type { Role } from '../../shared/access/roles.ts'

export const ROLE_HELP: Record<Role, string> = {
  owner: 'You can do everything, including the board settings and the audit log.',
  facilitator: 'You can add and arrange stories, run the session and invite people.',
  contributor: 'You can add, write and arrange stories and patterns.',
  observer: 'You can see the board as it changes, but not change it.',
}
