// What a peer's shared pattern shows here: that it is read only, its name, summary, evidence
// counts, quotes the server resolves while the boards are peers (never in the document), the
// sharing cycle, and "no longer live" once the original was deleted. DOM twin of the canvas card.
import type { PatternReference } from '../../shared/model/condition.ts'
import { evidenceLines } from './cardText.ts'
import { shareQuotes } from './cyclesApi.ts'
import { LinkedQuotes } from './LinkedQuotes.tsx'
import { notLiveText, referenceSource } from './referenceLayout.ts'

export function ReferenceSummary({ reference, headingLevel, headingId }: { reference: PatternReference; headingLevel: 3 | 4; headingId: string }) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4'
  return (
    <>
      <div className="condition-head">
        <span className="kind kind-peer">Peer pattern</span>
        <span className={reference.live ? 'pill' : 'pill pill-gone'} data-testid="reference-state">
          {reference.live ? 'Read only · live' : 'No longer live'}
        </span>
      </div>
      <Heading id={headingId} className="condition-name" data-testid="reference-name">
        {reference.name || 'Untitled pattern'}
      </Heading>
      {reference.summary && <p className="condition-meta">{reference.summary}</p>}
      <p className="condition-meta" data-testid="reference-evidence">
        {evidenceLines(reference.evidence).join('; ')}
      </p>
      <LinkedQuotes load={() => shareQuotes(reference.id)} refreshKey={`${reference.id}:${reference.live}:${JSON.stringify(reference.evidence)}`} testId="reference-quotes" />
      <p className="condition-meta" data-testid="reference-source">
        {referenceSource(reference)}
      </p>
      {!reference.live && (
        <p className="error-note" data-testid="reference-not-live">
          {notLiveText(reference)}
        </p>
      )}
    </>
  )
}
