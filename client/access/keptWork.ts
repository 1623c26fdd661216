// Work the board refused, kept for the person who wrote it. When the server refuses a write, this
// copy is dropped and the board's loaded (writeRefusals.ts); before that, the copy's stories are
// kept in the tab's sessionStorage (this device only), and once the board's copy has arrived
// whatever the board does not have is offered back as new stories. A withdrawn story's words and
// a restricted story's are never kept nor offered: they must not come back. Pure module: the
// storage is passed in.
import { z } from 'zod'
import { Colour, Point, Size } from '../../shared/model/geometry.ts'
import { Consent } from '../../shared/model/consent.ts'
import { Measure, Outcome, type Story } from '../../shared/model/story.ts'

/** What is kept of one story: its words and the fields a new story may carry. */
export const KeptStory = z.object({
  id: z.string(),
  text: z.string(),
  pos: Point,
  size: Size,
  colour: Colour,
  experiment: z.string().optional(),
  tellerRole: z.string().optional(),
  date: z.string().optional(),
  tags: z.array(z.string()),
  outcome: Outcome.optional(),
  measures: z.array(Measure),
  consent: Consent.optional(),
  /** Never above what a document may create: `restricted` is set through the server only. */
  sensitivity: z.enum(['working', 'confidential']),
  updatedAt: z.number(),
})
export type KeptStory = z.infer<typeof KeptStory>

/** A kept story the board does not have: gone from it (`missing`) or with other words (`changed`). */
export type Offer = KeptStory & { kind: 'missing' | 'changed' }
const Offers = z.array(KeptStory.extend({ kind: z.enum(['missing', 'changed']).optional() }))

/** Kept JSON stays under this many characters (sessionStorage holds a few million): newest first. */
export const KEEP_BUDGET = 1_000_000

const hasWords = (text: string) => text.trim().length > 0

function kept(s: Story): KeptStory {
  const { id, text, pos, size, colour, experiment, tellerRole, date, tags, outcome, measures, consent, updatedAt } = s
  const fields = { experiment, tellerRole, date, outcome, consent }
  const present = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))
  return {
    id,
    text,
    pos,
    size,
    colour,
    tags,
    measures,
    ...present,
    sensitivity: s.sensitivity === 'confidential' ? 'confidential' : 'working',
    updatedAt,
  }
}

/**
 * What to keep of a copy about to be dropped: its stories with words, newest first within the
 * budget, leaving out restricted placeholders and withdrawn ids.
 */
export function keepFromCopy(
  stories: readonly Story[],
  withdrawn: ReadonlySet<string>,
  budget = KEEP_BUDGET,
): KeptStory[] {
  const out: KeptStory[] = []
  let used = 1
  const candidates = stories
    .filter((s) => s.sensitivity !== 'restricted' && !withdrawn.has(s.id) && hasWords(s.text))
    .sort((a, b) => b.updatedAt - a.updatedAt)
  for (const s of candidates) {
    const k = kept(s)
    const size = JSON.stringify(k).length + 1
    if (used + size > budget) continue
    used += size
    out.push(k)
  }
  return out
}

/**
 * After the board's copy has arrived: the kept stories it lacks or holds with other words. Not a
 * withdrawn id, not a story the board now holds restricted (its words stay with the server).
 */
export function offersAgainst(
  keptStories: readonly KeptStory[],
  board: readonly Story[],
  withdrawn: ReadonlySet<string>,
): Offer[] {
  const byId = new Map(board.map((s) => [s.id, s]))
  const out: Offer[] = []
  for (const k of keptStories) {
    if (withdrawn.has(k.id) || !hasWords(k.text)) continue
    const now = byId.get(k.id)
    if (!now) out.push({ ...k, kind: 'missing' })
    else if (now.sensitivity !== 'restricted' && now.text !== k.text) out.push({ ...k, kind: 'changed' })
  }
  return out
}

const keptKey = (boardId: string) => `learning-wall:kept:${boardId}`

export function saveKept(storage: Storage, boardId: string, stories: readonly KeptStory[]): void {
  try {
    if (stories.length === 0) storage.removeItem(keptKey(boardId))
    else storage.setItem(keptKey(boardId), JSON.stringify(stories))
  } catch {
    // Full or unavailable storage: the work cannot be kept; the reload goes on.
  }
}

export function loadKept(storage: Storage, boardId: string): KeptStory[] {
  try {
    const parsed = Offers.safeParse(JSON.parse(storage.getItem(keptKey(boardId)) ?? '[]'))
    return parsed.success ? parsed.data.map(({ kind: _kind, ...k }) => k) : []
  } catch {
    return []
  }
}

export const clearKept = (storage: Storage, boardId: string): void => storage.removeItem(keptKey(boardId))

/** The first line of a kept story, for its item in the offer. */
export function offerTitle(text: string, max = 80): string {
  const first = text.trim().split('\n')[0]!.trim()
  return first.length > max ? `${first.slice(0, max - 1)}…` : first
}
