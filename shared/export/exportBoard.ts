// Builds the `learning-wall-board/2` export from a board document and what the server holds beside
// it (anonymous mode, the ballots of a closed vote, the quotes it resolved for the board's cards). Deterministic: stories and patterns sorted by
// id, voters numbered by their sorted ids, so exporting the same content twice gives the same
// bytes. Pure module: Yjs and zod.
import * as Y from 'yjs'
import { z } from 'zod'
import { readConditions, readReferences, RaisedMark, type CardQuotes } from '../model/condition.ts'
import { readSession, TemplateArea } from '../model/facilitation.ts'
import { patternsMap, ROOT, storiesMap } from '../model/layout.ts'
import { readBoard } from '../model/readBoard.ts'
import { readVoteSession } from '../model/vote.ts'
import { EXPORT_FORMAT, type Ballot, type BoardExport, type ExportPattern, type ExportStory } from './format.ts'
import { richOf } from './richDoc.ts'

export type BallotRow = { userId: string; organisation: string; patternId: string; count: number }

export type ExportExtras = {
  anonymous: boolean
  /** The votes the server holds for the board's latest session (ignored unless it is closed). */
  ballots: readonly BallotRow[]
  exportedAt: string
  /** Quotes for the board's cards, resolved by the server now; none when absent. */
  quotes?: CardQuotes
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

export function exportBoard(doc: Y.Doc, extras: ExportExtras): BoardExport {
  const snapshot = readBoard(doc)
  const meta = snapshot.meta ?? { title: 'Untitled board', scale: 'team' as const, element: 'understand' as const, schemaVersion: 0 }
  const storyMaps = storiesMap(doc)
  const stories: ExportStory[] = snapshot.stories.map((s) => {
    const base = { id: s.id, pos: s.pos, size: s.size, colour: s.colour, z: s.z, createdAt: s.createdAt, updatedAt: s.updatedAt }
    if (s.sensitivity === 'restricted') {
      return { ...base, text: '', rich: [], tags: [], measures: [], sensitivity: 'restricted', withheld: true }
    }
    const fragment = storyMaps.get(s.id)?.get('text')
    const out: ExportStory = {
      ...base,
      text: s.text,
      rich: fragment instanceof Y.XmlFragment ? richOf(fragment) : [],
      tags: s.tags,
      measures: s.measures,
      sensitivity: s.sensitivity,
    }
    if (s.experiment !== undefined) out.experiment = s.experiment
    if (s.tellerRole !== undefined) out.tellerRole = s.tellerRole
    if (s.date !== undefined) out.date = s.date
    if (s.outcome !== undefined) out.outcome = s.outcome
    if (s.consent !== undefined) out.consent = s.consent
    if (s.author !== undefined) out.author = s.author
    return out
  })
  const patternMaps = patternsMap(doc)
  const patterns: ExportPattern[] = snapshot.patterns.map((p) => {
    const fragment = patternMaps.get(p.id)?.get('description')
    const out: ExportPattern = {
      id: p.id,
      name: p.name,
      description: p.description,
      descriptionRich: fragment instanceof Y.XmlFragment ? richOf(fragment) : [],
      area: p.area,
      z: p.z,
      createdAt: p.createdAt,
      members: [...p.members].sort((a, b) => (a.storyId < b.storyId ? -1 : 1)),
    }
    if (p.confidence !== undefined) out.confidence = p.confidence
    if (p.confidenceReason !== undefined) out.confidenceReason = p.confidenceReason
    return out
  })

  const vote = readVoteSession(doc)
  let ballots: Ballot[] = []
  if (vote?.status === 'closed' && !extras.anonymous) {
    const voters = [...new Set(extras.ballots.map((b) => b.userId))].sort()
    const number = new Map(voters.map((v, i) => [v, `voter-${String(i + 1).padStart(3, '0')}`]))
    ballots = extras.ballots
      .filter((b) => b.count > 0)
      .map((b) => ({ voter: number.get(b.userId)!, organisation: b.organisation, patternId: b.patternId, count: b.count }))
      .sort((a, b) => (a.voter < b.voter ? -1 : a.voter > b.voter ? 1 : a.patternId < b.patternId ? -1 : 1))
  }
  const session = vote ? (({ id: _id, ...rest }) => rest)(vote) : null

  const raised: Record<string, z.infer<typeof RaisedMark>[]> = {}
  for (const [patternId, value] of [...doc.getMap(ROOT.raised).entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const parsed = z.array(RaisedMark).safeParse(value)
    if (parsed.success && parsed.data.length) raised[patternId] = parsed.data
  }
  const areas = [...doc.getMap(ROOT.areas).entries()]
    .flatMap(([id, value]) => {
      const parsed = TemplateArea.safeParse(value)
      return parsed.success ? [{ id, ...parsed.data }] : []
    })
    .sort(byId)
  const state = readSession(doc)
  const method =
    state && state.templateId !== 'none'
      ? { templateId: state.templateId, templateVersion: state.templateVersion, phases: state.phases, phaseIndex: state.phaseIndex }
      : null

  return {
    format: EXPORT_FORMAT,
    exportedAt: extras.exportedAt,
    board: { ...meta, anonymous: extras.anonymous },
    stories: stories.sort(byId),
    patterns: patterns.sort(byId),
    votes: { session, ballots },
    conditions: readConditions(doc)
      .sort(byId)
      .map((c) => (extras.quotes?.conditions[c.id]?.length ? { ...c, quotes: extras.quotes.conditions[c.id] } : c)),
    raised,
    references: readReferences(doc)
      .sort(byId)
      .map((r) => (extras.quotes?.references[r.id]?.length ? { ...r, quotes: extras.quotes.references[r.id] } : r)),
    areas,
    method,
  }
}
