// The story panel: the model's optional fields for the selected story, saved through the
// updateStoryFields operation when a field is left or changed.
import { useState } from 'react'
import { OUTCOMES, SENSITIVITIES } from '../../shared/model/story.ts'
import type { BoardSession } from '../board/createSession.ts'
import { updateFields } from '../board/storyActions.ts'
import type { StoryView } from '../store/boardStore.ts'
import { useStore } from '../store/useStore.ts'
import { optionalText, tagsToText, textToTags } from './fieldValues.ts'
import { MeasuresEditor } from './MeasuresEditor.tsx'
import { StoryPatternField } from './StoryPatternField.tsx'

const SENSITIVITY_HELP = {
  working: 'Working: may travel to linked boards as a summary',
  confidential: 'Confidential: stays on this board; promotion carries counts only',
  restricted: 'Restricted: never leaves this board; facilitators and owner only',
} as const

export function StoryPanel({ session }: { session: BoardSession }) {
  const selection = useStore(session.ui, (s) => s.selection)
  const id = selection.size === 1 ? [...selection][0] : undefined
  const story = useStore(session.board, (s) => (id ? s.stories.get(id) : undefined))
  return (
    <aside className="story-panel" aria-label="Story details" data-overlay data-testid="story-panel">
      <header>
        <h2>Story details</h2>
        <button type="button" aria-label="Close story details" onClick={() => session.ui.setState({ panelOpen: false })}>
          ×
        </button>
      </header>
      {story ? <StoryFieldsForm key={story.id} session={session} story={story} /> : <p className="hint">Select one story to see and edit its details.</p>}
    </aside>
  )
}

function StoryFieldsForm({ session, story }: { session: BoardSession; story: StoryView }) {
  const [experiment, setExperiment] = useState(story.experiment ?? '')
  const [tellerRole, setTellerRole] = useState(story.tellerRole ?? '')
  const [date, setDate] = useState(story.date ?? '')
  const [tags, setTags] = useState(tagsToText(story.tags))
  const save = (fields: Record<string, unknown>) => updateFields(session, story.id, fields)
  return (
    <form className="story-fields" onSubmit={(e) => e.preventDefault()} data-story-id={story.id}>
      <StoryPatternField session={session} storyId={story.id} />
      <label>
        Experiment
        <input value={experiment} onChange={(e) => setExperiment(e.target.value)} onBlur={() => save({ experiment: optionalText(experiment) })} maxLength={200} />
      </label>
      <label>
        Teller role
        <input value={tellerRole} onChange={(e) => setTellerRole(e.target.value)} onBlur={() => save({ tellerRole: optionalText(tellerRole) })} maxLength={120} placeholder="e.g. tenant, support worker" />
      </label>
      <label>
        Date
        <input type="date" value={date} onChange={(e) => setDate(e.target.value)} onBlur={() => save({ date: optionalText(date) })} />
      </label>
      <label>
        Tags <span className="hint">(comma separated)</span>
        <input value={tags} onChange={(e) => setTags(e.target.value)} onBlur={() => save({ tags: textToTags(tags) })} />
      </label>
      <label>
        Outcome
        <select value={story.outcome ?? ''} onChange={(e) => save({ outcome: e.target.value || null })}>
          <option value="">Not set</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {o[0]!.toUpperCase() + o.slice(1)}
            </option>
          ))}
        </select>
      </label>
      <MeasuresEditor story={story} commit={(measures) => save({ measures })} />
      <label>
        Sensitivity
        <select value={story.sensitivity} onChange={(e) => save({ sensitivity: e.target.value })} aria-describedby="sensitivity-help">
          {SENSITIVITIES.map((s) => (
            <option key={s} value={s}>
              {s[0]!.toUpperCase() + s.slice(1)}
            </option>
          ))}
        </select>
      </label>
      <p id="sensitivity-help" className="hint">
        {SENSITIVITY_HELP[story.sensitivity]}
      </p>
    </form>
  )
}
