// Private writing for a participant: while the phase is private, their new stories go into their
// own draft room (see draftSession.ts), listed here and marked private. Nobody else receives them,
// facilitators included, until the facilitator reveals: then the server moves them onto the board.
import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { BoardSession } from '../board/createSession.ts'
import { screenToCanvas } from '../geometry/camera.ts'
import { getMe } from '../home/auth.ts'
import { useStore } from '../store/useStore.ts'
import { openDrafts, type DraftSession } from './draftSession.ts'
import { writesPrivately } from './sessionRules.ts'
import { useSession } from './useSession.ts'

export function PrivateDrafts({ session }: { session: BoardSession }) {
  const { session: state } = useSession(session.doc)
  const role = useStore(session.access, (a) => (a.endedBy === null ? a.role : null))
  const active = writesPrivately(state, role)
  const [drafts, setDrafts] = useState<DraftSession | null>(null)

  useEffect(() => {
    if (!active) return
    let live = true
    let opened: DraftSession | null = null
    void getMe().then((r) => {
      if (!live) return
      if (!r.ok) return session.ui.setState({ notice: `Private writing is not available: ${r.error.message}` })
      opened = openDrafts(session.boardId, r.value.user.id)
      setDrafts(opened)
    })
    return () => {
      live = false
      opened?.destroy()
      setDrafts(null)
    }
  }, [active, session])

  if (!active) return null
  return (
    <aside className="private-drafts" aria-label="Your private stories" data-testid="private-drafts">
      <h2>
        Your private stories <span className="private-tag">private</span>
      </h2>
      <p className="private-note">Only you can see these. They join the board when the facilitator reveals them.</p>
      {drafts ? <DraftList session={session} drafts={drafts} /> : <p className="loading">Opening your drafts…</p>}
    </aside>
  )
}

function DraftList({ session, drafts }: { session: BoardSession; drafts: DraftSession }) {
  const stories = useStore(drafts, (s) => s.stories)
  const synced = useStore(drafts, (s) => s.synced)
  const colour = useStore(session.ui, (s) => s.colour)
  const [text, setText] = useState('')
  const input = useRef<HTMLTextAreaElement>(null)
  const focusRequest = useStore(session.ui, (s) => s.draftsFocus)
  // N or a double-click on the board during private writing lands here.
  useEffect(() => {
    if (focusRequest) input.current?.focus()
  }, [focusRequest])
  const add = (e: FormEvent) => {
    e.preventDefault()
    if (!text.trim()) return
    const { camera, viewport } = session.ui.getState()
    const r = drafts.add(text.trim(), screenToCanvas(camera, { x: viewport.w / 2, y: viewport.h / 2 }), colour)
    if (r.ok) setText('')
    else session.ui.setState({ notice: r.error.message })
  }
  return (
    <>
      <form onSubmit={add} className="draft-form">
        <label htmlFor="draft-input">A story: what happened, for whom, what changed?</label>
        <textarea
          ref={input}
          id="draft-input"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            // Enter adds the story (as in any one-line form); Shift+Enter starts a new line.
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) add(e)
          }}
          aria-describedby="draft-input-hint"
          rows={3}
          maxLength={20_000}
          data-testid="draft-input"
        />
        <span id="draft-input-hint" className="hint">
          Enter adds it; Shift+Enter starts a new line.
        </span>
        <button type="submit" className="primary" disabled={!text.trim() || !synced} data-testid="draft-add">
          Add private story
        </button>
      </form>
      <ul className="draft-list" data-testid="draft-list" data-count={stories.length} data-synced={synced}>
        {stories.map((s) => (
          <li key={s.id} className="draft-story" style={{ background: s.colour }} data-testid="draft-story" data-story-id={s.id}>
            <span className="private-tag">private</span>
            <span className="draft-text">{s.text || '(empty)'}</span>
            <button type="button" className="link-button" onClick={() => drafts.remove(s.id)} aria-label="Delete this private story">
              Delete
            </button>
          </li>
        ))}
      </ul>
    </>
  )
}
