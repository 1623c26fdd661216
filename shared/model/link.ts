// Which links a story may carry. Links come from other people as CRDT structure (or in an imported
// file), not through the editor's parser, so every href is checked where it is rendered, inserted,
// exported or imported: only http(s) and mailto. Pure module: no DOM, no Yjs.
const ALLOWED = /^(https?:|mailto:)/i

/**
 * The href to keep, or null to drop the link (its text stays). `typed`: a person just typed or
 * pasted it in the editor, so a bare domain ("example.org") means https; in a document or a file a
 * link without a scheme is refused.
 */
export function safeHref(raw: string, { typed = false } = {}): string | null {
  // Browsers drop tabs, newlines and control characters inside URLs ("java\tscript:" runs as
  // javascript:), so the scheme is judged without them.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const href = raw.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '')
  if (!href) return null
  if (ALLOWED.test(href)) return href
  // Another scheme (javascript:, data:) is always refused.
  if (!typed || /^[a-z][a-z0-9+.-]*:/i.test(href)) return null
  return `https://${href}`
}
