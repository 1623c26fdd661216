// The "show your working" report for three audiences, as a structure that renders to Markdown
// (here) and to a printable PDF (server). Built from the export, so restricted stories are already
// withheld; quotes follow quotable() (shared/model/consent.ts) and are cut as on linked boards
// (quoteOf, MAX_QUOTES from carried.ts): only `working` stories whose consent covers quotes are
// quoted; `confidential` and `restricted` ones are counted only.
// Pure module.
import type * as Y from 'yjs'
import { z } from 'zod'
import { MAX_QUOTES, quoteOf } from '../model/carried.ts'
import { quotable } from '../model/consent.ts'
import type { ChainNode } from '../model/chainNode.ts'
import { STATUS_LABELS } from '../model/condition.ts'
import { ELEMENT_LABELS, SCALE_LABELS } from '../model/cycle.ts'
import { summarizeEvidence, type EvidenceSummary } from '../model/evidence.ts'
import { readBoard } from '../model/readBoard.ts'
import { OUTCOMES } from '../model/story.ts'
import { asPattern, asStory, round } from './csv.ts'
import type { BoardExport, ExportPattern } from './format.ts'

export const AUDIENCES = ['concise', 'descriptive', 'technical'] as const
export const Audience = z.enum(AUDIENCES)
export type Audience = z.infer<typeof Audience>
export const AUDIENCE_LABELS: Record<Audience, string> = {
  concise: 'Concise (one page)',
  descriptive: 'Descriptive (with quotes)',
  technical: 'Technical (method and provenance)',
}

export type Block =
  | { kind: 'p'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][] }
  | { kind: 'quote'; text: string }
export type Section = { heading: string; blocks: Block[] }
export type Report = { title: string; subtitle: string; sections: Section[] }

