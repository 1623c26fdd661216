// A destructive action asked once more in place: the consequence in words, the action, Cancel.
import type { ReactNode } from 'react'

type Props = { label: string; action: string; testId: string; onConfirm: () => void; onCancel: () => void; children: ReactNode }

export function ConfirmInline({ label, action, testId, onConfirm, onCancel, children }: Props) {
  return (
    <div className="confirm" role="group" aria-label={label}>
      <span>{children}</span>
      <button type="button" className="danger solid" autoFocus onClick={() => (onCancel(), onConfirm())} data-testid={testId}>
        {action}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  )
}
