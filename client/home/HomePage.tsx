// Home: the boards this person can open, and a form to create one.
import { useEffect, useState } from 'react'
import { ELEMENT_LABELS, SCALE_LABELS, type CycleElement } from '../../shared/model/cycle.ts'
import { boardPath } from '../app/route.ts'
import { MapLink } from '../cycles/MapLink.tsx'
import { ProfileMenu } from '../settings/ProfileMenu.tsx'
import type { Me } from './auth.ts'
import { listBoards, type ApiError, type BoardSummary } from './api.ts'
import { forgetBoardsNotListed } from '../board/offlineCopy.ts'
import { CreateBoardForm } from './CreateBoardForm.tsx'
import { ImportBoardForm } from '../export/ImportBoardForm.tsx'
import { ErrorNote } from './ErrorNote.tsx'

const when = (v: number | string) => {
  const d = new Date(v)
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })
}

type Props = { navigate: (path: string) => void; me: Me | null; onProfile?: (me: Me) => void }

export function HomePage({ navigate, me, onProfile }: Props) {
  const [boards, setBoards] = useState<BoardSummary[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)

  useEffect(() => {
    let live = true
    void listBoards().then((r) => {
      if (!live) return
      if (r.ok) {
        setBoards(r.value.boards)
        // Access that ended while no board page was open: those boards' copies go now.
        void forgetBoardsNotListed(indexedDB, r.value.boards.map((b) => b.id))
      } else setError(r.error)
    })
    return () => {
      live = false
    }
  }, [])

  const open = (e: React.MouseEvent, id: string) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return
    e.preventDefault()
    navigate(boardPath(id))
  }

  return (
    <main className="page home">
      <header className="home-header">
        <h1>Learning Wall</h1>
        <p className="hint">Stories from your experiments, clustered into patterns, carried up the learning cycles.</p>
        {me && <ProfileMenu me={me} onChanged={(next) => onProfile?.(next)} />}
      </header>
      <div className="home-grid">
        <section aria-labelledby="boards-heading">
          <h2 id="boards-heading">Your boards</h2>
          <MapLink />
          {error && <ErrorNote error={error} title="Could not load your boards." />}
          {!error && boards === null && <p aria-live="polite">Loading boards…</p>}
          {boards?.length === 0 && <p>No boards yet. Create the first one for your learning cycle.</p>}
          {boards && boards.length > 0 && (
            <ul className="board-list" data-testid="board-list">
              {boards.map((b) => (
                <li key={b.id} data-board-id={b.id}>
                  <a href={boardPath(b.id)} onClick={(e) => open(e, b.id)}>
                    <span className="board-title">{b.title}</span>
                    <span className="board-meta">
                      {SCALE_LABELS[b.scale] ?? b.scale} scale · {ELEMENT_LABELS[b.element as CycleElement] ?? b.element} · {when(b.updatedAt)}
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
        {me?.kind !== 'guest' && (
          <div>
            <CreateBoardForm onCreated={(b) => navigate(boardPath(b.id))} />
            <ImportBoardForm onImported={(b) => navigate(boardPath(b.id))} />
          </div>
        )}
      </div>
    </main>
  )
}
