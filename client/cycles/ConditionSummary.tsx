// What a condition card carried across: kind, status, name, summary, note, evidence counts, and the
// raising cycle; up to five quotes from working stories, resolved by the server when shown (never
// in the document). DOM twin of the canvas card.
import type { ConditionCard } from '../../shared/model/condition.ts'
import { evidenceLines, sourceLine } from './cardText.ts'
import { KindWord, StatusPill } from './ConditionWords.tsx'
import { conditionQuotes } from './cyclesApi.ts'
import { LinkedQuotes } from './LinkedQuotes.tsx'

export function ConditionSummary({ card, headingLevel, headingId }: { card: ConditionCard; headingLevel: 3 | 4; headingId: string }) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4'
  return (
    <>
      <div className="condition-head">
        <KindWord kind={card.kind} />
        <StatusPill status={card.status} testId="condition-status" />
      </div>
      <Heading id={headingId} className="condition-name" data-testid="condition-name">
        {card.name}
      </Heading>
      {card.summary && <p className="condition-meta">{card.summary}</p>}
      {card.note && <p className="condition-meta">Note: {card.note}</p>}
      <p className="condition-meta" data-testid="condition-evidence">
        {evidenceLines(card.evidence).join('; ')}
      </p>
      <LinkedQuotes load={() => conditionQuotes(card.id)} refreshKey={`${card.id}:${JSON.stringify(card.evidence)}`} testId="condition-quotes" />
      <p className="condition-meta">
        {sourceLine(card.source)}
        {card.raisedBy ? ` · raised by ${card.raisedBy}` : ''}
      </p>
      {card.status === 'declined' && card.declineReason && (
        <p className="condition-meta" data-testid="condition-decline-reason">
          Declined: {card.declineReason}
        </p>
      )}
    </>
  )
}
