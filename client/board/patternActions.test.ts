// Grouping and tidying over a real document and board store: a pattern's area never holds a story
// that is not its member, and tidying never puts one story on another.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { STORY_COLOURS } from '../../shared/model/geometry.ts'
import type { Origin } from '../../shared/model/layout.ts'
import { readBoard } from '../../shared/model/readBoard.ts'
import { createPattern } from '../../shared/ops/pattern.ts'
import { createStory } from '../../shared/ops/story.ts'
import { accessFromBoard } from '../access/boardAccess.ts'
import { boxesIntersect } from '../geometry/camera.ts'
import { createBoardStore } from '../store/boardStore.ts'
import { createStore } from '../store/createStore.ts'
import type { BoardSession } from './createSession.ts'
import { groupIntoPattern, tidyPattern } from './patternActions.ts'
import { initialUi, type UiState } from './uiState.ts'
import { createUndoManager } from './undoManager.ts'

function session(): BoardSession {
  const doc = new Y.Doc()
  const origin: Origin = { kind: 'local' }
  const s = {
    boardId: 'board1',
    doc,
    origin,
    access: createStore(accessFromBoard({ role: 'contributor', anonymous: false })),
    ui: createStore<UiState>({ ...initialUi(STORY_COLOURS[0]), viewport: { w: 800, h: 600 } }),
    board: createBoardStore(doc),
    undo: createUndoManager(doc, origin),
    setPresence: () => undefined,
  }
  return s as unknown as BoardSession
}

const add = (s: BoardSession, x: number, y: number) => {
  const r = createStory(s.doc, { pos: { x, y }, text: `at ${x},${y}` }, s.origin)
  if (!r.ok) throw new Error(r.error.message)
  return r.value.id
}

const box = (st: { pos: { x: number; y: number }; size: { w: number; h: number } }) => ({ ...st.pos, ...st.size })

/** Non-members inside each pattern's area, and pairs of stories on top of each other. */
function problems(s: BoardSession): { inside: string[]; overlapping: string[] } {
  const { stories, patterns } = readBoard(s.doc)
  const inside: string[] = []
  const overlapping: string[] = []
  for (const p of patterns) {
    const members = new Set(p.members.map((m) => m.storyId))
    for (const st of stories) if (!members.has(st.id) && boxesIntersect(box(st), p.area)) inside.push(`${st.text} in ${p.name || p.id}`)
  }
  for (let i = 0; i < stories.length; i++)
    for (let j = i + 1; j < stories.length; j++) if (boxesIntersect(box(stories[i]!), box(stories[j]!))) overlapping.push(`${stories[i]!.text} / ${stories[j]!.text}`)
  return { inside, overlapping }
}

describe('grouping geometry', () => {
  it('G around two far-apart stories moves the stories between them out of the area; the label counts what the area shows', () => {
    const s = session()
    const a = add(s, 0, 0)
    const b = add(s, 700, 400)
    add(s, 350, 200)
    add(s, 240, 20)
    add(s, 1200, 0)
    s.ui.setState({ selection: new Set([a, b]) })
    const id = groupIntoPattern(s, 'Waiting')!
    const p = readBoard(s.doc).patterns.find((x) => x.id === id)!
    expect(p.members.map((m) => m.storyId).sort()).toEqual([a, b].sort())
    expect(problems(s)).toEqual({ inside: [], overlapping: [] })
    // The members did not move; one undo takes back the pattern and the moves together.
    expect(readBoard(s.doc).stories.find((x) => x.id === a)!.pos).toEqual({ x: 0, y: 0 })
  })

  it('Tidy never puts a story on another, nor leaves someone else\'s story inside the fitted area', () => {
    const s = session()
    const members = [add(s, 0, 0), add(s, 1000, 0), add(s, 0, 800), add(s, 1000, 800)]
    // Where the tidied grid will put the second and third members (the area's corner + 32, cells of 200×140 + 24).
    const under = add(s, -100 + 32 + 224, -100 + 32)
    const alsoUnder = add(s, -100 + 32, -100 + 32 + 164)
    const made = createPattern(s.doc, { name: 'Spread', area: { x: -100, y: -100, w: 1400, h: 1100 }, storyIds: members }, s.origin)
    if (!made.ok) throw new Error(made.error.message)
    tidyPattern(s, made.value.id)
    expect(problems(s)).toEqual({ inside: [], overlapping: [] })
    const moved = readBoard(s.doc).stories.filter((x) => x.id === under || x.id === alsoUnder)
    expect(moved).toHaveLength(2)
  })

  it('a story of another pattern moved out of a new area does not land inside a third pattern', () => {
    const s = session()
    const a = add(s, 0, 0)
    const b = add(s, 500, 0)
    add(s, 260, 0)
    const right = add(s, 800, 0)
    const blocker = createPattern(s.doc, { name: 'Beside', area: { x: 760, y: -40, w: 300, h: 230 }, storyIds: [right] }, s.origin)
    if (!blocker.ok) throw new Error(blocker.error.message)
    s.ui.setState({ selection: new Set([a, b]) })
    groupIntoPattern(s, 'Pair')
    expect(problems(s)).toEqual({ inside: [], overlapping: [] })
  })
})
