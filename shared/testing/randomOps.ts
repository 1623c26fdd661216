// Random but valid board operations for the convergence fuzz, chosen by a seeded PRNG.
// Each picks its targets from the peer's own doc, as a person at that peer would.
import * as Y from 'yjs'
import { STORY_COLOURS } from '../model/geometry.ts'
import { conditionsMap, patternsMap, storiesMap, type Origin } from '../model/layout.ts'
import { updateBoardMeta } from '../ops/board.ts'
import {
  createPattern,
  deletePattern,
  movePattern,
  setMembership,
  updatePattern,
} from '../ops/pattern.ts'
import {
  bringToFront,
  createStories,
  createStory,
  deleteStories,
  duplicateStories,
  moveStories,
  recolourStories,
  resizeStory,
  sendToBack,
  updateStoryFields,
} from '../ops/story.ts'
import { placeCard, setCardMembership } from '../ops/placement.ts'
import type { Result } from '../result.ts'
import type { Rng } from './prng.ts'

const WORDS = ['rent', 'trust', 'debt', 'nurse', 'door', 'bus', 'form', 'wait', '<b>', 'é']
const sorted = (keys: Iterable<string>) => [...keys].sort()

type Ctx = { doc: Y.Doc; rng: Rng; origin: Origin; stories: string[]; patterns: string[]; cards: string[] }
type RandomOp = {
  name: string
  weight: number
  needs?: 'story' | 'pattern' | 'card'
  run(c: Ctx): Result<unknown>
}

const point = (rng: Rng) => ({ x: rng.int(4000) - 2000, y: rng.int(4000) - 2000 })
const words = (rng: Rng) => Array.from({ length: 1 + rng.int(4) }, () => rng.pick(WORDS)).join(' ')

/** One new story as a person (or an imported row) would write it. */
const storyInput = (rng: Rng) => ({
  pos: point(rng),
  ...(rng.chance(0.6) && { text: `${words(rng)}\n${words(rng)}` }),
  ...(rng.chance(0.3) && { author: `user-${rng.int(3)}` }),
  ...(rng.chance(0.3) && { fields: { tags: [rng.pick(WORDS)], outcome: 'better' } }),
})

const OPS: RandomOp[] = [
  {
    name: 'createStory',
    weight: 3,
    run: ({ doc, rng, origin }) => createStory(doc, storyInput(rng), origin),
  },
  {
    // An import or a CSV drop: a few stories stacked in one transaction, often while others write.
    name: 'createStories',
    weight: 1,
    run: ({ doc, rng, origin }) =>
      createStories(doc, { stories: Array.from({ length: 2 + rng.int(5) }, () => storyInput(rng)) }, origin),
  },
  {
    name: 'moveStories',
    weight: 4,
    needs: 'story',
    run: ({ doc, rng, origin, stories }) =>
      moveStories(
        doc,
        { moves: rng.some(stories, 3).map((id) => ({ id, pos: point(rng) })) },
        origin,
      ),
  },
  {
    name: 'deleteStories',
    weight: 1,
    needs: 'story',
    run: (c) => deleteStories(c.doc, { ids: c.rng.some(c.stories, 2) }, c.origin),
  },
  {
    name: 'setMembership',
    weight: 4,
    needs: 'story',
    run: ({ doc, rng, origin, stories, patterns }) =>
      setMembership(
        doc,
        {
          storyId: rng.pick(stories),
          pattern: patterns.length && rng.chance(0.8) ? rng.pick(patterns) : null,
          role: rng.pick(['supports', 'counter-example'] as const),
        },
        origin,
      ),
  },
  {
    name: 'createPattern',
    weight: 1,
    run: ({ doc, rng, origin, stories }) =>
      createPattern(
        doc,
        {
          name: words(rng),
          area: { ...point(rng), w: 400, h: 300 },
          storyIds: stories.length ? rng.some(stories, 2) : [],
        },
        origin,
      ),
  },
  {
    name: 'deletePattern',
    weight: 0.5,
    needs: 'pattern',
    run: (c) => deletePattern(c.doc, { id: c.rng.pick(c.patterns) }, c.origin),
  },
  {
    name: 'movePattern',
    weight: 2,
    needs: 'pattern',
    run: (c) => movePattern(c.doc, { id: c.rng.pick(c.patterns), to: point(c.rng) }, c.origin),
  },
  {
    name: 'updatePattern',
    weight: 1,
    needs: 'pattern',
    run: (c) =>
      updatePattern(
        c.doc,
        {
          id: c.rng.pick(c.patterns),
          name: words(c.rng),
          confidence: c.rng.pick(['low', 'high', null]),
        },
        c.origin,
      ),
  },
  { name: 'editText', weight: 5, needs: 'story', run: (c) => editText(c) },
  {
    name: 'recolourStories',
    weight: 2,
    needs: 'story',
    run: (c) =>
      recolourStories(
        c.doc,
        { ids: c.rng.some(c.stories, 3), colour: c.rng.pick(STORY_COLOURS) },
        c.origin,
      ),
  },
  {
    name: 'restack',
    weight: 2,
    needs: 'story',
    run: (c) =>
      (c.rng.chance(0.5) ? bringToFront : sendToBack)(
        c.doc,
        { ids: c.rng.some(c.stories, 2) },
        c.origin,
      ),
  },
  {
    name: 'duplicateStories',
    weight: 1,
    needs: 'story',
    run: (c) =>
      duplicateStories(
        c.doc,
        { ids: c.rng.some(c.stories, 2), ...(c.rng.chance(0.5) && { author: 'user-9' }) },
        c.origin,
      ),
  },
  {
    name: 'updateStoryFields',
    weight: 2,
    needs: 'story',
    run: (c) =>
      updateStoryFields(
        c.doc,
        {
          id: c.rng.pick(c.stories),
          fields: { outcome: c.rng.pick(['worse', 'mixed', null]), tags: [c.rng.pick(WORDS)] },
        },
        c.origin,
      ),
  },
  {
    name: 'resizeStory',
    weight: 1,
    needs: 'story',
    run: (c) =>
      resizeStory(
        c.doc,
        { id: c.rng.pick(c.stories), size: { w: 100 + c.rng.int(300), h: 100 } },
        c.origin,
      ),
  },
  {
    name: 'updateBoardMeta',
    weight: 0.5,
    run: (c) => updateBoardMeta(c.doc, { title: words(c.rng) }, c.origin),
  },
  {
    // A condition card raised from below (written by the server into the base) moved by a member.
    name: 'placeCard',
    weight: 1,
    needs: 'card',
    run: (c) => placeCard(c.doc, { conditionId: c.rng.pick(c.cards), pos: point(c.rng) }, c.origin),
  },
  {
    name: 'setCardMembership',
    weight: 1,
    needs: 'card',
    run: ({ doc, rng, origin, cards, patterns }) =>
      setCardMembership(
        doc,
        {
          conditionId: rng.pick(cards),
          pattern: patterns.length && rng.chance(0.8) ? rng.pick(patterns) : null,
          role: rng.pick(['supports', 'counter-example'] as const),
        },
        origin,
      ),
  },
]

