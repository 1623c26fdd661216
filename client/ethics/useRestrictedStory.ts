// A restricted story as an owner or facilitator sees it: the placeholder's place from the board
// document, the content from the restricted room (opened while this hook is mounted). Others get
// null and see only the placeholder.
import { useEffect, useState } from 'react'
import { can } from '../../shared/access/roles.ts'
import { storiesMap } from '../../shared/model/layout.ts'
import { readRestrictedStory } from '../../shared/model/restricted.ts'
import type { Story } from '../../shared/model/story.ts'
import type { BoardSession } from '../board/createSession.ts'
import { useStore } from '../store/useStore.ts'
import { openRestrictedRoom, type RestrictedRoom } from './restrictedRoom.ts'

export type RestrictedView = { story: Story | null; room: RestrictedRoom | null; loading: boolean }

export function useRestrictedStory(session: BoardSession, storyId: string, restricted: boolean): RestrictedView {
  const role = useStore(session.access, (a) => a.role)
  const allowed = restricted && can(role, 'seeRestricted')
  const [room, setRoom] = useState<RestrictedRoom | null>(null)
  const [view, setView] = useState<{ story: Story | null; synced: boolean }>({ story: null, synced: false })

  useEffect(() => {
    if (!allowed) return
    const r = openRestrictedRoom(session.boardId)
    setRoom(r)
    const read = () =>
      setView({
        story: readRestrictedStory(storyId, storiesMap(session.doc).get(storyId), storiesMap(r.doc).get(storyId), []),
        synced: r.provider.synced,
      })
    r.doc.on('update', read)
    session.doc.on('update', read)
    r.provider.on('sync', read)
    read()
    return () => {
      r.doc.off('update', read)
      session.doc.off('update', read)
      r.destroy()
      setRoom(null)
      setView({ story: null, synced: false })
    }
  }, [allowed, session, storyId])

  return { story: allowed ? view.story : null, room: allowed ? room : null, loading: allowed && !view.synced }
}
