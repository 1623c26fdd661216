// Follow me, as one participant lives it: whom the room follows (from the session root), whether
// this person has broken away by moving their own view, and rejoining. Pure module: no DOM, no
// React, no Yjs.

export type Follow = {
  /** The Yjs client id everyone follows, or null when nobody leads. */
  leader: number | null
  /** This person panned or zoomed themselves while someone led; one click rejoins. */
  away: boolean
}

export type FollowEvent =
  | { type: 'leader'; clientId: number | null }
  | { type: 'moved' }
  | { type: 'rejoin' }

export const NO_FOLLOW: Follow = { leader: null, away: false }

export function reduceFollow(state: Follow, event: FollowEvent): Follow {
  switch (event.type) {
    case 'leader':
      // A new "follow me" pulls everyone back in, including those who had broken away.
      return event.clientId === state.leader ? state : { leader: event.clientId, away: false }
    case 'moved':
      return state.leader === null || state.away ? state : { ...state, away: true }
    case 'rejoin':
      return state.away ? { ...state, away: false } : state
  }
}

/** What this client does about follow me: lead (broadcast its view), follow, stand apart, or nothing. */
export type FollowRole = 'leading' | 'following' | 'away' | 'none'

export function followRole(state: Follow, self: number): FollowRole {
  if (state.leader === null) return 'none'
  if (state.leader === self) return 'leading'
  return state.away ? 'away' : 'following'
}
