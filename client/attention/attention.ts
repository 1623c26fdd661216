// Attention on one open board: follow me (lead by broadcasting my view, or follow the leader's
// smoothly, break away by moving, rejoin), bring everyone here, spotlight and hidden cursors, all
// driven by the server-only session root. One per board screen; no React here.
import { readSession, type SessionState } from '../../shared/model/facilitation.ts'
import type { BoardSession } from '../board/createSession.ts'
import { watchSession } from '../facilitation/useSession.ts'
import type { Camera } from '../geometry/camera.ts'
import { PRESENCE_INTERVAL_MS } from '../board/createSession.ts'
import { throttle } from '../presence/throttle.ts'
import { createStore, type Store } from '../store/createStore.ts'
import { cameraForSummon, cameraOnPattern, SUMMON_MAX_AGE_MS, summonToObey } from './attentionRules.ts'
import { followRole, NO_FOLLOW, reduceFollow, type Follow, type FollowEvent, type FollowRole } from './followState.ts'
import { shouldReclaim, type LeaderMemory } from './leaderClaim.ts'
import { approach, arrived, cameraShowing, readView, viewOf } from './viewMath.ts'

export type AttentionState = {
  session: SessionState | null
  follow: Follow
  role: FollowRole
  /** Who leads, as the session names them. */
  leaderName: string | null
  /** The leader's view has arrived (they are here with the board open). */
  leaderHere: boolean
}

export type Attention = Store<AttentionState> & {
  rejoin(): void
  dispose(): void
}

/** Fraction of the remaining distance covered per frame: about a third of a second to settle. */
const GLIDE = 0.2

/** Claiming follow me back after a reload (leaderClaim.ts): where the led id is kept, and the follow action. */
export type LeaderClaim = { memory: LeaderMemory; send(clientId: number): Promise<unknown> }

/**
 * `presenter`: a projector screen that never breaks away and never sends a view. `claim`: this
 * page may take the lead back from the page it replaced (a facilitator's board screen).
 */
