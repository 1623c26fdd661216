// Links in stories come from other people as CRDT structure, not through the editor's parser, so
// every href is checked when rendered or inserted. Pure module.
const ALLOWED = /^(https?:|mailto:)/i

export function safeHref(raw: string): string | null {
  // Browsers drop tabs, newlines and control characters inside URLs ("java\tscript:" runs as
  // javascript:), so the scheme is judged without them.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const href = raw.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '')
  if (!href) return null
  if (ALLOWED.test(href)) return href
  // A bare domain becomes https; anything with another scheme (javascript:, data:) is refused.
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return null
  return `https://${href}`
}
