// What a condition card carried across: kind, status, name, summary, note, evidence counts,
// up to five quotes from working stories, and the raising cycle. DOM twin of the canvas card.
import type { ConditionCard } from '../../shared/model/condition.ts'
import { evidenceLines, sourceLine } from './cardText.ts'
import { KindWord, StatusPill } from './ConditionWords.tsx'
import { MAX_QUOTES } from './cardLayout.ts'

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
      {card.evidence.quotes.length > 0 && (
        <ul className="condition-quotes" aria-label="Quotes from working stories">
          {card.evidence.quotes.slice(0, MAX_QUOTES).map((q, i) => (
            <li key={i}>“{q}”</li>
          ))}
        </ul>
      )}
      <p className="condition-meta">
        {sourceLine(card.source)} · raised by {card.raisedBy}
      </p>
      {card.status === 'declined' && card.declineReason && (
        <p className="condition-meta" data-testid="condition-decline-reason">
          Declined: {card.declineReason}
        </p>
      )}
    </>
  )
}
