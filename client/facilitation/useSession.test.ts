import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { emptySession, readSession, SESSION_KEY } from '../../shared/model/facilitation.ts'
import { ROOT } from '../../shared/model/layout.ts'
import { templateById } from '../../shared/templates/index.ts'
import { sessionView, watchSession, type SessionView } from './useSession.ts'

describe('watchSession', () => {
  it('follows the session root as the server writes it, and reads an ended session as none', () => {
    const doc = new Y.Doc()
    const seen: SessionView[] = []
    const stop = watchSession(doc, (v) => seen.push(v))
    const tpl = templateById('team-reflection')!
    doc.getMap(ROOT.session).set(SESSION_KEY, { ...emptySession(), templateId: tpl.id, templateVersion: tpl.version, phases: tpl.phases, phaseIndex: 1 })
    expect(seen.at(-1)!.phase?.id).toBe(tpl.phases[1]!.id)
    expect(seen.at(-1)!.template?.name).toBe(tpl.name)
    doc.getMap(ROOT.session).delete(SESSION_KEY)
    expect(seen.at(-1)!.session).toBeNull()
    stop()
    doc.getMap(ROOT.session).set(SESSION_KEY, emptySession())
    expect(seen).toHaveLength(2)
  })

  it('treats a malformed session value as no session', () => {
    const doc = new Y.Doc()
    doc.getMap(ROOT.session).set(SESSION_KEY, { phases: 'nope' })
    expect(sessionView(readSession(doc)).session).toBeNull()
  })
})
