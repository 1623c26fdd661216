// A just-created invite link, shown once, with a copy button.
import { useEffect, useRef, useState } from 'react'
import { ROLE_LABELS, type InviteRole } from '../../shared/access/roles.ts'
import { withArticle } from '../access/invites.ts'

export function CreatedLink({
  link,
  role,
  onDismiss,
}: {
  link: string
  role: InviteRole
  onDismiss: () => void
}) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null)
  const copyRef = useRef<HTMLButtonElement>(null)
  useEffect(() => copyRef.current?.focus(), [])
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link)
      setCopied('yes')
    } catch {
      setCopied('failed')
    }
  }
  return (
    <div
      className="created-link"
      role="region"
      aria-label="New invite link"
      data-testid="invite-created"
    >
      <p>
        <strong>New link for {withArticle(ROLE_LABELS[role].toLowerCase())}.</strong> Copy it now:
        it is shown only once.
      </p>
      <div className="link-line">
        <code data-testid="invite-link">{link}</code>
        <button ref={copyRef} type="button" onClick={() => void copy()} data-testid="invite-copy">
          {copied === 'yes' ? 'Copied' : 'Copy link'}
        </button>
        <button type="button" className="link-button" onClick={onDismiss}>
          Done
        </button>
      </div>
      <p className="hint" aria-live="polite">
        {copied === 'yes' && 'The link is on your clipboard.'}
        {copied === 'failed' &&
          'Copying was not allowed here: select the link and copy it yourself.'}
      </p>
    </div>
  )
}
