// A realistic 5,000-story board built with the shared operations: 25 participants (distinct
// Yjs client ids, round-robin as in a live session), each story with a short text and the
// fields a facilitator fills in (teller role, tags, outcome, sensitivity).
import * as Y from 'yjs'
import { migrateBoard } from '../../shared/model/migrations.ts'
import { updateBoardMeta } from '../../shared/ops/board.ts'
import { createStory } from '../../shared/ops/story.ts'

const ROLES = ['Frontline worker', 'Parent', 'Team lead', 'Volunteer', 'Commissioner']
const TAGS = [
  'trust',
  'access',
  'waiting times',
  'relationships',
  'funding',
  'housing',
  'peer support',
]
const OUTCOMES = ['better', 'worse', 'mixed', 'unclear'] as const
const TEXTS = [
  'Families found the drop-in easier than booking',
  'Waiting list shrank once we called people back',
  'Staff said the new rota gave them time to listen',
  'Two people stopped coming after the venue moved',
  'Peer mentors spotted problems a week earlier',
]

export function buildBoard(
  stories: number,
  authors = 25,
  content = true,
): { doc: Y.Doc; textChars: number } {
  const doc = new Y.Doc()
  const migrated = migrateBoard(doc)
  if (!migrated.ok) throw new Error(migrated.error.message)
  updateBoardMeta(doc, { title: 'Bench board', scale: 'team' }, { kind: 'server', reason: 'bench' })
  const ids = Array.from({ length: authors }, (_, i) => 1_000_003 + i * 7919)
  let textChars = 0
  for (let i = 0; i < stories; i++) {
    doc.clientID = ids[i % authors]!
    const text = `${TEXTS[i % TEXTS.length]} (#${i})`
    textChars += text.length
    const pos = { x: (i % 100) * 220, y: Math.floor(i / 100) * 160 }
    const made = createStory(
      doc,
      !content
        ? { pos }
        : {
            pos,
            text,
            fields: {
              tellerRole: ROLES[i % ROLES.length],
              tags: [TAGS[i % TAGS.length]!, TAGS[(i * 3 + 1) % TAGS.length]!],
              outcome: OUTCOMES[i % OUTCOMES.length],
              sensitivity: 'working',
            },
          },
      { kind: 'local' },
    )
    if (!made.ok) throw new Error(made.error.message)
  }
  return { doc, textChars: textChars / stories }
}
