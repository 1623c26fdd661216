// How a condition moves: raised → acknowledged → in progress → resolved, or declined with a
// reason. A soft flow (the server accepts any step; a closed condition can be reopened), so the
// controls offer every status and mark the next one. Pure module: no DOM, no React.
import { OPEN_STATUSES, type ConditionKind, type ConditionStatus } from '../../shared/model/condition.ts'

export type SettableStatus = Exclude<ConditionStatus, 'raised' | 'declined'>
export type StatusAction = { status: SettableStatus; label: string; current: boolean; next: boolean }

const FORWARD: readonly SettableStatus[] = ['acknowledged', 'in_progress', 'resolved']
const ACTION_LABELS: Record<SettableStatus, string> = { acknowledged: 'Acknowledge', in_progress: 'Mark in progress', resolved: 'Mark resolved' }

/** The step after `status`, or null when it is closed. */
export function nextStatus(status: ConditionStatus): SettableStatus | null {
  switch (status) {
    case 'raised':
      return 'acknowledged'
    case 'acknowledged':
      return 'in_progress'
    case 'in_progress':
      return 'resolved'
    case 'resolved':
    case 'declined':
      return null
  }
}

export function statusActions(status: ConditionStatus): StatusAction[] {
  const next = nextStatus(status)
  return FORWARD.map((s) => ({ status: s, label: ACTION_LABELS[s], current: s === status, next: s === next }))
}

export const isOpen = (status: ConditionStatus): boolean => OPEN_STATUSES.has(status)

export const KIND_LABELS: Record<ConditionKind, string> = { enabler: 'Enabler', barrier: 'Barrier' }

/** Colours of the two kinds, on cards, badges and the map (with the word, never colour alone). */
export const KIND_COLOURS: Record<ConditionKind, { ink: string; fill: string; line: string }> = {
  enabler: { ink: '#0f5132', fill: '#e6f4ea', line: '#2f9e44' },
  barrier: { ink: '#842029', fill: '#fdecea', line: '#d9480f' },
}

export const STATUS_TONES: Record<ConditionStatus, string> = {
  raised: '#1d63ed',
  acknowledged: '#6f42c1',
  in_progress: '#b35c00',
  // White text on these needs 4.5:1 (the green was 3.44:1, an axe 'serious').
  resolved: '#1e7b34',
  declined: '#6b7280',
}
