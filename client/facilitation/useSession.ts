// The board's facilitated session, read live from the server-only `session` root of the board's
// Y.Doc (the server writes it; everyone receives it). Parsed once per change so React gets a
// stable snapshot; nothing here writes.
import { useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { readSession, type Phase, type SessionState } from '../../shared/model/facilitation.ts'
import { ROOT } from '../../shared/model/layout.ts'
import { templateById } from '../../shared/templates/index.ts'
import type { Template } from '../../shared/model/facilitation.ts'

export type SessionView = {
  /** null when no session runs on this board. */
  session: SessionState | null
  phase: Phase | null
  phaseIndex: number
  /** The template as this build knows it (null for an unknown id); phases come from `session`. */
  template: Template | null
}

const NONE: SessionView = { session: null, phase: null, phaseIndex: 0, template: null }

export function sessionView(session: SessionState | null): SessionView {
  if (!session) return NONE
  return { session, phase: session.phases[session.phaseIndex] ?? null, phaseIndex: session.phaseIndex, template: templateById(session.templateId) ?? null }
}

/** Calls `onChange` with the parsed session whenever the `session` root changes; returns stop. */
export function watchSession(doc: Y.Doc, onChange: (view: SessionView) => void): () => void {
  const map = doc.getMap(ROOT.session)
  const handler = () => onChange(sessionView(readSession(doc)))
  map.observe(handler)
  return () => map.unobserve(handler)
}

export function useSession(doc: Y.Doc): SessionView {
  const source = useMemo(() => {
    let current = sessionView(readSession(doc))
    return {
      get: () => current,
      subscribe: (notify: () => void) =>
        watchSession(doc, (next) => {
          current = next
          notify()
        }),
    }
  }, [doc])
  return useSyncExternalStore(source.subscribe, source.get, source.get)
}
