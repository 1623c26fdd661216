// The connected-cycles view of one open board: the condition cards raised onto it (root
// `conditions`), where its own patterns went (root `raised`) and the peers' patterns shared with
// it (root `references`), all written by the server only and read here live; where members placed
// the cards and which pattern each is evidence in (roots `placements`, `members`); plus the cycles UI (which panel is open, who I am on this board).
// No React, no DOM: one instance per board session, disposed with it.
import type * as Y from 'yjs'
import type { Role } from '../../shared/access/roles.ts'
import { readConditions, readRaised, readReferences, type ConditionCard, type PatternReference, type RaisedMark } from '../../shared/model/condition.ts'
import { ROOT } from '../../shared/model/layout.ts'
import { MembershipEntry } from '../../shared/model/pattern.ts'
import { readPlacements, type CardPlacement } from '../../shared/model/placement.ts'
import { createStore, type Store } from '../store/createStore.ts'

export type CyclesData = {
  /** Cards raised onto this board, oldest first. */
  conditions: readonly ConditionCard[]
  /** patternId → where that pattern of this board was raised, with live status. */
  raised: ReadonlyMap<string, readonly RaisedMark[]>
  /** Read-only patterns that horizontally linked peer cycles share with this board, by name. */
  references: readonly PatternReference[]
  /** Where members moved cards raised onto this board (root `placements`, client-written). */
  placements: ReadonlyMap<string, CardPlacement>
  /** conditionId → the pattern of this board the card is evidence in (root `members`). */
  cardMembers: ReadonlyMap<string, MembershipEntry>
}

export type CyclesPanel = 'links' | 'raised' | 'condition' | 'reference'

export type CyclesUi = {
  panel: CyclesPanel | null
  /** The condition card open in the condition panel. */
  conditionId: string | null
  /** The pattern the raise dialog is open for. */
  raisePatternId: string | null
  /** The peer reference open in the reference panel. */
  referenceId: string | null
  /** The pattern the share dialog is open for. */
  sharePatternId: string | null
  /** My role on this board and my account id (null until known, or for no account). */
  role: Role | null
  meId: string | null
}

export type CyclesStore = { data: Store<CyclesData>; ui: Store<CyclesUi>; dispose(): void }

export const NO_MARKS: readonly RaisedMark[] = []

export function readAllRaised(doc: Y.Doc): ReadonlyMap<string, readonly RaisedMark[]> {
  const out = new Map<string, readonly RaisedMark[]>()
  for (const patternId of doc.getMap(ROOT.raised).keys()) {
    const marks = readRaised(doc, patternId)
    if (marks.length) out.set(patternId, marks)
  }
  return out
}

/** The memberships of the condition cards on this board, by condition id. */
export function readCardMembers(doc: Y.Doc): ReadonlyMap<string, MembershipEntry> {
  const cards = doc.getMap(ROOT.conditions)
  const out = new Map<string, MembershipEntry>()
  for (const [id, raw] of doc.getMap(ROOT.members).entries()) {
    if (!cards.has(id)) continue
    const entry = MembershipEntry.safeParse(raw)
    if (entry.success) out.set(id, entry.data)
  }
  return out
}

export function createCyclesStore(doc: Y.Doc): CyclesStore {
  const conditionsRoot = doc.getMap(ROOT.conditions)
  const raisedRoot = doc.getMap(ROOT.raised)
  const referencesRoot = doc.getMap(ROOT.references)
  const placementsRoot = doc.getMap(ROOT.placements)
  const membersRoot = doc.getMap(ROOT.members)
  const data = createStore<CyclesData>({
    conditions: readConditions(doc),
    raised: readAllRaised(doc),
    references: readReferences(doc),
    placements: readPlacements(doc),
    cardMembers: readCardMembers(doc),
  })
  const ui = createStore<CyclesUi>({
    panel: null,
    conditionId: null,
    raisePatternId: null,
    referenceId: null,
    sharePatternId: null,
    role: null,
    meId: null,
  })
  const onConditions = () => data.setState({ conditions: readConditions(doc), placements: readPlacements(doc), cardMembers: readCardMembers(doc) })
  const onPlacements = () => data.setState({ placements: readPlacements(doc) })
  // Only a change under a card's id touches a card's membership (stories' entries are the board's).
  const onMembers = (e: Y.YMapEvent<unknown>) => {
    const cards = doc.getMap(ROOT.conditions)
    if ([...e.keysChanged].some((k) => cards.has(k))) data.setState({ cardMembers: readCardMembers(doc) })
  }
  const onRaised = () => data.setState({ raised: readAllRaised(doc) })
  const onReferences = () => data.setState({ references: readReferences(doc) })
  conditionsRoot.observe(onConditions)
  raisedRoot.observe(onRaised)
  referencesRoot.observe(onReferences)
  placementsRoot.observe(onPlacements)
  membersRoot.observe(onMembers)
  return {
    data,
    ui,
    dispose() {
      conditionsRoot.unobserve(onConditions)
      raisedRoot.unobserve(onRaised)
      referencesRoot.unobserve(onReferences)
      placementsRoot.unobserve(onPlacements)
      membersRoot.unobserve(onMembers)
    },
  }
}