/** Quotes each pattern may show in a report. */
export function quotesOf(doc: Y.Doc): Record<string, string[]> {
  const board = readBoard(doc)
  const byId = new Map(board.stories.map((s) => [s.id, s]))
  const out: Record<string, string[]> = {}
  for (const p of board.patterns) {
    const quotes: string[] = []
    for (const m of p.members) {
      const s = byId.get(m.storyId)
      if (s && quotable(s) && s.text && quotes.length < MAX_QUOTES) quotes.push(quoteOf(s.text))
    }
    out[p.id] = quotes
  }
  return out
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/**
 * `chains`: the chain below each card raised onto the board (by condition id), as the server
 * resolved it for this export; the technical report prints each as one, level by level.
 */
export function buildReport(data: BoardExport, quotes: Record<string, string[]>, audience: Audience, chains: Record<string, ChainNode> = {}): Report {
  const stories = new Map(data.stories.map((s) => [s.id, asStory(s)]))
  const summaries = new Map(data.patterns.map((p) => [p.id, summarizeEvidence(asPattern(p), stories)]))
  const totals = data.votes.session?.status === 'closed' ? (data.votes.session.totals ?? {}) : null
  const ranked = [...data.patterns].sort(
    (a, b) => (totals?.[b.id] ?? 0) - (totals?.[a.id] ?? 0) || name(a).localeCompare(name(b)),
  )
  const b = data.board
  const report: Report = {
    title: `Show your working: ${b.title}`,
    subtitle: `${SCALE_LABELS[b.scale]} learning cycle · ${ELEMENT_LABELS[b.element]} · ${AUDIENCE_LABELS[audience]} · exported ${data.exportedAt.slice(0, 10)}`,
    sections: [],
  }
  const overview: Block[] = [
    {
      kind: 'p',
      text: `${plural(data.stories.length, 'story', 'stories')} on the board, ${plural(data.patterns.length, 'pattern')}, ${plural(Object.values(data.raised).flat().length, 'enabler or barrier', 'enablers and barriers')} raised to other cycles${fromBelow(data)}.`,
    },
    {
      kind: 'table',
      header: ['Pattern', 'Stories', 'Supports / counter', 'Confidence', 'Votes'],
      rows: ranked.map((p) => {
        const e = summaries.get(p.id)!
        return [name(p), String(e.stories), `${e.supports} / ${e.counterExamples}`, p.confidence ?? '—', totals ? String(totals[p.id] ?? 0) : 'not voted']
      }),
    },
  ]
  report.sections.push({ heading: 'Patterns', blocks: overview })
  report.sections.push({ heading: 'Enablers and barriers raised', blocks: raisedBlocks(data) })
  if (data.conditions.length) {
    report.sections.push({
      heading: 'Raised to this board from below',
      blocks: [{ kind: 'list', items: data.conditions.map((c) => `${cap(c.kind)}: ${c.name} (from ${c.source.title}, ${c.source.scale}): ${STATUS_LABELS[c.status]}${c.declineReason ? `: ${c.declineReason}` : ''}; ${carriedLine(c.evidence)}${measuresLine(chains[c.id]?.measures ?? [])}${answersLine(c.responses)}`) }],
    })
  }
  if (audience === 'concise') return report

  for (const p of ranked) report.sections.push(patternSection(p, summaries.get(p.id)!, quotes[p.id] ?? [], audience))
  const received = receivedQuotes(data)
  if (received) report.sections.push(received)
  if (audience === 'descriptive') return report

  report.sections.push(methodSection(data))
  report.sections.push(countsSection(data))
  report.sections.push(provenanceSection(data, chains))
  report.sections.push(limitationsSection(data))
  return report
}

const name = (p: ExportPattern) => p.name || 'Untitled pattern'

/** A board with no stories of its own still reports what was raised to it and the evidence behind it. */
function fromBelow(data: BoardExport): string {
  if (!data.conditions.length) return ''
  const stories = data.conditions.reduce((n, c) => n + c.evidence.stories, 0)
  return `; ${plural(data.conditions.length, 'enabler or barrier', 'enablers and barriers')} raised to this board from below, carrying the evidence of ${plural(stories, 'story', 'stories')}`
}

/** The counts a card carried: the chain below it, each story once. */
function carriedLine(e: BoardExport['conditions'][number]['evidence']): string {
  const below = e.fromBelow ? `, ${e.fromBelow} from further below` : ''
  return `evidence of ${plural(e.stories, 'story', 'stories')} (${e.supports} supporting, ${plural(e.counterExamples, 'counter-example')}${below})`
}

/** The measures carried up the chain, summed by name and unit (stories whose consent covers linked boards). */
const measuresLine = (measures: ChainNode['measures']): string =>
  measures.length ? `; measures: ${measures.map((m) => `${m.name} ${round(m.sum)}${m.unit ? ` ${m.unit}` : ''} (${plural(m.count, 'story', 'stories')})`).join(', ')}` : ''

const answersLine = (responses: ReadonlyArray<{ authorName: string; text: string; at: string }>): string =>
  responses.length ? `; answered: ${responses.map((r) => `“${r.text}” (${r.authorName}, ${r.at.slice(0, 10)})`).join(' ')}` : ''
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

function raisedBlocks(data: BoardExport): Block[] {
  const rows: string[][] = []
  for (const p of data.patterns) {
    for (const m of data.raised[p.id] ?? []) {
      rows.push([name(p), cap(m.kind), `${m.target.title} (${SCALE_LABELS[m.target.scale]})`, STATUS_LABELS[m.status] + (m.declineReason ? `: ${m.declineReason}` : '')])
    }
  }
  if (!rows.length) return [{ kind: 'p', text: 'None raised yet.' }]
  return [{ kind: 'table', header: ['Pattern', 'Kind', 'Raised to', 'Status'], rows }]
}

function evidenceLine(e: EvidenceSummary): string[] {
  const outcomes = OUTCOMES.filter((o) => e.outcomes[o]).map((o) => `${e.outcomes[o]} ${o}`).join(', ')
  const lines = [
    `${plural(e.stories, 'story', 'stories')}: ${e.supports} supporting, ${plural(e.counterExamples, 'counter-example')}`,
    `Teller roles: ${e.tellerRoles.length ? e.tellerRoles.join(', ') : 'none recorded'}`,
    `Outcomes: ${outcomes || 'none recorded'}`,
  ]
  for (const m of e.measures) lines.push(`Measure: ${m.name}: ${m.count} recorded, mean ${round(m.mean)}${m.unit ? ` ${m.unit}` : ''}, total ${round(m.sum)}`)
  return lines
}

function patternSection(p: ExportPattern, e: EvidenceSummary, quotes: string[], audience: Audience): Section {
  const blocks: Block[] = []
  if (p.description) blocks.push({ kind: 'p', text: p.description })
  if (p.confidence) blocks.push({ kind: 'p', text: `Confidence: ${p.confidence}${p.confidenceReason ? `: ${p.confidenceReason}` : ''}` })
  blocks.push({ kind: 'list', items: evidenceLine(e) })
  for (const q of quotes) blocks.push({ kind: 'quote', text: q })
  const unquoted = e.stories - quotes.length
  if (unquoted && audience !== 'concise') {
    blocks.push({ kind: 'p', text: `${plural(unquoted, 'story', 'stories')} counted but not quoted (${e.bySensitivity.confidential} confidential, ${e.bySensitivity.restricted} restricted; the rest without consent to quote).` })
  }
  if (audience === 'technical') blocks.push({ kind: 'p', text: `Pattern id ${p.id}; member stories ${p.members.map((m) => m.storyId).join(', ') || 'none'}.` })
  return { heading: `Pattern: ${name(p)}`, blocks }
}

function methodSection(data: BoardExport): Section {
  const blocks: Block[] = []
  if (data.method) {
    blocks.push({ kind: 'p', text: `Template ${data.method.templateId} (version ${data.method.templateVersion}); the session reached phase ${data.method.phaseIndex + 1} of ${data.method.phases.length}.` })
    blocks.push({
      kind: 'table',
      header: ['#', 'Phase', 'Minutes', 'Prompt', 'Mode'],
      rows: data.method.phases.map((ph, i) => [String(i + 1), ph.name, String(ph.minutes), ph.prompt, [ph.private ? 'private writing' : '', ph.voting ? 'voting' : ''].filter(Boolean).join(', ') || 'open']),
    })
  } else blocks.push({ kind: 'p', text: 'No facilitation template was used on this board.' })
  const v = data.votes.session
  if (v) {
    blocks.push({ kind: 'p', text: `Dot vote: ${v.votesPerPerson} votes per person${v.maxPerPattern ? `, at most ${v.maxPerPattern} on one pattern` : ''}; ${v.status === 'closed' ? `closed ${v.closedAt ?? ''} with ${v.voters ?? 0} voters` : 'still open (totals hidden until it closes)'}.` })
    if (v.byOrganisation && Object.keys(v.byOrganisation).length) {
      const names = new Map(data.patterns.map((p) => [p.id, name(p)]))
      blocks.push({
        kind: 'table',
        header: ['Organisation', 'Votes by pattern'],
        rows: Object.entries(v.byOrganisation).sort(([a], [b]) => a.localeCompare(b)).map(([org, counts]) => [org, Object.entries(counts).map(([pid, n]) => `${names.get(pid) ?? pid}: ${n}`).join('; ')]),
      })
    }
  } else blocks.push({ kind: 'p', text: 'No dot vote was held.' })
  return { heading: 'Method and phases', blocks }
}

function countsSection(data: BoardExport): Section {
  const roles = new Map<string, Record<string, number>>()
  for (const s of data.stories) {
    const role = s.withheld ? 'Withheld (restricted)' : s.tellerRole?.trim() || 'Not recorded'
    const row = roles.get(role) ?? Object.fromEntries([...OUTCOMES, 'unrecorded'].map((o) => [o, 0]))
    row[s.withheld ? 'unrecorded' : (s.outcome ?? 'unrecorded')]!++
    roles.set(role, row)
  }
  const header = ['Teller role', ...OUTCOMES, 'not recorded', 'total']
  const rows = [...roles.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([role, r]) => {
    const counts = [...OUTCOMES, 'unrecorded'].map((o) => r[o] ?? 0)
    return [role, ...counts.map(String), String(counts.reduce((x, y) => x + y, 0))]
  })
  const blocks: Block[] = [{ kind: 'table', header, rows }]
  const allMeasures = summarizeEvidence(
    { id: 'all', name: '', description: '', area: { x: 0, y: 0, w: 40, h: 40 }, z: 'a', createdAt: 0, members: data.stories.map((s) => ({ storyId: s.id, role: 'supports' as const })) },
    new Map(data.stories.map((s) => [s.id, asStory(s)])),
  )
  blocks.push({
    kind: 'table',
    header: ['Measure', 'Unit', 'Recorded', 'Mean', 'Total'],
    rows: allMeasures.measures.length ? allMeasures.measures.map((m) => [m.name, m.unit, String(m.count), round(m.mean), round(m.sum)]) : [['none recorded', '', '', '', '']],
  })
  const sens = allMeasures.bySensitivity
  blocks.push({ kind: 'p', text: `Sensitivity: ${sens.working} working, ${sens.confidential} confidential, ${sens.restricted} restricted.` })
  return { heading: 'Counts by teller role and outcome; measures', blocks }
}

/** Quotes on the cards raised to or shared with this board, as the server resolved them for this export. */
function receivedQuotes(data: BoardExport): Section | null {
  const blocks: Block[] = []
  for (const card of [...data.conditions, ...data.references]) {
    if (!card.quotes?.length) continue
    blocks.push({ kind: 'p', text: `${card.name} (from ${card.source.title})` })
    for (const q of card.quotes) {
      const who = [q.teller, (q.levels ?? 1) > 1 && q.scale ? `${SCALE_LABELS[q.scale].toLowerCase()} cycle, ${q.levels} levels down` : ''].filter(Boolean).join(', ')
      blocks.push({ kind: 'quote', text: `${q.text}${q.role === 'supports' ? '' : ' (counter-example)'}${who ? ` — ${who}` : ''}` })
    }
  }
  return blocks.length ? { heading: 'Quotes from linked boards', blocks } : null
}

/** One chain, top to bottom: each level's board, pattern counts and what was carried, indented. */
function chainItems(node: ChainNode, depth: number): string[] {
  const where = node.board.title ?? `A ${SCALE_LABELS[node.board.scale].toLowerCase()} cycle (title hidden)`
  const e = node.evidence
  const role = node.role === 'counter-example' ? ', as a counter-example' : ''
  const line = `${'↳ '.repeat(depth)}${where} (${SCALE_LABELS[node.board.scale]}${role}): ${node.kind} ${STATUS_LABELS[node.status].toLowerCase()}, ${plural(e.stories, 'story', 'stories')} (${e.supports} supporting, ${plural(e.counterExamples, 'counter-example')}; ${e.working} working, ${e.confidential} confidential, ${e.restricted} restricted)`
  const quotes = node.quotes.map((q) => `${'  '.repeat(depth + 1)}“${q.text}”${q.role === 'counter-example' ? ' (counter-example)' : ''}${q.teller ? ` — ${q.teller}` : ''}`)
  return [line, ...quotes, ...node.below.flatMap((n) => chainItems(n, depth + 1))]
}

function provenanceSection(data: BoardExport, chains: Record<string, ChainNode> = {}): Section {
  const items: string[] = []
  for (const c of data.conditions) {
    const chain = chains[c.id]
    if (chain) items.push(`Chain below ${c.kind} “${c.name}” on this board:`, ...chainItems(chain, 1))
  }
  for (const p of data.patterns) {
    for (const m of data.raised[p.id] ?? []) {
      const answers = m.responses.map((r) => `${r.authorName} (${r.at.slice(0, 10)}): ${r.text}`).join(' | ')
      items.push(`${plural(p.members.length, 'story', 'stories')} → pattern “${name(p)}” → ${m.kind} on ${m.target.title} (${SCALE_LABELS[m.target.scale]}): ${STATUS_LABELS[m.status]}${answers ? `; answers: ${answers}` : ''}`)
    }
  }
  for (const c of data.conditions) {
    items.push(`${c.source.title} (${SCALE_LABELS[c.source.scale]}) pattern → ${c.kind} “${c.name}” on this board, raised ${c.raisedAt.slice(0, 10)} with ${plural(c.evidence.stories, 'story', 'stories')} (${c.evidence.working} working, ${c.evidence.confidential} confidential, ${c.evidence.restricted} restricted): ${STATUS_LABELS[c.status]}`)
  }
  for (const r of data.references) items.push(`Peer reference: “${r.name}” from ${r.source.title}${r.live ? '' : ' (original since deleted)'}`)
  return { heading: 'Provenance chain to higher-scale conditions', blocks: items.length ? [{ kind: 'list', items }] : [{ kind: 'p', text: 'Nothing raised, received or shared yet.' }] }
}

function limitationsSection(data: BoardExport): Section {
  const loose = data.stories.length - data.patterns.reduce((n, p) => n + p.members.length, 0)
  const withheld = data.stories.filter((s) => s.withheld).length
  const noRole = data.stories.filter((s) => !s.withheld && !s.tellerRole).length
  const items = [
    `${plural(loose, 'story', 'stories')} not in any pattern.`,
    `${plural(withheld, 'restricted story', 'restricted stories')} counted only: their text and fields stay on the board.`,
    `${plural(noRole, 'story', 'stories')} without a teller role; ${plural(data.stories.filter((s) => !s.withheld && !s.outcome).length, 'story', 'stories')} without an outcome.`,
    'Measures are as recorded on the stories and are not checked against other sources.',
    'Patterns are the group\u2019s interpretation at the time of export; confidence is their own judgement.',
  ]
  if (data.votes.session && data.votes.session.status !== 'closed') items.push('The vote was still open: no totals are reported.')
  if (data.board.anonymous) items.push('Anonymous board: no authors and no individual votes are kept.')
  return { heading: 'Limitations', blocks: [{ kind: 'list', items }] }
}

/** Escapes text typed by people so it reads as text in Markdown, not as markup. */
export const mdText = (s: string): string => s.replace(/([\\`*_[\]{}<>#|!~])/g, '\\$1').replace(/\n/g, ' ')

export function reportMarkdown(report: Report): string {
  const out = [`# ${mdText(report.title)}`, '', `_${mdText(report.subtitle)}_`, '']
  for (const section of report.sections) {
    out.push(`## ${mdText(section.heading)}`, '')
    for (const block of section.blocks) {
      switch (block.kind) {
        case 'p':
          out.push(mdText(block.text), '')
          break
        case 'list':
          out.push(...block.items.map((i) => `- ${mdText(i)}`), '')
          break
        case 'quote':
          out.push(`> ${mdText(block.text)}`, '')
          break
        case 'table':
          out.push(`| ${block.header.map(mdText).join(' | ')} |`, `| ${block.header.map(() => '---').join(' | ')} |`)
          out.push(...block.rows.map((r) => `| ${r.map(mdText).join(' | ')} |`), '')
          break
      }
    }
  }
  return out.join('\n')
}
