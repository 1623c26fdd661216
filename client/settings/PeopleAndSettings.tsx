// "People & settings" on the board header: a dialog with tabs for the members, invite links,
// board settings and the audit log, each shown only to the roles that may use it.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { Role } from '../../shared/access/roles.ts'
import type { BoardWithAccess } from '../access/accessApi.ts'
import { reduceAccess } from '../access/boardAccess.ts'
import { settingsTabsFor, type SettingsTab } from '../access/people.ts'
import type { BoardSession } from '../board/createSession.ts'
import { getMe } from '../home/auth.ts'
import { useStore } from '../store/useStore.ts'
import { AuditLogSection } from './AuditLogSection.tsx'
import { BoardSettingsSection } from './BoardSettingsSection.tsx'
import { Dialog } from './Dialog.tsx'
import { InvitesSection } from './InvitesSection.tsx'
import { MembersSection } from './MembersSection.tsx'
import './settings.css'

const TAB_LABELS: Record<SettingsTab, string> = {
  people: 'People',
  invites: 'Invite links',
  settings: 'Board settings',
  audit: 'Audit log',
}

export function PeopleAndSettings({ session }: { session: BoardSession }) {
  const [open, setOpen] = useState(false)
  const role = useStore(session.access, (a) => a.role)
  const ended = useStore(session.access, (a) => a.endedBy !== null)
  if (ended) return null
  return (
    <>
      <button
        type="button"
        className="people-button"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        aria-label="People & settings"
        title="People & settings"
        data-testid="people-settings-button"
      >
        People<span className="wide-only"> &amp; settings</span>
      </button>
      {open && <PeopleDialog session={session} role={role} onClose={() => setOpen(false)} />}
    </>
  )
}

function PeopleDialog({
  session,
  role,
  onClose,
}: {
  session: BoardSession
  role: Role | null
  onClose: () => void
}) {
  const tabs = settingsTabsFor(role)
  const [tab, setTab] = useState<SettingsTab>('people')
  const [meId, setMeId] = useState<string | null>(null)
  const tabRefs = useRef(new Map<SettingsTab, HTMLButtonElement>())
  const current = tabs.includes(tab) ? tab : 'people'

  useEffect(() => {
    void getMe().then((r) => r.ok && setMeId(r.value.user.id))
  }, [])

  // Arrow keys move between tabs (the WAI-ARIA tabs pattern); Tab moves into the panel.
  const onTabKey = (e: KeyboardEvent) => {
    const i = tabs.indexOf(current)
    const next =
      e.key === 'ArrowRight'
        ? tabs[(i + 1) % tabs.length]
        : e.key === 'ArrowLeft'
          ? tabs[(i - 1 + tabs.length) % tabs.length]
          : e.key === 'Home'
            ? tabs[0]
            : e.key === 'End'
              ? tabs[tabs.length - 1]
              : undefined
    if (!next) return
    e.preventDefault()
    setTab(next)
    tabRefs.current.get(next)?.focus()
  }

  // Saved settings: the board answer has no role, so mine is kept.
  const onSaved = (board: BoardWithAccess) =>
    session.access.setState(
      reduceAccess(session.access.getState(), { type: 'board', body: { ...board, role } }),
    )

  return (
    <Dialog
      title="People & settings"
      onClose={onClose}
      className="people-dialog"
      testId="people-dialog"
    >
      <div
        className="people-tabs"
        role="tablist"
        aria-label="People and settings"
        onKeyDown={onTabKey}
      >
        {tabs.map((t) => (
          <button
            key={t}
            ref={(el) => void (el ? tabRefs.current.set(t, el) : tabRefs.current.delete(t))}
            type="button"
            role="tab"
            id={`people-tab-${t}`}
            aria-selected={t === current}
            aria-controls="people-tabpanel"
            tabIndex={t === current ? 0 : -1}
            onClick={() => setTab(t)}
            data-testid={`people-tab-${t}`}
          >
            {TAB_LABELS[t]}
          </button>
        ))}
      </div>
      <div
        className="people-panel"
        role="tabpanel"
        id="people-tabpanel"
        aria-labelledby={`people-tab-${current}`}
      >
        {current === 'people' && (
          <MembersSection boardId={session.boardId} actor={role} meId={meId} />
        )}
        {current === 'invites' && <InvitesSection boardId={session.boardId} actor={role} />}
        {current === 'settings' && (
          <BoardSettingsSection boardId={session.boardId} onSaved={onSaved} />
        )}
        {current === 'audit' && <AuditLogSection boardId={session.boardId} />}
      </div>
    </Dialog>
  )
}
