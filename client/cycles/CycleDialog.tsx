// The scaffolding the cycles dialogs share (raise to a higher cycle, share with a peer): a modal
// <dialog> that opens on mount and closes through the cycles UI state, the linked cycle to send to
// (the first one until the person picks), and the outcome line the server's answer becomes.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { SCALE_LABELS } from '../../shared/model/cycle.ts'
import type { RaiseTarget as Target } from './linkRules.ts'

export type Outcome = { tone: 'ok' | 'info' | 'error'; text: string }

type DialogProps = {
  name: string
  title: ReactNode
  onClose: () => void
  onSubmit: (e: FormEvent) => void
  children: ReactNode
}

/** `name` makes the hooks: `<name>-dialog`, `<name>-heading`. */
export function CycleDialog({ name, title, onClose, onSubmit, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const d = ref.current
    // The focus goes back to what opened the dialog (Raise…, Share…), not to the page's body.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (d && !d.open) d.showModal()
    return () => {
      if (opener?.isConnected) opener.focus()
    }
  }, [])
  return (
    <dialog
      ref={ref}
      className="raise-dialog"
      aria-labelledby={`${name}-heading`}
      onClose={onClose}
      onCancel={onClose}
      // The board's shortcuts stay behind the modal: its Escape handler would cancel the dialog's.
      onKeyDown={(e) => e.stopPropagation()}
      data-testid={`${name}-dialog`}
      data-overlay
    >
      <form onSubmit={onSubmit}>
        <h2 id={`${name}-heading`}>{title}</h2>
        {children}
      </form>
    </dialog>
  )
}

/** The chosen cycle's board id: the first target until the person picks another. */
export function useTarget(targets: readonly Target[]): [string, (boardId: string) => void] {
  const [target, setTarget] = useState('')
  useEffect(() => {
    if (!target && targets[0]) setTarget(targets[0].boardId)
  }, [target, targets])
  return [target, setTarget]
}

type SelectProps = {
  label: string
  targets: readonly Target[]
  value: string
  onChange: (boardId: string) => void
  testId: string
  disabled?: boolean
}

export function TargetSelect({ label, targets, value, onChange, testId, disabled }: SelectProps) {
  return (
    <label>
      {label}
      <select
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
        disabled={disabled}
      >
        {targets.map((t) => (
          <option key={t.boardId} value={t.boardId}>
            {t.title} ({SCALE_LABELS[t.scale]})
          </option>
        ))}
      </select>
    </label>
  )
}

export function OutcomeNote({ outcome, testId }: { outcome: Outcome; testId: string }) {
  return (
    <p
      className={
        outcome.tone === 'error' ? 'error-note' : outcome.tone === 'ok' ? 'ok-note' : 'info-note'
      }
      role={outcome.tone === 'error' ? 'alert' : 'status'}
      data-testid={testId}
      data-tone={outcome.tone}
    >
      {outcome.text}
    </p>
  )
}
