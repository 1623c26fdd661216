// Search and filter: text, tag, experiment, outcome and sensitivity. The canvas rings what matches
// and fades the rest; the outline view shows only what matches. The filter is this person's view
// only (never in the document).
import { useMemo } from 'react'
import { filterChoices, type StoryFilter } from '../../shared/model/filter.ts'
import { OUTCOMES, SENSITIVITIES } from '../../shared/model/story.ts'
import type { BoardSession } from '../board/createSession.ts'
import { useStore } from '../store/useStore.ts'
import { criteriaCount, matchSet, withCriterion } from './matchSet.ts'

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1)

export function FilterBar({ session }: { session: BoardSession }) {
  const filter = useStore(session.ui, (s) => s.filter)
  const stories = useStore(session.board, (s) => s.stories)
  const choices = useMemo(() => filterChoices([...stories.values()]), [stories])
  const matched = useMemo(() => matchSet(stories.values(), filter), [stories, filter])
  const set = (next: StoryFilter) => session.ui.setState({ filter: next })
  const select = (label: string, testId: string, value: string, options: readonly string[], onChange: (v: string) => void, any: string) => (
    <label className="filter-field">
      <span className="visually-hidden">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} aria-label={label} className={value ? 'active' : ''}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {cap(o)}
          </option>
        ))}
      </select>
    </label>
  )
  return (
    <div role="search" className="filter-bar" aria-label="Search and filter stories">
      <label className="filter-field filter-text">
        <span className="visually-hidden">Search stories</span>
        <input type="search" placeholder="Search stories…" value={filter.text ?? ''} onChange={(e) => set(withCriterion(filter, 'text', e.target.value))} data-testid="filter-text" />
      </label>
      {select('Tag', 'filter-tag', filter.tags?.[0] ?? '', choices.tags, (v) => set(withCriterion(filter, 'tags', v)), 'Any tag')}
      {select('Experiment', 'filter-experiment', filter.experiment ?? '', choices.experiments, (v) => set(withCriterion(filter, 'experiment', v)), 'Any experiment')}
      {select('Outcome', 'filter-outcome', filter.outcomes?.[0] ?? '', OUTCOMES, (v) => set(withCriterion(filter, 'outcomes', v)), 'Any outcome')}
      {select('Sensitivity', 'filter-sensitivity', filter.sensitivities?.[0] ?? '', SENSITIVITIES, (v) => set(withCriterion(filter, 'sensitivities', v)), 'Any sensitivity')}
      {matched && (
        <>
          <span className="filter-count" data-testid="filter-count" role="status">
            {matched.size} of {stories.size} match
          </span>
          <button type="button" className="link-button" onClick={() => set({})} data-testid="filter-clear" aria-label={`Clear ${criteriaCount(filter)} filter criteria`}>
            Clear
          </button>
        </>
      )}
    </div>
  )
}
