// Quotes on a card from a linked board, fetched from the server when the card is shown: the
// document holds none (evidence by reference). The server answers only what the source board allows
// now, so a withdrawn or restricted story is simply not in the answer. `refreshKey` changes with
// the card's counts, so the list is asked again when the pattern changed.
import type { ApiResult } from '../home/api.ts'
import { MAX_QUOTES } from './cardLayout.ts'
import type { Quotes } from './cyclesApi.ts'
import { useLoad } from './useLoad.ts'

export function LinkedQuotes({ load, refreshKey, testId }: { load: () => Promise<ApiResult<Quotes>>; refreshKey: string; testId: string }) {
  const { value } = useLoad(load, refreshKey)
  const quotes = value?.quotes ?? []
  if (quotes.length === 0) return null
  return (
    <ul className="condition-quotes" aria-label="Quotes from working stories" data-testid={testId}>
      {quotes.slice(0, MAX_QUOTES).map((q, i) => (
        <li key={i} data-role={q.role}>
          “{q.text}”{q.role === 'counter-example' && <span className="quote-role"> (counter-example)</span>}
        </li>
      ))}
    </ul>
  )
}
