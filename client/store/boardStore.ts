// The board document as an external store: validated snapshots of stories (with their rich text as
// drawable blocks), patterns and membership, kept up to date incrementally from Yjs events so a
// keystroke on one story re-reads that story only. One store per board session. No React, no DOM.
import * as Y from 'yjs'
import { BoardMeta } from '../../shared/model/board.ts'
import { membersMap, metaMap, patternsMap, storiesMap } from '../../shared/model/layout.ts'
import { MembershipEntry, Pattern, PATTERN_KEYS, type Member } from '../../shared/model/pattern.ts'
import { readStory } from '../../shared/model/readBoard.ts'
import { fragmentText } from '../../shared/model/richText.ts'
import { STORY_KEYS, type Story } from '../../shared/model/story.ts'
import { compareZ } from '../../shared/model/zorder.ts'
import type { Problem } from '../../shared/result.ts'
import { blocksOf, type Block } from '../canvas/richBlocks.ts'
import { createSpatialIndex, type SpatialIndex } from '../geometry/spatialIndex.ts'
import { createStore, type Store } from './createStore.ts'

export type StoryView = Story & { blocks: Block[] }

export type BoardState = {
  meta: BoardMeta | null
  stories: ReadonlyMap<string, StoryView>
  /** Story ids back to front. */
  order: readonly string[]
  /** Position of each id in `order` (higher is in front). */
  rank: ReadonlyMap<string, number>
  patterns: readonly Pattern[]
  /** storyId → patternId */
  membership: ReadonlyMap<string, string>
  problems: readonly Problem[]
}

export type BoardStore = Store<BoardState> & { index: SpatialIndex; dispose(): void }

export const boxOf = (s: Pick<Story, 'pos' | 'size'>) => ({ x: s.pos.x, y: s.pos.y, w: s.size.w, h: s.size.h })

export function readStoryView(id: string, map: unknown, problems: Problem[]): StoryView | null {
  const story = readStory(id, map, problems)
  if (!story) return null
  const text = map instanceof Y.Map ? map.get(STORY_KEYS.text) : undefined
  return { ...story, blocks: blocksOf(text instanceof Y.XmlFragment ? text : null) }
}

function readPatterns(doc: Y.Doc, storyIds: ReadonlyMap<string, unknown>) {
  const membership = new Map<string, string>()
  const byPattern = new Map<string, Member[]>()
  for (const [storyId, raw] of membersMap(doc).entries()) {
    const entry = MembershipEntry.safeParse(raw)
    if (!entry.success || !storyIds.has(storyId)) continue
    membership.set(storyId, entry.data.pattern)
    const list = byPattern.get(entry.data.pattern) ?? []
    list.push({ storyId, role: entry.data.role })
    byPattern.set(entry.data.pattern, list)
  }
  const patterns: Pattern[] = []
  for (const [id, map] of patternsMap(doc).entries()) {
    if (!(map instanceof Y.Map)) continue
    const raw: Record<string, unknown> = Object.fromEntries(map.entries())
    const description = raw[PATTERN_KEYS.description]
    const parsed = Pattern.safeParse({
      ...raw,
      id,
      description: description instanceof Y.XmlFragment ? fragmentText(description) : '',
      members: byPattern.get(id) ?? [],
    })
    if (parsed.success) patterns.push(parsed.data)
  }
  patterns.sort(compareZ)
  return { patterns, membership }
}

export function createBoardStore(doc: Y.Doc): BoardStore {
  const index = createSpatialIndex()
  const stories = new Map<string, StoryView>()
  const problems: Problem[] = []
  for (const [id, map] of storiesMap(doc).entries()) {
    const view = readStoryView(id, map, problems)
    if (view) {
      stories.set(id, view)
      index.set(id, boxOf(view))
    }
  }
  const sortOrder = (map: ReadonlyMap<string, StoryView>) => {
    const order = [...map.values()].sort(compareZ).map((s) => s.id)
    return { order, rank: new Map(order.map((id, i) => [id, i])) }
  }
  const meta = () => {
    const parsed = BoardMeta.safeParse(metaMap(doc).toJSON())
    return parsed.success ? parsed.data : null
  }
  const store = createStore<BoardState>({
    meta: meta(),
    stories,
    ...sortOrder(stories),
    ...readPatterns(doc, stories),
    problems,
  })

  const onStories = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const dirty = new Set<string>()
    for (const e of events) {
      if (e.target === storiesMap(doc)) for (const key of (e as Y.YMapEvent<unknown>).keysChanged) dirty.add(key)
      else if (typeof e.path[0] === 'string') dirty.add(e.path[0])
    }
    if (dirty.size === 0) return
    const prev = store.getState()
    const next = new Map(prev.stories)
    const found: Problem[] = []
    let restack = false
    for (const id of dirty) {
      const view = readStoryView(id, storiesMap(doc).get(id), found)
      const old = next.get(id)
      if (view) {
        next.set(id, view)
        index.set(id, boxOf(view))
        if (!old || old.z !== view.z) restack = true
      } else {
        next.delete(id)
        index.delete(id)
        restack = true
      }
    }
    const membershipChanged = [...dirty].some((id) => prev.stories.has(id) !== next.has(id))
    store.setState({
      stories: next,
      ...(restack ? sortOrder(next) : {}),
      ...(membershipChanged ? readPatterns(doc, next) : {}),
      problems: found.length ? found : prev.problems,
    })
  }
  const onPatterns = () => store.setState(readPatterns(doc, store.getState().stories))
  const onMeta = () => store.setState({ meta: meta() })

  storiesMap(doc).observeDeep(onStories)
  patternsMap(doc).observeDeep(onPatterns)
  membersMap(doc).observe(onPatterns)
  metaMap(doc).observe(onMeta)

  return {
    ...store,
    index,
    dispose() {
      storiesMap(doc).unobserveDeep(onStories)
      patternsMap(doc).unobserveDeep(onPatterns)
      membersMap(doc).unobserve(onPatterns)
      metaMap(doc).unobserve(onMeta)
    },
  }
}
