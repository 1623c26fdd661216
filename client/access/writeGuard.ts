// A backstop under every editing control: while `allowed()` is false, this session's own writes
// (every `doc.transact` call the app makes: shared/ops, the clipboard, the text editor) are
// dropped before they touch the document. Updates from the server and the offline copy arrive
// through Yjs's internal transactions and are never affected. The server refuses an observer's
// writes anyway; this keeps the local document (and its offline copy) equal to the server's.
import type * as Y from 'yjs'

export function guardWrites(doc: Y.Doc, allowed: () => boolean, onRefused: () => void): () => void {
  const original = doc.transact.bind(doc)
  const guarded = <T>(f: (tr: Y.Transaction) => T, origin?: unknown): T => {
    if (allowed()) return original(f, origin)
    onRefused()
    return undefined as T
  }
  doc.transact = guarded
  return () => {
    // Removing the own property brings back the prototype's method.
    if (doc.transact === guarded) delete (doc as { transact?: unknown }).transact
  }
}

/**
 * Runs `f` with the document's own `transact`, past the guard: for housekeeping that writes no
 * content (clearing the undo stacks after a withdrawal), which must happen for observers too.
 */
export function unguarded<T>(doc: Y.Doc, f: () => T): T {
  const own = Object.getOwnPropertyDescriptor(doc, 'transact')
  if (!own) return f()
  delete (doc as { transact?: unknown }).transact
  try {
    return f()
  } finally {
    Object.defineProperty(doc, 'transact', own)
  }
}
