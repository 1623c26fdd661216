// Provenance through every level: the chain below a condition card, node by node (the pattern it
// was raised from, that pattern's stories and its cards from below, their patterns, and so on),
// followed through the server's records of the raises. At each node the reader sees what their
// roles there allow: on a board where they have a role, its pattern and stories as the board's
// shared document holds them (restricted stories stay placeholders); elsewhere only the counts
// and what was carried (quotes under consent). Titles of person-scale boards the reader has no
// role on stay hidden: they may name a practitioner.
import { patternSources } from '../../shared/model/carried.ts'
import type { ChainNode } from '../../shared/model/chainNode.ts'
import { readBoard } from '../../shared/model/readBoard.ts'
import type { MemberRole } from '../../shared/model/pattern.ts'
import type { ConditionRecord } from '../storage/types.ts'
import { chainEvidence, chainMeasures, chainQuotes, chainSources, type ChainDeps } from './chain.ts'

export async function provenance(deps: ChainDeps & { roleOf: (boardId: string) => Promise<boolean> }, top: ConditionRecord): Promise<ChainNode | null> {
  const seen = new Set<string>()
  const node = async (c: ConditionRecord, role: MemberRole): Promise<ChainNode | null> => {
    if (seen.has(c.id)) return null
    seen.add(c.id)
    const board = await deps.storage.boards.get(c.sourceBoard)
    if (!board) return null
    const access = await deps.roleOf(board.id)
    const read = await deps.rooms.read(board.id, (doc) => {
      const snap = readBoard(doc)
      const pattern = snap.patterns.find((p) => p.id === c.sourcePattern)
      return { name: pattern?.name ?? null, sources: patternSources(doc, c.sourcePattern) }
    })
    const sources = await chainSources(deps, board.id, c.sourcePattern)
    const below: ChainNode[] = []
    for (const card of read.sources?.cards ?? []) {
      const record = await deps.storage.conditions.get(card.conditionId)
      if (!record || record.targetBoard !== board.id) continue
      const child = await node(record, card.role)
      if (child) below.push(child)
    }
    const showTitle = access || board.scale !== 'person'
    return {
      conditionId: c.id,
      kind: c.kind,
      status: c.status,
      role,
      board: { id: access ? board.id : null, title: showTitle ? board.title : null, scale: board.scale },
      access,
      pattern: access && read.name !== null ? { id: c.sourcePattern, name: read.name || 'Untitled pattern' } : null,
      stories: access
        ? (read.sources?.stories ?? []).map(({ member, story }) => ({ id: story.id, text: story.text, role: member.role, sensitivity: story.sensitivity, tellerRole: story.tellerRole }))
        : [],
      evidence: chainEvidence(sources),
      measures: chainMeasures(sources),
      quotes: access ? [] : chainQuotes({ ...sources, stories: sources.stories.filter((s) => s.boardId === board.id) }),
      below,
    }
  }
  return node(top, 'supports')
}