export function createAttention(s: BoardSession, { presenter = false, claim }: { presenter?: boolean; claim?: LeaderClaim } = {}): Attention {
  const self = s.provider.awareness.clientID
  const initial = readSession(s.doc)
  const store = createStore<AttentionState>({ session: initial, follow: NO_FOLLOW, role: 'none', leaderName: null, leaderHere: false })
  let target: Camera | null = null
  let lastSet: Camera | null = null
  let frame: number | null = null
  let spotlit: string | null = null
  /** Spotlit before the pattern arrived (a screen opened mid-spotlight): centre it once it does. */
  let spotPending = false
  let obeyedAt: string | null = null
  /** A synced session has been seen: later summons arrive live and are obeyed whatever the clocks say. */
  let live = false
  /** The old leader id a claim was sent for: one claim per id, whatever its answer. */
  let claimedFor: number | null = null

  const size = () => s.ui.getState().viewport
  const setFollow = (e: FollowEvent) => {
    const follow = reduceFollow(store.getState().follow, e)
    store.setState({ follow, role: followRole(follow, presenter ? -1 : self) })
  }

  function tick() {
    frame = null
    if (!target) return
    const now = s.ui.getState().camera
    const viewport = size()
    const next = arrived(now, target, viewport) ? target : approach(now, target, GLIDE, viewport)
    if (next === target) target = null
    lastSet = next
    s.ui.setState({ camera: next })
    if (target) frame = requestAnimationFrame(tick)
  }
  const glideTo = (cam: Camera) => {
    if (size().w <= 0) return
    target = cam
    if (frame === null) frame = requestAnimationFrame(tick)
  }

  const leaderState = (): unknown => {
    const leader = store.getState().follow.leader
    return leader === null ? null : s.provider.awareness.getStates().get(leader)
  }
  const followLeader = () => {
    const view = readView(leaderState())
    store.setState({ leaderHere: view !== null })
    if (view && store.getState().role === 'following') glideTo(cameraShowing(view, size()))
  }

  const reclaim = () => {
    const leader = store.getState().follow.leader
    if (!claim || !s.provider.synced || leader === null || leader === claimedFor) return
    if (!shouldReclaim(leader, self, claim.memory.recall(), s.provider.awareness.getStates().has(leader))) return
    claimedFor = leader
    // Remembered before the answer: a page replaced again before it arrives (a quick second reload,
    // a screen that reopens its session) is then claimed back by the next one.
    claim.memory.remember(self)
    void claim.send(self)
  }

  const sendView = throttle((v: ReturnType<typeof viewOf> | null) => s.setPresence('view', v), PRESENCE_INTERVAL_MS)
  const lead = () => {
    const { camera, viewport } = s.ui.getState()
    if (viewport.w > 0) sendView.push(viewOf(camera, viewport))
  }

  function onSession(next: SessionState | null) {
    const before = store.getState()
    store.setState({ session: next, leaderName: next?.follow?.name ?? null })
    const wasLeading = before.role === 'leading'
    setFollow({ type: 'leader', clientId: next?.follow?.clientId ?? null })
    const role = store.getState().role
    if (role === 'leading') {
      claim?.memory.remember(self)
      lead()
    } else if (wasLeading) {
      claim?.memory.remember(null)
      sendView.cancel()
      s.setPresence('view', null)
    }
    reclaim()
    if (role === 'following') followLeader()
    else store.setState({ leaderHere: false })

    const hidden = next?.hideCursors ?? false
    if (hidden !== s.ui.getState().cursorsHidden) {
      s.ui.setState({ cursorsHidden: hidden })
      // Hidden: stop streaming my pointer and take the last one away from everyone's screen.
      if (hidden && !presenter) {
        s.stream.pointer.cancel()
        s.setPresence('pointer', null)
      }
    }

    const spotlight = next?.spotlight ?? null
    if (spotlight !== spotlit) {
      spotlit = spotlight
      spotPending = spotlight !== null && !centreSpotlight()
    }

    // While (re)syncing, only a recent summon moves the view: a newcomer is not sent to an old one.
    const summon = summonToObey(next?.summon ?? null, obeyedAt, Date.now(), live ? Infinity : SUMMON_MAX_AGE_MS)
    if (summon) {
      obeyedAt = summon.at
      glideTo(cameraForSummon(summon, size()))
    }
    live = s.provider.synced
  }

  function centreSpotlight(): boolean {
    const p = spotlit ? s.board.getState().patterns.find((x) => x.id === spotlit) : undefined
    if (p && size().w > 0) glideTo(cameraOnPattern(p, size()))
    return !!p && size().w > 0
  }

  const stopSession = watchSession(s.doc, (v) => onSession(v.session))
  const stopBoard = s.board.subscribe((next, prev) => {
    if (spotPending && next.patterns !== prev.patterns) spotPending = !centreSpotlight()
  })
  const onAwareness = () => {
    if (store.getState().follow.leader === null) return
    followLeader()
    // The replaced page's entry leaves the room (its socket closed, or its awareness timed out).
    reclaim()
  }
  s.provider.awareness.on('change', onAwareness)
  // A session read from the offline copy before the socket synced is judged again once it has.
  const onSync = (synced: boolean) => {
    if (synced) reclaim()
  }
  s.provider.on('sync', onSync)
  const stopUi = s.ui.subscribe((next, prev) => {
    if (next.camera !== prev.camera && next.camera !== lastSet) {
      // The person moved their own view: any glide stops, and a follower breaks away. A projector
      // has no person at it: it goes back to the leader's view.
      target = null
      if (!presenter) setFollow({ type: 'moved' })
      else if (store.getState().role === 'following') followLeader()
    }
    if (next.camera !== prev.camera || next.viewport !== prev.viewport) {
      const role = store.getState().role
      if (role === 'leading') lead()
      else if (role === 'following' && next.viewport !== prev.viewport) followLeader()
    }
    if (spotPending && next.viewport !== prev.viewport) spotPending = !centreSpotlight()
  })
  onSession(initial)

  return {
    ...store,
    rejoin() {
      setFollow({ type: 'rejoin' })
      followLeader()
    },
    dispose() {
      stopSession()
      stopUi()
      stopBoard()
      s.provider.awareness.off('change', onAwareness)
      s.provider.off('sync', onSync)
      sendView.cancel()
      if (frame !== null) cancelAnimationFrame(frame)
    },
  }
}
