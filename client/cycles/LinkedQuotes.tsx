// Quotes on a card from a linked board, fetched from the server when the card is shown: the
// document holds none (evidence by reference). The server answers only what the source board allows
// now, so a withdrawn or restricted story is simply not in the answer. `refreshKey` changes with
// the card's counts, so the list is asked again when the pattern changed.
import { SCALE_LABELS } from '../../shared/model/cycle.ts'
import type { CarriedQuote } from '../../shared/model/condition.ts'
import type { ApiResult } from '../home/api.ts'
import type { Quotes } from './cyclesApi.ts'
import { useLoad } from './useLoad.ts'

export function LinkedQuotes({ load, refreshKey, testId }: { load: () => Promise<ApiResult<Quotes>>; refreshKey: string; testId: string }) {
  const { value } = useLoad(load, refreshKey)
  const quotes = value?.quotes ?? []
  const measures = value?.measures ?? []
  if (quotes.length === 0 && measures.length === 0) return null
  // The server caps them: at most five from each pattern along the chain, nearest first.
  const shown = quotes
  return (
    <>
      {measures.length > 0 && (
        <p className="condition-meta" data-testid={`${testId}-measures`}>
          Measures: {measures.map((m) => `${m.name} ${formatSum(m.sum)}${m.unit ? ` ${m.unit}` : ''} (${m.count} ${m.count === 1 ? 'story' : 'stories'})`).join('; ')}
        </p>
      )}
      {shown.length > 0 && (
        <ul className="condition-quotes" aria-label="Quotes from working stories" data-testid={testId}>
          {shown.map((q, i) => (
            <li key={i} data-role={q.role}>
              “{q.text}”{q.role === 'counter-example' && <span className="quote-role"> (counter-example)</span>}
              {whoSaid(q) && <span className="who"> — {whoSaid(q)}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

const formatSum = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1))

/** The teller the consent record names, and where the story sits when it is further down. */
function whoSaid(q: CarriedQuote): string {
  const where = (q.levels ?? 1) > 1 && q.scale ? `${SCALE_LABELS[q.scale].toLowerCase()} cycle, ${LEVEL_WORDS[q.levels!] ?? q.levels} levels down` : ''
  return [q.teller, where].filter(Boolean).join(', ')
}

const LEVEL_WORDS: Record<number, string> = { 2: 'two', 3: 'three', 4: 'four' }
