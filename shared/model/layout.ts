// The board document's layout, written down in one place. Pure module: Yjs only.
//
//   doc.getMap('meta')      title, scale, element, schemaVersion            (plain values)
//   doc.getMap('stories')   storyId → Y.Map {                                (one per story)
//                             id, pos {x,y}, size {w,h}, colour, z,          one value per position,
//                             text: Y.XmlFragment (tiptap),                   so a move is one struct
//                             experiment?, tellerRole?, date?, tags[],
//                             outcome?, measures[], sensitivity, author?,
//                             createdAt, updatedAt }
//   doc.getMap('patterns')  patternId → Y.Map { id, name, description: Y.XmlFragment,
//                             area {x,y,w,h}, confidence?, confidenceReason?, z, createdAt }
//   doc.getMap('members')   storyId → { pattern, role }                      (at most one pattern)
//   doc.getMap('conditions') server only: conditionId → ConditionCard (raised onto this board)
//   doc.getMap('placements') conditionId → { pos {x,y} } where a member moved a condition card
//                           (client-written; ids of cards that do not exist are ignored on read).
//                           A card is a pattern's evidence through `members` (conditionId → entry).
//   doc.getMap('raised')    server only: patternId → RaisedMark[] (where this board's patterns went)
//   doc.getMap('references') server only: shareId → PatternReference (a peer's pattern, read only)
//   doc.getMap('session')   server only: `state` → SessionState (template, phase, timer, private
//                           writing, locks, spotlight, hidden cursors, summon)
//   doc.getMap('areas')     server only: areaId → { label, kind: table | column | zone, rect }
//   doc.getMap('withdrawn') server only: storyId → { pos, size, at } (a withdrawn story's place;
//                           its id may never come back, shared/model/withdrawal.ts)
//   doc.getMap('vote')      written by the server only: `session` → VoteSession (open or closed,
//                           totals only after close; individual votes never enter the document)
//
// Positions are committed once per drag end; live drags travel through awareness only.
import type * as Y from 'yjs'

export const ROOT = {
  meta: 'meta',
  stories: 'stories',
  patterns: 'patterns',
  members: 'members',
  vote: 'vote',
  conditions: 'conditions',
  placements: 'placements',
  raised: 'raised',
  references: 'references',
  session: 'session',
  areas: 'areas',
  withdrawn: 'withdrawn',
} as const

/** Roots only the server writes (through its own operations); client updates touching them are refused. */
export const SERVER_ROOTS: ReadonlySet<string> = new Set([
  // Title, scale, element and schema version decide links, raises and how the board loads.
  ROOT.meta,
  ROOT.vote,
  ROOT.conditions,
  ROOT.raised,
  ROOT.references,
  ROOT.session,
  ROOT.areas,
  ROOT.withdrawn,
])

export type StoryMap = Y.Map<unknown>
export type PatternMap = Y.Map<unknown>

export const metaMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(ROOT.meta)
export const storiesMap = (doc: Y.Doc): Y.Map<StoryMap> => doc.getMap(ROOT.stories)
export const patternsMap = (doc: Y.Doc): Y.Map<PatternMap> => doc.getMap(ROOT.patterns)
export const membersMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(ROOT.members)
export const voteMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(ROOT.vote)
export const conditionsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(ROOT.conditions)
export const placementsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(ROOT.placements)

/** Who changed the document. Undo tracks the local origin only; persistence and sync read it. */
export type Origin =
  | { kind: 'local'; userId?: string }
  | { kind: 'connection'; connectionId: string }
  | { kind: 'server'; reason: string }
  | { kind: 'remote'; source: 'instance' | 'storage' }
  | { kind: 'migration'; id: string }

export const LOCAL: Origin = { kind: 'local' }
