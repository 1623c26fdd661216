// The words every cycles view uses for a condition: its kind (colour and word, never colour
// alone) and its status as a pill.
import { STATUS_LABELS, type ConditionKind, type ConditionStatus } from '../../shared/model/condition.ts'
import { KIND_LABELS, STATUS_TONES } from './statusFlow.ts'

export function KindWord({ kind }: { kind: ConditionKind }) {
  return <span className={`kind kind-${kind}`}>{KIND_LABELS[kind]}</span>
}

export function StatusPill({ status, testId }: { status: ConditionStatus; testId?: string }) {
  return (
    <span className="status" style={{ background: STATUS_TONES[status] }} data-status={status} data-testid={testId}>
      {STATUS_LABELS[status]}
    </span>
  )
}

export const when = (iso: string): string => {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })
}
