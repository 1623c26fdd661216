// A modal dialog on the native <dialog> element: the page behind is inert, Escape closes, the
// focus moves in on open and returns to whatever had it (the opening button) on close.
import { useEffect, useRef, type ReactNode } from 'react'
import './settings.css'

type Props = {
  title: string
  onClose: () => void
  children: ReactNode
  className?: string
  testId?: string
}

export function Dialog({ title, onClose, children, className = '', testId }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const closeRef = useRef(onClose)
  closeRef.current = onClose

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    const onCancel = (e: Event) => {
      e.preventDefault()
      closeRef.current()
    }
    dialog.addEventListener('cancel', onCancel)
    return () => {
      dialog.removeEventListener('cancel', onCancel)
      if (dialog.open) dialog.close()
      opener?.focus()
    }
  }, [])

  return (
    <dialog
      ref={ref}
      className={className}
      aria-labelledby="dialog-title"
      data-testid={testId}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <div className="people-dialog-inner">
        <header>
          <h2 id="dialog-title">{title}</h2>
          <button
            type="button"
            onClick={onClose}
            aria-label={`Close ${title}`}
            data-testid="dialog-close"
          >
            Close
          </button>
        </header>
        {children}
      </div>
    </dialog>
  )
}
