// Links in stories come from other people as CRDT structure, not through the editor's parser, so
// every href is checked when rendered or inserted. Pure module.
const ALLOWED = /^(https?:|mailto:)/i

export function safeHref(raw: string): string | null {
  const href = raw.trim()
  if (!href) return null
  if (ALLOWED.test(href)) return href
  // A bare domain becomes https; anything with another scheme (javascript:, data:) is refused.
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return null
  return `https://${href}`
}
