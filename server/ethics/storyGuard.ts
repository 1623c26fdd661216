// What a room refuses for research-ethics reasons, kept in step with its document: the ids of
// withdrawn stories (nothing may be written under them again) and, in a board's shared document,
// the restricted placeholders (no text or fields may be written into them). Read from the
// document itself, so every instance and every reload agrees without another store.
import * as Y from 'yjs'
import { parseRoom } from '../../shared/model/facilitation.ts'
import { storiesMap } from '../../shared/model/layout.ts'
import { PLACEHOLDER_WRITABLE_KEYS } from '../../shared/model/restricted.ts'
import { STORY_KEYS } from '../../shared/model/story.ts'
import { withdrawnMap } from '../../shared/model/withdrawal.ts'
import type { RestrictedGuard } from '../sync/updateCheck.ts'

export type StoryGuardOptions = {
  withdrawn: ReadonlySet<string>
  restricted?: RestrictedGuard
  sensitivityByServer?: { key: string }
}

export class StoryGuard {
  private readonly withdrawn = new Set<string>()
  private readonly restricted = new Set<string>()
  /** Only a board's shared document holds placeholders; its restricted and draft rooms hold content. */
  private readonly shared: boolean

  constructor(room: string, doc: Y.Doc) {
    const parsed = parseRoom(room)
    this.shared = parsed !== null && parsed.draftOf === null && !parsed.restricted
    const marks = withdrawnMap(doc)
    for (const id of marks.keys()) this.withdrawn.add(id)
    marks.observe((e) => {
      for (const id of e.keysChanged) {
        if (marks.has(id)) this.withdrawn.add(id)
        else this.withdrawn.delete(id)
      }
    })
    if (!this.shared) return
    const stories = storiesMap(doc) as Y.Map<unknown>
    for (const id of stories.keys()) this.recheck(stories, id)
    stories.observeDeep((events) => {
      for (const e of events) {
        if (!(e instanceof Y.YMapEvent)) continue
        if (e.target === stories) for (const id of e.keysChanged) this.recheck(stories, id)
        else if (e.path.length === 1 && e.keysChanged.has(STORY_KEYS.sensitivity)) {
          this.recheck(stories, String(e.path[0]))
        }
      }
    })
  }

  private recheck(stories: Y.Map<unknown>, id: string): void {
    const map = stories.get(id)
    if (map instanceof Y.Map && map.get(STORY_KEYS.sensitivity) === 'restricted') this.restricted.add(id)
    else this.restricted.delete(id)
  }

  /** The checks for updateCheck. */
  options(): StoryGuardOptions {
    return {
      withdrawn: this.withdrawn,
      restricted: this.shared
        ? { ids: this.restricted, writable: PLACEHOLDER_WRITABLE_KEYS, marker: { key: STORY_KEYS.sensitivity, value: 'restricted' } }
        : undefined,
      // What travels to linked boards follows sensitivity: only the server changes it, and audits it.
      sensitivityByServer: this.shared ? { key: STORY_KEYS.sensitivity } : undefined,
    }
  }
}
