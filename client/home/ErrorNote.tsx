import type { ApiError } from './api.ts'

/** An API error, said plainly, announced to screen readers. */
export function ErrorNote({ error, title }: { error: ApiError; title?: string }) {
  return (
    <div className="error-note" role="alert" data-testid="error">
      {title && <strong>{title} </strong>}
      <span>{error.message}</span> <code className="error-code">{error.code}</code>
    </div>
  )
}