const TOTAL = OPS.reduce((sum, op) => sum + op.weight, 0)

/** Run one random valid operation on `doc`; returns its name and result. */
export function randomOp(
  doc: Y.Doc,
  rng: Rng,
  origin: Origin,
): { name: string; result: Result<unknown> } {
  const c: Ctx = {
    doc,
    rng,
    origin,
    stories: sorted(storiesMap(doc).keys()),
    patterns: sorted(patternsMap(doc).keys()),
    cards: sorted(conditionsMap(doc).keys()),
  }
  let roll = rng.next() * TOTAL
  let op = OPS[0]!
  for (const candidate of OPS) {
    roll -= candidate.weight
    if (roll < 0) {
      op = candidate
      break
    }
  }
  if (
    (op.needs === 'story' && !c.stories.length) ||
    (op.needs === 'pattern' && !c.patterns.length) ||
    (op.needs === 'card' && !c.cards.length)
  )
    op = OPS[0]!
  return { name: op.name, result: op.run(c) }
}

/** Type into, delete from, or add a paragraph to a story's fragment, as tiptap would. */
function editText({ doc, rng, origin, stories }: Ctx): Result<null> {
  const fragment = storiesMap(doc).get(rng.pick(stories))?.get('text')
  if (!(fragment instanceof Y.XmlFragment)) return { ok: true, value: null }
  doc.transact(() => {
    const paragraphs = fragment
      .toArray()
      .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement)
    const text = paragraphs.length ? rng.pick(paragraphs).get(0) : undefined
    if (!(text instanceof Y.XmlText) || rng.chance(0.15)) {
      const p = new Y.XmlElement('paragraph')
      p.insert(0, [new Y.XmlText(words(rng))])
      fragment.insert(rng.int(fragment.length + 1), [p])
    } else if (text.length && rng.chance(0.3)) {
      const at = rng.int(text.length)
      text.delete(at, 1 + rng.int(Math.min(4, text.length - at)))
    } else if (rng.chance(0.2) && paragraphs.length > 1) {
      fragment.delete(rng.int(fragment.length), 1)
    } else {
      text.insert(
        rng.int(text.length + 1),
        ` ${rng.pick(WORDS)}`,
        rng.chance(0.3) ? { bold: {} } : {},
      )
    }
  }, origin)
  return { ok: true, value: null }
}
